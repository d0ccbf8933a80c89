// The workspace's API client. Same-origin cookies carry the session; every write carries the
// session's CSRF token in `x-csrf-token`. Errors arrive as { error: { code, message, details } }
// and are thrown as ApiError; a lost session (401) sends the user to the login page.
import type {
  AdminChange,
  AuditPage,
  AuditVerify,
  Body,
  PasswordRules,
  PendingAnswer,
  Region,
  Role,
  SecurityPolicy,
  Session,
  UserDetail,
  UserRow,
} from './types.ts';
import type { z } from 'zod';
import type { createUserBody, loginAnswerSchema } from '../contract/accounts.ts';
import type { auditActionsSchema, auditQuery } from '../contract/audit.ts';
import type { bodyInput } from '../contract/bodies.ts';

export interface ErrorDetail {
  field?: string;
  row?: number;
  column?: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

let onUnauthorized: (err: ApiError) => void = () => {};
export const setUnauthorizedHandler = (h: (err: ApiError) => void) => {
  onUnauthorized = h;
};

let onPasswordChangeRequired: () => void = () => {};
/** Called when the server answers 403 PASSWORD_CHANGE_REQUIRED: the session must change its password first. */
export const setPasswordChangeHandler = (h: () => void) => {
  onPasswordChangeRequired = h;
};

/** A change to an administrator is only filed (202) until a second administrator confirms it. */
export const isPending = (r: unknown): r is PendingAnswer => !!r && typeof r === 'object' && 'pending' in r;

type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `${path}?${s}` : path;
}

async function send<T>(method: string, path: string, body?: unknown, retried = false): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: handled below */
  }
  if (res.ok) return data as T;

  const e = (data as { error?: { code?: string; message?: string; details?: ErrorDetail[] } } | undefined)?.error;
  const err = new ApiError(
    res.status,
    e?.code ?? `HTTP_${res.status}`,
    e?.message ?? httpMessage(res.status),
    e?.details ?? [],
  );
  // a stale CSRF token (e.g. after signing in in another tab): fetch the current one and retry once
  if (err.code === 'CSRF_INVALID' && !retried) {
    const s = await send<Session>('GET', '/api/session').catch(() => null);
    if (s) {
      setCsrfToken(s.csrfToken);
      return send<T>(method, path, body, true);
    }
  }
  if (res.status === 401 && (err.code === 'UNAUTHENTICATED' || err.code === 'SESSION_EXPIRED')) onUnauthorized(err);
  if (err.code === 'PASSWORD_CHANGE_REQUIRED') onPasswordChangeRequired();
  throw err;
}

function httpMessage(status: number): string {
  if (status === 404) return '请求的资源不存在';
  if (status === 403) return '您没有执行此操作的权限';
  if (status >= 500) return '服务器暂时无法处理请求，请稍后重试';
  return `请求失败（${status}）`;
}

export const http = {
  get: <T>(path: string, query?: Query) => send<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => send<T>('POST', path, body),
  put: <T>(path: string, body?: unknown) => send<T>('PUT', path, body),
  patch: <T>(path: string, body?: unknown) => send<T>('PATCH', path, body),
  del: <T>(path: string, body?: unknown) => send<T>('DELETE', path, body),
};

// request shapes: what the contract's request schemas accept (src/contract)
export type BodyInput = z.input<typeof bodyInput>;
export type NewUser = z.input<typeof createUserBody>;
export type AuditQuery = z.infer<typeof auditQuery>;

/** One function per endpoint the workspace calls. */
export const api = {
  session: () => http.get<Session>('/api/session'),
  login: (username: string, password: string) =>
    http.post<z.infer<typeof loginAnswerSchema>>('/api/auth/login', {
      username,
      password,
    }),
  logout: () => http.post<{ ok: boolean }>('/api/auth/logout'),
  changePassword: (oldPassword: string, newPassword: string) =>
    http.post<{ ok: boolean }>('/api/auth/password', { oldPassword, newPassword }),
  passwordRules: () => http.get<PasswordRules>('/api/security/password-rules'),

  regions: () => http.get<Region[]>('/api/regions'),
  bodies: (q: { region?: string; q?: string } = {}) => http.get<Body[]>('/api/bodies', q),
  body: (id: number) => http.get<Body>(`/api/bodies/${id}`),
  createBody: (b: BodyInput) => http.post<Body>('/api/bodies', b),
  updateBody: (id: number, b: Partial<Omit<BodyInput, 'regionCode'>>) => http.patch<Body>(`/api/bodies/${id}`, b),

  users: (q: { bodyId?: number; q?: string } = {}) => http.get<UserRow[]>('/api/users', q),
  user: (id: number) => http.get<UserDetail>(`/api/users/${id}`),
  createUser: (u: NewUser) => http.post<UserDetail>('/api/users', u),
  // a change to an administrator answers 202 PendingAnswer: see isPending
  updateUser: (id: number, u: { displayName?: string; disabled?: boolean }) =>
    http.patch<UserDetail | PendingAnswer>(`/api/users/${id}`, u),
  unlockUser: (id: number) => http.post<UserDetail>(`/api/users/${id}/unlock`),
  grantRole: (id: number, bodyId: number, role: Role) =>
    http.post<UserDetail | PendingAnswer>(`/api/users/${id}/roles`, { bodyId, role }),
  revokeRole: (id: number, bodyId: number, role: Role) =>
    http.del<UserDetail | PendingAnswer>(`/api/users/${id}/roles`, { bodyId, role }),
  adminChanges: (status: 'pending' | 'decided' = 'pending') =>
    http.get<AdminChange[]>('/api/admin-changes', { status }),
  confirmAdminChange: (id: number) => http.post<AdminChange>(`/api/admin-changes/${id}/confirm`),
  rejectAdminChange: (id: number, reason: string) =>
    http.post<AdminChange>(`/api/admin-changes/${id}/reject`, { reason }),

  policy: () => http.get<SecurityPolicy>('/api/security/policy'),
  savePolicy: (p: SecurityPolicy) => http.put<SecurityPolicy>('/api/security/policy', p),

  audit: (q: AuditQuery) => http.get<AuditPage>('/api/audit', { ...q }),
  auditActions: () => http.get<z.infer<typeof auditActionsSchema>>('/api/audit/actions'),
  auditVerify: () => http.get<AuditVerify>('/api/audit/verify'),
};
