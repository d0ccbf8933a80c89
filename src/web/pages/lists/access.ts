// The bodies whose list the signed-in actor drafts (clerk) or submits (lead unit), from the
// session's roles. What the actor may do with a draft comes with the draft (Draft.can): the
// server decides, this page only lists where to start.
import type { Session } from '../../types.ts';

/** The bodies where the actor drafts (clerk) or submits (lead unit) a list. */
export function ownBodies(s: Session): { bodyId: number; bodyName: string; clerk: boolean; lead: boolean }[] {
  const m = new Map<number, { bodyId: number; bodyName: string; clerk: boolean; lead: boolean }>();
  for (const g of s.roles) {
    if (g.role !== 'clerk' && g.role !== 'leadUnit') continue;
    const e = m.get(g.bodyId) ?? { bodyId: g.bodyId, bodyName: g.bodyName, clerk: false, lead: false };
    if (g.role === 'clerk') e.clerk = true;
    else e.lead = true;
    m.set(g.bodyId, e);
  }
  return [...m.values()];
}
