// Reading applications: the row with its body and region, its affected powers, its current
// consultation, its history, and the scoped lists. Date columns are read as text so that
// PGlite and PostgreSQL give the same 'YYYY-MM-DD' (never a local-time Date).
import { sql, type Transaction } from 'kysely';
import type { Actor } from '../../core/actor.js';
import { todayInBeijing, type IsoDate } from '../../core/calendar/index.js';
import { officeScopes, staffedBodies } from '../../core/policies/index.js';
import { levelOfPath, type AdjustmentKind, type StepId } from '../../core/rulebook/index.js';
import type { DB } from '../../db/schema.js';
import { readJsonb, type Db } from '../../platform/db.js';
import type { DuplicateResolution, Item, ListPower } from './apply.js';
import type { ExclusionOverride } from './content-rules.js';
import type { DutyItem } from './duties.js';
import type { ExclusionFlag } from '../../core/register/index.js';
import type { ClockStarts } from './deadlines.js';
import type { AdjustmentStatus, ConsultationState, WorkflowState } from './transitions.js';

const json = readJsonb;
const day = (ref: string) => sql<string>`${sql.ref(ref)}::text`;

function base(db: Db) {
  return db
    .selectFrom('adjustment as a')
    .innerJoin('body as b', 'b.id', 'a.body_id')
    .innerJoin('region as r', 'r.code', 'b.region_code')
    .leftJoin('body as rb', 'rb.id', 'a.receiving_body_id')
    .select([
      'a.id',
      'a.body_id',
      'b.name as body_name',
      'b.seq as body_seq',
      'r.code as region_code',
      'r.path as region_path',
      'r.name as region_name',
      'a.kind',
      'a.status',
      'a.rulebook_id',
      'a.round',
      'a.completed_steps',
      'a.open_steps',
      'a.title',
      'a.trigger_kind',
      day('a.trigger_date').as('trigger_date'),
      day('a.filing_due').as('filing_due'),
      'a.filing_due_provisional',
      'a.reason',
      'a.legal_basis',
      'a.takeover',
      'a.special_notes',
      'a.receiving_body_id',
      'rb.name as receiving_body_name',
      'a.base_version',
      'a.batch_id',
      'a.law_change_id',
      'a.late',
      'a.missing_at',
      'a.first_submitted_at',
      'a.submitted_at',
      'a.normative_document_number',
      'a.approved_at',
      'a.published_at',
      'a.published_version',
      'a.receiving_published_version',
      'a.closed_reason',
      'a.closed_at',
      'a.created_by',
      'a.created_at',
      'a.updated_at',
      'a.duty_items',
      'a.version',
      'a.updated_by',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

function toRecord(r: Row) {
  return {
    id: r.id,
    bodyId: r.body_id,
    bodyName: r.body_name,
    bodySeq: r.body_seq,
    regionCode: r.region_code,
    regionPath: r.region_path,
    regionName: r.region_name,
    kind: r.kind as AdjustmentKind,
    status: r.status as AdjustmentStatus,
    rulebookId: r.rulebook_id,
    round: r.round,
    completedSteps: json<StepId[]>(r.completed_steps),
    openSteps: json<StepId[]>(r.open_steps),
    title: r.title,
    triggerKind: r.trigger_kind,
    triggerDate: r.trigger_date as IsoDate,
    filingDue: r.filing_due as IsoDate,
    filingDueProvisional: r.filing_due_provisional,
    reason: r.reason,
    legalBasis: r.legal_basis,
    takeover: r.takeover,
    specialNotes: r.special_notes,
    receivingBodyId: r.receiving_body_id,
    receivingBodyName: r.receiving_body_name,
    baseVersion: r.base_version,
    batchId: r.batch_id,
    lawChangeId: r.law_change_id,
    late: r.late,
    missingAt: r.missing_at,
    firstSubmittedAt: r.first_submitted_at,
    submittedAt: r.submitted_at,
    normativeDocumentNumber: r.normative_document_number,
    approvedAt: r.approved_at,
    publishedAt: r.published_at,
    publishedVersion: r.published_version,
    receivingPublishedVersion: r.receiving_published_version,
    closedReason: r.closed_reason,
    closedAt: r.closed_at,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    /** issue 10.8: bumped by every change; a save names the version it read */
    version: r.version,
    updatedBy: r.updated_by,
    dutyItems: json<DutyItem[]>(r.duty_items) ?? [],
  };
}

export type AdjustmentRecord = ReturnType<typeof toRecord>;

export async function findAdjustment(db: Db, id: number): Promise<AdjustmentRecord | undefined> {
  const r = await base(db).where('a.id', '=', id).executeTakeFirst();
  return r && toRecord(r);
}

/** Inside a command: lock the row first, so two transitions on one application serialise. */
export async function lockAdjustment(trx: Transaction<DB>, id: number): Promise<AdjustmentRecord | undefined> {
  await sql`select id from adjustment where id = ${id} for update`.execute(trx);
  return findAdjustment(trx, id);
}

export interface ListFilter {
  status?: AdjustmentStatus[];
  bodyId?: number;
  /** only applications with one of these steps open */
  openStep?: StepId[];
  limit?: number;
}

/** Applications the actor may see (canViewAdjustment as a query), newest first. */
export async function listAdjustments(db: Db, actor: Actor, f: ListFilter = {}): Promise<AdjustmentRecord[]> {
  // canViewAdjustment's two halves: the bodies staffed (applying or receiving), the offices' regions
  const bodyIds = staffedBodies(actor);
  const paths = officeScopes(actor);
  if (!bodyIds.length && !paths.length) return [];
  let q = base(db).where((eb) =>
    eb.or([
      ...(bodyIds.length ? [eb('a.body_id', 'in', bodyIds), eb('a.receiving_body_id', 'in', bodyIds)] : []),
      ...paths.flatMap((p) => [eb('r.path', '=', p), eb('r.path', 'like', `${p}/%`)]),
    ]),
  );
  if (f.status?.length) q = q.where('a.status', 'in', f.status);
  if (f.bodyId) q = q.where('a.body_id', '=', f.bodyId);
  if (f.openStep?.length) q = q.where(sql<boolean>`a.open_steps ?| ${sql.val(f.openStep)}::text[]`);
  const rows = await q
    .orderBy('a.updated_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(f.limit ?? 200)
    .execute();
  return rows.map(toRecord);
}

export interface StoredItem extends Item {
  id: number;
  ord: number;
  resultCode: string | null;
  /** §8 screening of an 增加 or a renaming 修改, and the office's decision to keep it. */
  exclusionFlags: ExclusionFlag[];
  exclusionOverride: ExclusionOverride | null;
  duplicate: DuplicateResolution | null;
}

export async function loadItems(db: Db, adjustmentId: number): Promise<StoredItem[]> {
  const rows = await db
    .selectFrom('adjustment_item')
    .selectAll()
    .where('adjustment_id', '=', adjustmentId)
    .orderBy('ord')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    ord: r.ord,
    targetCode: r.target_code,
    base: json<ListPower | null>(r.base) ?? null,
    proposed: json<ListPower | null>(r.proposed) ?? null,
    resultCode: r.result_code,
    exclusionFlags: json<ExclusionFlag[]>(r.exclusion_flags) ?? [],
    exclusionOverride: json<ExclusionOverride | null>(r.exclusion_override) ?? null,
    duplicate: json<DuplicateResolution | null>(r.duplicate_resolution) ?? null,
  }));
}

export async function currentConsultation(db: Db, adjustmentId: number, round: number) {
  return (await currentConsultations(db, [{ id: adjustmentId, round }])).get(adjustmentId);
}
/** Each application's consultation in its current round, in one query (lists and counts). */
export async function currentConsultations(db: Db, apps: readonly { id: number; round: number }[]) {
  if (!apps.length) return new Map<number, never>();
  const rows = await db
    .selectFrom('consultation')
    .select([
      'id',
      'adjustment_id',
      'round',
      day('opens_on').as('opens_on'),
      day('closes_on').as('closes_on'),
      'status',
      'opened_at',
      'closed_at',
    ])
    .where(
      'adjustment_id',
      'in',
      apps.map((a) => a.id),
    )
    .execute();
  const roundOf = new Map(apps.map((a) => [a.id, a.round]));
  return new Map(
    rows
      .filter((c) => roundOf.get(c.adjustment_id) === c.round)
      .map((c) => [
        c.adjustment_id,
        {
          id: c.id,
          round: c.round,
          opensOn: c.opens_on as IsoDate,
          closesOn: c.closes_on as IsoDate,
          status: c.status,
          openedAt: c.opened_at,
          closedAt: c.closed_at,
        },
      ]),
  );
}
export type ConsultationRecord = NonNullable<Awaited<ReturnType<typeof currentConsultation>>>;

export function consultationState(c: ConsultationRecord | undefined): ConsultationState {
  return !c || c.status === 'cancelled' ? 'none' : c.status === 'open' ? 'open' : 'closed';
}

export function workflowState(a: AdjustmentRecord, c: ConsultationRecord | undefined): WorkflowState {
  return {
    status: a.status,
    rulebookId: a.rulebookId,
    kind: a.kind,
    level: levelOfPath(a.regionPath),
    completed: a.completedSteps,
    consultation: consultationState(c),
  };
}

export async function stepRecords(db: Db, adjustmentId: number) {
  return (await stepRecordsOf(db, [adjustmentId])).get(adjustmentId) ?? [];
}
/** Each application's step records in order, in one query (lists and counts). */
export async function stepRecordsOf(db: Db, adjustmentIds: readonly number[]) {
  const rows = await db
    .selectFrom('adjustment_step_record as s')
    .leftJoin('app_user as u', 'u.id', 's.actor_id')
    .select([
      's.id',
      's.adjustment_id',
      's.round',
      's.step',
      's.action',
      's.reason',
      's.data',
      's.actor_id',
      'u.display_name as actor_name',
      's.actor_role',
      's.at',
      day('s.due_on').as('due_on'),
      's.on_time',
    ])
    .where('s.adjustment_id', 'in', adjustmentIds.length ? adjustmentIds : [0]) // no application has id 0
    .orderBy('s.id')
    .execute();
  const records = rows.map((r) => ({
    adjustmentId: r.adjustment_id,
    id: r.id,
    round: r.round,
    step: r.step as StepId | null,
    action: r.action,
    reason: r.reason,
    data: json<unknown>(r.data),
    actorId: r.actor_id,
    actorName: r.actor_name,
    actorRole: r.actor_role,
    at: r.at,
    dueOn: r.due_on as IsoDate | null,
    onTime: r.on_time,
  }));
  const out = new Map(adjustmentIds.map((id) => [id, [] as typeof records]));
  for (const r of records) out.get(r.adjustmentId)!.push(r);
  return out;
}
export type StepRecord = Awaited<ReturnType<typeof stepRecords>>[number];

/** Whether a user drafted (created, or completed a draft step) or submitted the application. */
export function involvementOf(a: AdjustmentRecord, records: readonly StepRecord[], userId: number) {
  const did = (step: StepId) => records.some((r) => r.step === step && r.action === 'complete' && r.actorId === userId);
  return { drafted: a.createdBy === userId || did('draft'), submitted: did('submit') };
}

/** The dates the rulebook's clocks start from (the current round's events). */
export function clockStarts(a: AdjustmentRecord, c: ConsultationRecord | undefined): ClockStarts {
  const bj = (d: Date | null) => (d ? todayInBeijing(d) : undefined);
  const live = c && c.status !== 'cancelled' ? c : undefined;
  return {
    // §12's filing clock concerns the first filing; a resubmission after a return has no clock.
    triggerDate: a.firstSubmittedAt && a.round > 1 ? undefined : a.triggerDate,
    submitted: bj(a.submittedAt),
    consultationOpened: live?.opensOn,
    // §12 公示期满后: the report clock runs from the end of the announced period
    consultationEnded: live?.closesOn,
    approved: bj(a.approvedAt),
    published: bj(a.publishedAt),
  };
}

/** When each step of the current round was completed (Beijing date). */
export function completedOn(a: AdjustmentRecord, records: readonly StepRecord[]): Partial<Record<StepId, IsoDate>> {
  const out: Partial<Record<StepId, IsoDate>> = {};
  for (const r of records)
    if (r.round === a.round && r.action === 'complete' && r.step) out[r.step] = todayInBeijing(r.at);
  return out;
}

/** The due date recorded when each step of the current round was completed (never recomputed). */
export function recordedDueOn(a: AdjustmentRecord, records: readonly StepRecord[]): Partial<Record<StepId, IsoDate>> {
  const out: Partial<Record<StepId, IsoDate>> = {};
  for (const r of records)
    if (r.round === a.round && r.action === 'complete' && r.step && r.dueOn) out[r.step] = r.dueOn;
  return out;
}

/** Other applications still open that touch the same published powers (item 7: shown to both sides). */
export async function conflictsOf(db: Db, a: AdjustmentRecord) {
  const rows = await db
    .selectFrom('adjustment_item as mine')
    .innerJoin('adjustment_item as other', 'other.target_code', 'mine.target_code')
    .innerJoin('adjustment as o', 'o.id', 'other.adjustment_id')
    .select(['o.id', 'o.title', 'o.kind', 'o.status', 'o.open_steps', 'o.published_at', 'other.target_code'])
    .where('mine.adjustment_id', '=', a.id)
    .where('o.id', '!=', a.id)
    .where('o.body_id', '=', a.bodyId)
    .where('o.status', 'in', ['due', 'open'])
    .where('o.published_at', 'is', null)
    .orderBy('o.id')
    .execute();
  const byId = new Map<
    number,
    { id: number; title: string; kind: string; status: string; openSteps: StepId[]; codes: string[] }
  >();
  for (const r of rows) {
    const e = byId.get(r.id) ?? {
      id: r.id,
      title: r.title,
      kind: r.kind,
      status: r.status,
      openSteps: json<StepId[]>(r.open_steps),
      codes: [],
    };
    if (r.target_code && !e.codes.includes(r.target_code)) e.codes.push(r.target_code);
    byId.set(r.id, e);
  }
  return [...byId.values()];
}

/** Every code ever issued to a body (cancelled ones too): the code scheme never reuses one. */
export async function issuedCodes(db: Db, bodyId: number): Promise<string[]> {
  const rows = await db.selectFrom('power_code').select('code').where('body_id', '=', bodyId).execute();
  return rows.map((r) => r.code);
}
