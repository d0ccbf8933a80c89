// Reading a delegation's records (§13.2–§13.5): the assessment, the related bodies' answers, the
// training sessions, the handover and the findings of one 下放 or 委托 application. Dates are read
// as text so PGlite and PostgreSQL give the same 'YYYY-MM-DD'.
import { sql } from 'kysely';
import type { RelatedAnswer } from '../../contract/delegation.js';
import type { RefusalAnswers } from '../../core/policies/delegation.js';
import { readJsonb, readJsonbArray, type Db } from '../../platform/db.js';
import { loadItems } from '../adjustments/adjustments.repo.js';

const day = (ref: string) => sql<string>`${sql.ref(ref)}::text`;

export interface SectionRow {
  finding: string;
  assessor: string;
  attachmentIds: number[];
}

export async function assessmentOf(db: Db, adjustmentId: number) {
  const r = await db
    .selectFrom('delegation_assessment as d')
    .innerJoin('app_user as u', 'u.id', 'd.recorded_by')
    .select(['d.sections', 'd.refusals', day('d.assessed_on').as('assessed_on'), 'd.conclusion', 'd.recorded_at'])
    .select('u.display_name')
    .where('d.adjustment_id', '=', adjustmentId)
    .executeTakeFirst();
  if (!r) return null;
  return {
    sections: readJsonb<Record<string, SectionRow>>(r.sections),
    refusals: readJsonb<RefusalAnswers>(r.refusals),
    assessedOn: r.assessed_on,
    conclusion: r.conclusion,
    recordedBy: r.display_name,
    recordedAt: r.recorded_at,
  };
}

export async function relatedOf(db: Db, adjustmentId: number) {
  const rows = await db
    .selectFrom('delegation_related as r')
    .innerJoin('body as b', 'b.id', 'r.body_id')
    .leftJoin('app_user as ua', 'ua.id', 'r.answered_by')
    .leftJoin('app_user as uw', 'uw.id', 'r.waived_by')
    .select([
      'r.id',
      'r.body_id',
      'b.name as body_name',
      day('r.asked_on').as('asked_on'),
      day('r.due_on').as('due_on'),
      'r.due_citation',
      'r.answer',
      'r.reason',
      'r.own_approval_moves_down',
      'ua.display_name as answered_by',
      'r.answered_at',
      'r.waived_reason',
      'uw.display_name as waived_by',
    ])
    .where('r.adjustment_id', '=', adjustmentId)
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    bodyId: r.body_id,
    bodyName: r.body_name,
    askedOn: r.asked_on,
    dueOn: r.due_on,
    dueCitation: r.due_citation,
    answer: r.answer as RelatedAnswer | null,
    reason: r.reason,
    ownApprovalMovesDown: r.own_approval_moves_down,
    answeredBy: r.answered_by,
    answeredAt: r.answered_at ? new Date(r.answered_at).toISOString() : null,
    waivedReason: r.waived_reason,
    waivedBy: r.waived_by,
  }));
}
export type RelatedRow = Awaited<ReturnType<typeof relatedOf>>[number];

