// An application as the workspace shows it: its content, the field-level difference against
// the current published version, every step's deadline with its article, conflicts with other
// open applications, its history, and what the signed-in actor may do now (the UI never
// decides alone: these abilities come from the same table the commands use).
import type { Actor } from '../../core/actor.js';
import { exactNoticeFor, todayInBeijing } from '../../core/calendar/index.js';
import { diffPower } from '../../core/register/index.js';
import {
  adjustmentKindDef,
  citeArticle,
  findStep,
  getRulebook,
  triggerKindDef,
  type StepId,
} from '../../core/rulebook/index.js';
import { loadCalendar } from '../calendar/calendar.repo.js';
import { latestVersion, loadCurrentList } from '../register/publish.js';
import {
  clockStarts,
  completedOn,
  conflictsOf,
  recordedDueOn,
  currentConsultation,
  involvementOf,
  loadItems,
  stepRecords,
  workflowState,
  type AdjustmentRecord,
  type ConsultationRecord,
  type StepRecord,
} from './adjustments.repo.js';
import type { Db } from '../../platform/db.js';
import { staleItems } from './apply.js';
import { stepDeadlines } from './deadlines.js';
import { filingDue } from './filing-due.js';
import { previewOf } from './publication.js';
import { statusLabelOf } from './status-words.js';
import {
  APPLICATION_ACTIONS,
  decide,
  openSteps,
  offersOf,
  rolesFor,
  type Action,
  type WorkflowState,
} from './transitions.js';
import { duplicatesView } from './duplicates.command.js';
import { applicationRoles } from './receiving.js';

/** Every action the actor may take now, per the transition table. */
export function abilities(
  state: WorkflowState,
  attempt: { roles: ReturnType<typeof applicationRoles>; drafted: boolean; submitted: boolean },
) {
  const out: { action: Action; step: StepId | null }[] = [];
  for (const action of APPLICATION_ACTIONS)
    if (decide(state, { ...attempt, action }).ok) out.push({ action, step: null });
  for (const step of openSteps(state)) {
    for (const action of offersOf(step.id))
      if (decide(state, { ...attempt, action, step: step.id }).ok) out.push({ action, step: step.id });
  }
  return out;
}

/** The most pressing deadline of an application (for lists and inboxes): an open step's, or filing. */
export async function nextDueOf(
  db: Db,
  a: AdjustmentRecord,
  cal: Awaited<ReturnType<typeof loadCalendar>>,
  today: string,
) {
  if (a.status !== 'open' && a.status !== 'due') return null;
  return nextDueFrom(a, await currentConsultation(db, a.id, a.round), await stepRecords(db, a.id), cal, today);
}

