// What an application is waiting for now: its open steps and the deadline that matters next.
import { useEffect, useState } from 'react';
import { adjApi } from './adjApi.ts';
import type { Adjustment, AdjustmentRow, StepDeadline } from './model.ts';

/**
 * The deadline to show for an application: an open step's own clock, or — while a step without
 * one is open (the draft) — the next step's (the filing deadline counts from the trigger date).
 */
export function currentDeadline(a: Pick<Adjustment, 'deadlines' | 'status'>): StepDeadline | null {
  if (a.status !== 'open' && a.status !== 'due') return null;
  const open = a.deadlines.filter((d) => d.state === 'open');
  const own = open.find((d) => d.due?.kind === 'deadline') ?? open.find((d) => d.due);
  if (own) return own;
  const firstOpen = a.deadlines.findIndex((d) => d.state !== 'done');
  return (
    a.deadlines.slice(Math.max(firstOpen, 0)).find((d) => d.state !== 'done' && d.due?.kind === 'deadline') ?? null
  );
}

/**
 * The list API gives no step deadlines, so the rows on screen that are still running are read
 * one by one (a few at a time), keyed by id and last change so a reload reuses what it has.
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