/** One related request by its id, with the application it belongs to (for the related body's answer). */
export async function relatedById(db: Db, id: number) {
  return db
    .selectFrom('delegation_related')
    .select(['id', 'adjustment_id', 'body_id', 'answer', 'waived_reason'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function trainingsOf(db: Db, adjustmentId: number) {
  const rows = await db
    .selectFrom('delegation_training as t')
    .innerJoin('app_user as u', 'u.id', 't.recorded_by')
    .select(['t.id', day('t.held_on').as('held_on'), 't.organiser', 't.attendees', 't.topics'])
    .select(['t.material_attachment_ids', 'u.display_name'])
    .where('t.adjustment_id', '=', adjustmentId)
    .orderBy('t.held_on')
    .orderBy('t.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    heldOn: r.held_on,
    organiser: r.organiser,
    attendees: readJsonbArray<string>(r.attendees),
    topics: readJsonbArray<string>(r.topics),
    materialIds: readJsonbArray<number>(r.material_attachment_ids),
    recordedBy: r.display_name,
  }));
}

export async function handoverOf(db: Db, adjustmentId: number) {
  const plan = await db
    .selectFrom('delegation_handover')
    .select(day('handover_on').as('handover_on'))
    .where('adjustment_id', '=', adjustmentId)
    .executeTakeFirst();
  if (!plan) return null;
  const items = await db
    .selectFrom('delegation_handover_item as i')
    .leftJoin('app_user as uh', 'uh.id', 'i.handed_by')
    .leftJoin('app_user as uc', 'uc.id', 'i.confirmed_by')
    .select(['i.item', 'i.count', 'i.note', 'i.handed_at', 'i.confirmed_at'])
    .select(['uh.display_name as handed_by', 'uc.display_name as confirmed_by'])
    .where('i.adjustment_id', '=', adjustmentId)
    .execute();
  return {
    handoverOn: plan.handover_on,
    items: items.map((i) => ({
      item: i.item,
      count: i.count,
      note: i.note,
      handedBy: i.handed_by,
      handedAt: i.handed_at ? new Date(i.handed_at) : null,
      confirmedBy: i.confirmed_by,
      confirmedAt: i.confirmed_at ? new Date(i.confirmed_at) : null,
    })),
  };
}

export async function findingsOf(db: Db, adjustmentId: number) {
  return db
    .selectFrom('delegation_finding')
    .select(['id', 'kind', 'detail', 'detected_at', 'source_adjustment_id', 'source'])
    .where('adjustment_id', '=', adjustmentId)
    .orderBy('id')
    .execute();
}

/** The application's own attachments among `ids` (evidence and materials reuse them). */
export async function attachmentsAmong(db: Db, adjustmentId: number, ids: readonly number[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('adjustment_attachment')
    .select(['id', 'filename'])
    .where('adjustment_id', '=', adjustmentId)
    .where('id', 'in', [...ids])
    .execute();
}

/** The categories of the powers the application hands down (their proposed values, else the base). */
export async function delegatedCategories(db: Db, adjustmentId: number): Promise<string[]> {
  const items = await loadItems(db, adjustmentId);
  return [...new Set(items.map((i) => (i.proposed ?? i.base)?.category).filter((c): c is string => !!c))];
}

export async function bodyName(db: Db, id: number): Promise<string | undefined> {
  return (await db.selectFrom('body').select('name').where('id', '=', id).executeTakeFirst())?.name;
}

/** The users who answer for a body on a related request: its lead unit (§14 牵头机构). */
export async function leadUnitsOf(db: Db, bodyId: number) {
  return db
    .selectFrom('user_role as ur')
    .innerJoin('app_user as u', 'u.id', 'ur.user_id')
    .select('u.id')
    .where('ur.role', '=', 'leadUnit')
    .where('ur.body_id', '=', bodyId)
    .where('u.disabled', '=', false)
    .execute();
}

/**
 * §13.5: the powers a body has handed down by a finished 下放 (published), with the application
 * that did it — what the 明放暗不放 watch compares later applications with.
 */
export async function delegatedBy(db: Db, bodyId: number) {
  const rows = await db
    .selectFrom('adjustment as a')
    .innerJoin('adjustment_item as i', 'i.adjustment_id', 'a.id')
    .select(['a.id', 'i.target_code', 'i.base', 'i.proposed'])
    .where('a.body_id', '=', bodyId)
    .where('a.kind', '=', 'delegate')
    .where('a.published_at', 'is not', null)
    .execute();
  return rows.flatMap((r) => {
    const p = readJsonb<{ name?: string } | null>(r.proposed) ?? readJsonb<{ name?: string } | null>(r.base);
    return p?.name && r.target_code ? [{ adjustmentId: r.id, code: r.target_code, name: p.name }] : [];
  });
}

/** §13.2 ¶2: the requests addressed to the bodies whose lead unit the user is, newest first. */
export async function requestsFor(db: Db, bodyIds: readonly number[]) {
  if (!bodyIds.length) return [];
  const rows = await db
    .selectFrom('delegation_related as r')
    .innerJoin('adjustment as a', 'a.id', 'r.adjustment_id')
    .innerJoin('body as b', 'b.id', 'a.body_id')
    .innerJoin('body as rb', 'rb.id', 'r.body_id')
    .select(['r.id', 'r.adjustment_id', 'a.title', 'a.kind', 'b.name as delegating', 'rb.name as asked'])
    .select([day('r.due_on').as('due_on'), 'r.answer', 'r.waived_reason'])
    .where('r.body_id', 'in', [...bodyIds])
    .orderBy('r.id', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    adjustmentId: r.adjustment_id,
    title: r.title,
    kind: r.kind as 'delegate' | 'entrust',
    delegatingBodyName: r.delegating,
    bodyName: r.asked,
    dueOn: r.due_on,
    answer: r.answer as RelatedAnswer | null,
    waived: r.waived_reason !== null,
  }));
}

/** §13.3: a 委托's legal basis and written instrument, if recorded. */
export { entrustmentOf } from './entrustment.repo.js';