/** nextDueOf from the consultation and step records already read (a list reads them for all rows at once). */
export function nextDueFrom(
  a: AdjustmentRecord,
  c: ConsultationRecord | undefined,
  records: readonly StepRecord[],
  cal: Awaited<ReturnType<typeof loadCalendar>>,
  today: string,
) {
  if (a.status !== 'open' && a.status !== 'due') return null;
  const rows = stepDeadlines(
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
  const pressing = rows.filter(
    (d) => d.due?.kind === 'deadline' && (d.state === 'open' || (d.step === 'submit' && !a.firstSubmittedAt)),
  );
  pressing.sort((x, y) => (x.due!.date < y.due!.date ? -1 : 1));
  const d = pressing[0];
  if (!d) return null;
  const left = cal.workdaysBetween(today, d.due!.date);
  return {
    step: d.step,
    label: d.label,
    date: d.due!.date,
    provisional: d.due!.provisional,
    citation: d.due!.citation,
    articleText: d.due!.articleText,
    exactNotice: d.due!.exactNotice,
    workdaysLeft: left,
    overdue: today > d.due!.date,
  };
}

export async function attachmentList(db: Db, adjustmentId: number) {
  return db
    .selectFrom('adjustment_attachment as f')
    .innerJoin('app_user as u', 'u.id', 'f.uploaded_by')
    .select([
      'f.id',
      'f.filename',
      'f.media_type',
      'f.size_bytes',
      'f.sm3',
      'f.uploaded_at',
      'u.display_name as uploaded_by_name',
    ])
    .where('f.adjustment_id', '=', adjustmentId)
    .orderBy('f.id')
    .execute();
}

export async function presentAdjustment(db: Db, a: AdjustmentRecord, actor: Actor, now: Date) {
  const rb = getRulebook(a.rulebookId);
  const today = todayInBeijing(now);
  const cal = await loadCalendar(db);
  const published = a.publishedAt !== null;
  // issue 11.5: the body's list is read once, and only while the application can still change it
  // (for staleness and the preview); a published one shows just the current version number
  const [c, records, items, list] = [
    await currentConsultation(db, a.id, a.round),
    await stepRecords(db, a.id),
    await loadItems(db, a.id),
    published ? null : await loadCurrentList(db, a.bodyId),
  ];
  const state = workflowState(a, c);
  const submit = findStep(rb, a.kind, 'submit')!;
  // §12: once filed, the filing deadline is the one stored then (a calendar correction moves only running ones).
  const filing = a.firstSubmittedAt
    ? { date: a.filingDue, provisional: a.filingDueProvisional }
    : filingDue(a.rulebookId, a.kind, a.triggerDate, cal);
  const stale = !list || a.status !== 'open' ? [] : staleItems(items, list.powers);
  const kindDef = adjustmentKindDef(rb, a.kind);
  return {
    ...a,
    statusLabel: statusLabelOf(a, today),
    kindLabel: kindDef.label,
    kindCitation: citeArticle(rb, kindDef.article, kindDef.inherited2023 === true),
    triggerKindLabel: triggerKindDef(rb, a.triggerKind as never).label,
    rulebook: { id: rb.id, label: rb.label, managingOffice: rb.managingOffice.name },
    currentVersion: list ? list.version : await latestVersion(db, a.bodyId),
    filing: {
      due: filing.date,
      provisional: filing.provisional,
      exactNotice: filing.provisional ? exactNoticeFor(Number(filing.date.slice(0, 4))) : null,
      citation: citeArticle(rb, submit.clock!.article, submit.clock!.inherited2023 === true),
      articleText: submit.clock!.articleText,
      late: a.late,
      missing: a.missingAt !== null,
      workdaysLeft: a.firstSubmittedAt ? null : cal.workdaysBetween(today, filing.date),
    },
    items: items.map((it) => ({
      id: it.id,
      ord: it.ord,
      targetCode: it.targetCode,
      resultCode: it.resultCode,
      base: it.base,
      proposed: it.proposed,
      changes: it.base && it.proposed ? diffPower(it.base, it.proposed) : [],
      exclusionFlags: it.exclusionFlags,
      exclusionOverride: it.exclusionOverride,
    })),
    preview: list ? await previewOf(db, a, items, list) : null,
    stale,
    conflicts: a.status === 'open' || a.status === 'due' ? await conflictsOf(db, a) : [],
    consultation: c ?? null,
    // §5: who acts on a step is the rulebook's choice for the body's level
    deadlines: stepDeadlines(
      {
        rulebookId: a.rulebookId,
        kind: a.kind,
        completed: a.completedSteps,
        open: a.openSteps,
        starts: clockStarts(a, c),
        completedOn: completedOn(a, records),
        dueOn: recordedDueOn(a, records),
        today,
      },
      cal,
    ).map((d) => ({ ...d, roles: [...rolesFor(state, findStep(rb, a.kind, d.step)!)] })),
    history: records,
    attachments: await attachmentList(db, a.id),
    // §13(五): what the receiving body's list already has of the delegated powers, and the decisions
    duplicates: a.status === 'open' && !published ? await duplicatesView(db, a, items) : [],
    can: abilities(state, { roles: applicationRoles(actor, a), ...involvementOf(a, records, actor.userId) }),
    today,
  };
}
