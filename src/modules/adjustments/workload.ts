// 工作台 (issue 9.7): what waits for the signed-in person, per role they hold — how many
// applications wait for them now and how many of those are past the deadline of the step they
// act on — so that each role lands on its work. Scoped like the application list: only what the
// actor may see, and a role counts only where it acts (body roles at their body, office roles
// at the body's level).
import type { Actor, Role } from '../../core/actor.js';
import { todayInBeijing, type IsoDate } from '../../core/calendar/index.js';
import type { StepId } from '../../core/rulebook/index.js';
import { loadCalendar } from '../calendar/calendar.repo.js';
import {
  clockStarts,
  completedOn,
  currentConsultations,
  involvementOf,
  listAdjustments,
  stepRecordsOf,
  workflowState,
} from './adjustments.repo.js';
import type { Db } from '../../platform/db.js';
import { stepDeadlines } from './deadlines.js';
import { abilities } from './present.js';
import { grantRole } from './transitions.js';
import { applicationRoles } from './receiving.js';

export interface RoleWorkload {
  role: Role;
  /** applications at a step this role acts on now (or, for a clerk, a triggered one to start) */
  waiting: number[];
  /** of those, the ones past the deadline of that step (§12 clocks; filing for one not yet started) */
  overdue: number[];
}

export async function workloadOf(db: Db, actor: Actor, now: Date): Promise<RoleWorkload[]> {
  const today: IsoDate = todayInBeijing(now);
  const cal = await loadCalendar(db);
  const out = new Map<Role, RoleWorkload>();
  for (const g of actor.grants) {
    if (!out.has(g.role)) out.set(g.role, { role: g.role, waiting: [], overdue: [] });
  }
  const apps = await listAdjustments(db, actor, { status: ['due', 'open'] });
  // two queries for all of them, not two per application
  const [consultations, recordsOf] = await Promise.all([
    currentConsultations(db, apps),
    stepRecordsOf(
      db,
      apps.map((a) => a.id),
    ),
  ]);
  for (const a of apps) {
    // §13(五): a receiving body's lead unit counts its confirmations under its own role.
    const held = applicationRoles(actor, a);
    if (!held.length) continue;
    const c = consultations.get(a.id);
    const records = recordsOf.get(a.id) ?? [];
    const state = workflowState(a, c);
    const involvement = involvementOf(a, records, actor.userId);
    const deadlines = stepDeadlines(
      {
        rulebookId: a.rulebookId,
        kind: a.kind,
        completed: a.completedSteps,
        open: a.openSteps,
        starts: clockStarts(a, c),
        completedOn: completedOn(a, records),
        today,
      },
      cal,
    );
    const late = (step: StepId) =>
      deadlines.some((d) => d.step === step && d.due?.kind === 'deadline' && today > d.due.date);
    for (const role of held) {
      const can = abilities(state, { roles: [role], ...involvement });
      const steps = [...new Set(can.flatMap((x) => (x.step ? [x.step] : [])))];
      const starts = can.some((x) => x.action === 'start');
      if (!steps.length && !starts) continue;
      const as = grantRole(role);
      const w = out.get(as) ?? { role: as, waiting: [], overdue: [] };
      out.set(as, w);
      if (w.waiting.includes(a.id)) continue;
      w.waiting.push(a.id);
      // drafting and submitting run on the filing clock (§12: 15 working days from the trigger)
      const filingLate =
        (starts || steps.includes('draft') || steps.includes('submit')) && !a.firstSubmittedAt && today > a.filingDue;
      if (filingLate || steps.some(late)) w.overdue.push(a.id);
    }
  }
  return [...out.values()];
}
