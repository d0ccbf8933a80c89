// Who is signed in: loads GET /api/session once, keeps the CSRF token for the API client, and
// sends the user to /login when the server says the session is gone. A session that must change
// its password (mustChangePassword) is reloaded when the server refuses anything else.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { api, ApiError, setCsrfToken, setPasswordChangeHandler, setUnauthorizedHandler } from './api.ts';
import { toast } from './lib/feedback.ts';
import type { Ability, Session } from './types.ts';

interface SessionState {
  /** undefined while loading, null when signed out */
  session: Session | null | undefined;
  login: (username: string, password: string) => Promise<Session>;
  logout: () => Promise<void>;
  refresh: () => Promise<Session | null>;
  can: (ability?: Ability | Ability[]) => boolean;
}

const Ctx = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const navigate = useNavigate();
  const location = useLocation();
  const current = useRef(session);
  current.current = session;

  const refresh = useCallback(async () => {
    try {
      const s = await api.session();
      setCsrfToken(s.csrfToken);
      setSession(s);
      return s;
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) toast.error((e as Error).message);
      setCsrfToken(null);
      setSession(null);
      return null;
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // the server says this session must change its password first: reload it, the router then
  // shows only the 修改密码 page (App.tsx)
  useEffect(() => {
    setPasswordChangeHandler(() => {
      void refresh();
    });
  }, [refresh]);

  // any 401 from the API: forget the session and go to the login page, then come back
  useEffect(() => {
    setUnauthorizedHandler((err) => {
      setCsrfToken(null);
      if (current.current)
        toast.warning(err.code === 'SESSION_EXPIRED' ? '登录已超时，请重新登录' : err.message || '请先登录');
      current.current = null;
      setSession(null);
      if (!location.pathname.startsWith('/login'))
        navigate('/login', { replace: true, state: { from: location.pathname + location.search } });
    });
  }, [navigate, location]);

  const login = useCallback(async (username: string, password: string) => {
    const r = await api.login(username, password);
    setCsrfToken(r.csrfToken);
    const s = await api.session();
    setCsrfToken(s.csrfToken);
    setSession(s);
    return s;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.logout();
    } catch {
      /* already signed out: nothing to undo */
    }
    setCsrfToken(null);
    setSession(null);
  }, []);

  const can = useCallback(
    (ability?: Ability | Ability[]) => {
      if (!ability) return true;
      if (!session) return false;
      const list = Array.isArray(ability) ? ability : [ability];
      return list.some((a) => session.abilities[a]);
    },
    [session],
  );

  const value = useMemo(() => ({ session, login, logout, refresh, can }), [session, login, logout, refresh, can]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSession(): SessionState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useSession must be used inside <SessionProvider>');
  return v;
}

/** The signed-in session; only for pages under the authenticated layout. */
export function useActor(): Session {
  const { session } = useSession();
  if (!session) throw new Error('no session');
  return session;
}
