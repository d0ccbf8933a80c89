// The list of applications as the workspace shows it (GET /api/adjustments): each row with its
// status words, its most pressing deadline and what the actor may do now. Issue 11.5: a fixed
// number of queries whatever the page size — the applications, the calendar, and every row's
// consultation and step records read at once, not per row.
import type { Actor } from '../../core/actor.js';
import { todayInBeijing } from '../../core/calendar/index.js';
import type { Db } from '../../platform/db.js';
import { loadCalendar } from '../calendar/calendar.repo.js';
import {
  currentConsultations,
  involvementOf,
  listAdjustments,
  stepRecordsOf,
  workflowState,
} from './adjustments.repo.js';
import { abilities, nextDueFrom } from './present.js';
import { applicationRoles } from './receiving.js';
import { statusLabelOf } from './status-words.js';
import type { AdjustmentStatus } from './transitions.js';

export interface ListQuery {
  status?: AdjustmentStatus;
  bodyId?: number;
  /** '1': only the applications waiting for the actor (a step or a start it may do now) */
  waiting?: string;
}

export async function adjustmentListItems(db: Db, actor: Actor, q: ListQuery, now: Date) {
  const rows = await listAdjustments(db, actor, { status: q.status ? [q.status] : undefined, bodyId: q.bodyId });
  const today = todayInBeijing(now);
  const cal = await loadCalendar(db);
  // only running applications have abilities and deadlines worth reading (or every row, for 'waiting')
  const live = rows.filter((a) => q.waiting === '1' || a.status === 'open' || a.status === 'due');
  const consultations = await currentConsultations(db, live);
  const recordsOf = await stepRecordsOf(
    db,
    live.map((a) => a.id),
  );
  const out = [];
  for (const a of rows) {
    const c = consultations.get(a.id);
    const records = recordsOf.get(a.id) ?? [];
    const can = recordsOf.has(a.id)
      ? abilities(workflowState(a, c), {
          roles: applicationRoles(actor, a),
          ...involvementOf(a, records, actor.userId),
        })
      : [];
    if (q.waiting === '1' && !can.some((x) => x.step || x.action === 'start')) continue;
    out.push({
      id: a.id,
      title: a.title,
      kind: a.kind,
      status: a.status,
      statusLabel: statusLabelOf(a, today),
      rulebookId: a.rulebookId,
      bodyId: a.bodyId,
      bodyName: a.bodyName,
      openSteps: a.openSteps,
      triggerDate: a.triggerDate,
      filingDue: a.filingDue,
      filingDueProvisional: a.filingDueProvisional,
      late: a.late,
      missing: a.missingAt !== null,
      publishedVersion: a.publishedVersion,
      updatedAt: a.updatedAt,
      nextDue: nextDueFrom(a, c, records, cal, today),
      can,
    });
  }
  return out;
}
