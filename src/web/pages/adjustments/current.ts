// The full detail of the rows on screen that are still running, for pages that show more of an
// application than its list row (the approvals page's pending cards). The deadline that matters
// next comes with the row itself (nextDue, computed by the server).
import { useEffect, useState } from 'react';
import { adjApi } from './adjApi.ts';
import type { Adjustment, AdjustmentRow } from './model.ts';

/**
 * The rows still running, read one by one (a few at a time), keyed by id and last change so a
 * reload reuses what it has.
 */
export function useDetails(rows: AdjustmentRow[]): Map<number, Adjustment> {
  const [details, setDetails] = useState(new Map<number, Adjustment>());
  const key = rows
    .filter((r) => r.status === 'open' || r.status === 'due')
    .map((r) => `${r.id}@${r.updatedAt}`)
    .join(',');
  useEffect(() => {
    let live = true;
    const wanted = key ? key.split(',').map((k) => Number(k.split('@')[0])) : [];
    const queue = [...wanted];
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        try {
          const a = await adjApi.get(id);
          if (live) setDetails((m) => new Map(m).set(id!, a));
        } catch {
          /* a row that went away: the list shows what it has */
        }
      }
    };
    void Promise.all([worker(), worker(), worker(), worker()]);
    return () => {
      live = false;
    };
  }, [key]);
  return details;
}
