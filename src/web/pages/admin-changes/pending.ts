// The menu's count of administrator changes this administrator may confirm. Pages that file,
// decide or list changes call announceAdminChanges() so the badge follows at once; it is also
// recounted on each page change, when the window regains focus, and every minute.
import { useEffect, useState } from 'react';
import { api } from '../../api.ts';

const EVENT = 'qz:admin-changes';

export const announceAdminChanges = () => window.dispatchEvent(new Event(EVENT));

/** How many pending changes wait for this administrator's confirmation. */
export function usePendingAdminChangeCount(enabled: boolean, pathname: string): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    // the badge is a convenience: a failure to count is not worth a message
    const load = () =>
      api.adminChanges().then(
        (list) => live && setCount(list.filter((c) => c.mayConfirm).length),
        () => {},
      );
    void load();
    window.addEventListener(EVENT, load);
    window.addEventListener('focus', load);
    const timer = window.setInterval(load, 60_000);
    return () => {
      live = false;
      window.removeEventListener(EVENT, load);
      window.removeEventListener('focus', load);
      window.clearInterval(timer);
    };
  }, [enabled, pathname]);
  return enabled ? count : 0;
}
