// The first compilation's workflow (编制公布, spec §2; regulation §4, §5, §12): the clerk drafts,
// the lead unit submits, the coordination office (preliminary review) and the legal office
// (legality review) pass or return with reasons, and the coordination office publishes
// version 1. One command per transition; the caller runs each in one transaction.
import type { Transaction } from 'kysely';
import type { Actor, RequestMeta, Role } from '../../core/actor.js';
import { AppError } from '../../core/errors.js';
import { currentRulebookId } from '../rulebook/rulebook.repo.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../audit/audit.repo.js';
import {
  draftAuthors,
  draftRowToPower,
  findDraft,
  hasPublishedList,
  loadDraftDuties,
  loadDraftPowerRows,
  type DraftHeader,
} from './draft.repo.js';
import { publishVersion } from './publish.js';

export interface Ctx {
  actor: Actor;
  meta?: RequestMeta;
  at: Date;
}

const audit = (
  trx: Transaction<DB>,
  d: DraftHeader,
  ctx: Ctx,
  role: Role,
  action: 'draft.created' | 'draft.submitted' | 'draft.reviewed' | 'draft.returned' | 'draft.exclusionOverridden',
  after: unknown,
  objectId: string | number = d.id,
  objectType = 'list_draft',
) =>
  recordAudit(trx, {
    actor: ctx.actor,
    role,
    bodyId: d.body_id,
    action,
    objectType,
    objectId,
    after,
    meta: ctx.meta,
    at: ctx.at,
  });

/** 编制公布 is for a body's first list: once published, changes come only through adjustments (§9–§13). */
export async function createDraft(trx: Transaction<DB>, bodyId: number, ctx: Ctx): Promise<DraftHeader> {
  if (await hasPublishedList(trx, bodyId))
    throw new AppError(
      'INVALID_STATE',
      '该机构已公布权责清单，已公布的清单不能直接修改，须通过动态调整（增加、取消、下放、修改）形成新版本',
    );
  const open = await trx
    .selectFrom('list_draft')
    .select('id')
    .where('body_id', '=', bodyId)
    .where('status', 'in', ['drafting', 'submitted', 'returned', 'reviewed'])
    .executeTakeFirst();
  if (open) throw new AppError('CONFLICT', `该机构已有正在编制的清单草稿（编号 ${open.id}）`);
  const { id } = await trx
    .insertInto('list_draft')
    // the draft follows the rulebook in force when it is started (categories, clocks)
    .values({
      body_id: bodyId,
      status: 'drafting',
      rulebook_id: await currentRulebookId(trx),
      created_by: ctx.actor.userId,
      created_at: ctx.at,
      updated_at: ctx.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const d = (await findDraft(trx, id))!;
  await audit(trx, d, ctx, 'clerk', 'draft.created', { bodyId, rulebookId: d.rulebook_id });
  return d;
}

/** Spec §1: no one approves their own submission — the writers of a draft neither submit nor review it. */
async function assertNotOwn(trx: Transaction<DB>, d: DraftHeader, ctx: Ctx, what: string, includeSubmitter: boolean) {
  const own = await draftAuthors(trx, d);
  if (includeSubmitter && d.submitted_by !== null) own.add(d.submitted_by);
  if (own.has(ctx.actor.userId))
    throw new AppError('SELF_REVIEW', `您参与了该清单草稿的编制或报送，不能${what}本人的提交`);
}

const review = (
  trx: Transaction<DB>,
  d: DraftHeader,
  ctx: Ctx,
  step: 'submit' | 'preliminaryReview' | 'legalityReview' | 'publish',
  decision: 'pass' | 'return' | 'done',
  reason: string | null = null,
) =>
  trx
    .insertInto('list_review')
    .values({ draft_id: d.id, step, decision, reason, actor_id: ctx.actor.userId, at: ctx.at })
    .execute();

export async function submitDraft(trx: Transaction<DB>, d: DraftHeader, ctx: Ctx) {
  if (d.status !== 'drafting' && d.status !== 'returned')
    throw new AppError('INVALID_STATE', '只有编制中或已退回的清单草稿可以报送');
  const n = await trx
    .selectFrom('draft_power')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('draft_id', '=', d.id)
    .executeTakeFirstOrThrow();
  if (Number(n.n) === 0) throw new AppError('INVALID_STATE', '清单草稿中还没有行政职权，不能报送');
  await assertNotOwn(trx, d, ctx, '报送', false);
  await trx
    .updateTable('list_draft')
    .set({
      status: 'submitted',
      submitted_by: ctx.actor.userId,
      submitted_at: ctx.at,
      updated_at: ctx.at,
      preliminary_passed_at: null,
      legality_passed_at: null,
    })
    .where('id', '=', d.id)
    .execute();
  await review(trx, d, ctx, 'submit', 'done');
  await audit(trx, d, ctx, 'leadUnit', 'draft.submitted', { powers: Number(n.n) });
}

/**
 * §12: the coordination office's preliminary review and the legal office's legality review run
 * side by side on the submitted draft. Both must pass; either may return it with a reason,
 * which sends it back to the clerk and clears both results for the next submission (also after
 * both passed, until it is published).
 */
export async function reviewDraft(
  trx: Transaction<DB>,
  d: DraftHeader,
  step: 'preliminaryReview' | 'legalityReview',
  decision: 'pass' | 'return',
  reason: string | undefined,
  ctx: Ctx,
) {
  const passedCol = step === 'preliminaryReview' ? 'preliminary_passed_at' : 'legality_passed_at';
  const label = step === 'preliminaryReview' ? '初步审核' : '合法性审查';
  // a reviewed draft can still be returned until it is published (e.g. §8 flags left open)
  if (decision === 'return' ? d.status !== 'submitted' && d.status !== 'reviewed' : d.status !== 'submitted')
    throw new AppError('INVALID_STATE', d.status === 'reviewed' ? '清单草稿已审查通过，待公布' : '清单草稿不在审查中');
  if (decision === 'pass' && d[passedCol] !== null) throw new AppError('INVALID_STATE', `${label}已通过，无需重复审查`);
  await assertNotOwn(trx, d, ctx, '审查', true);
  const role: Role = step === 'preliminaryReview' ? 'coordinator' : 'legalReviewer';
  if (decision === 'return') {
    await trx
      .updateTable('list_draft')
      .set({ status: 'returned', preliminary_passed_at: null, legality_passed_at: null, updated_at: ctx.at })
      .where('id', '=', d.id)
      .execute();
    await review(trx, d, ctx, step, 'return', reason ?? null);
    await audit(trx, d, ctx, role, 'draft.returned', { step, reason });
    return;
  }
  const other = step === 'preliminaryReview' ? d.legality_passed_at : d.preliminary_passed_at;
  await trx
    .updateTable('list_draft')
    .set({ [passedCol]: ctx.at, status: other ? 'reviewed' : 'submitted', updated_at: ctx.at })
    .where('id', '=', d.id)
    .execute();
  await review(trx, d, ctx, step, 'pass', reason ?? null);
  await audit(trx, d, ctx, role, 'draft.reviewed', { step, reason: reason ?? null, bothPassed: !!other });
}

/** §8: the coordination office decides on a flagged entry, with a recorded note. */
export async function overrideExclusion(trx: Transaction<DB>, d: DraftHeader, powerId: number, note: string, ctx: Ctx) {
  if (d.status === 'published' || d.status === 'withdrawn')
    throw new AppError('INVALID_STATE', '清单草稿已结束，不能复核');
  const p = await trx
    .selectFrom('draft_power')
    .selectAll()
    .where('id', '=', powerId)
    .where('draft_id', '=', d.id)
    .executeTakeFirst();
  if (!p) throw new AppError('NOT_FOUND', '清单草稿事项不存在或您无权查看');
  if (!Array.isArray(p.exclusion_flags) || p.exclusion_flags.length === 0)
    throw new AppError('INVALID_STATE', '该事项没有排除筛查提示，无需复核');
  const override = { note, by: ctx.actor.userId, byName: ctx.actor.displayName, at: ctx.at.toISOString() };
  await trx
    .updateTable('draft_power')
    .set({ exclusion_override: JSON.stringify(override) })
    .where('id', '=', powerId)
    .execute();
  await audit(
    trx,
    d,
    ctx,
    'coordinator',
    'draft.exclusionOverridden',
    { draftId: d.id, code: p.code, name: p.name, flags: p.exclusion_flags, note },
    p.id,
    'draft_power',
  );
}

/** §12: the coordination office publishes the reviewed draft as the body's version 1. */
export async function publishDraft(trx: Transaction<DB>, d: DraftHeader, note: string | undefined, ctx: Ctx) {
  if (d.status !== 'reviewed') throw new AppError('INVALID_STATE', '清单草稿须经初步审核和合法性审查均通过后才能公布');
  await assertNotOwn(trx, d, ctx, '公布', true);
  if (await hasPublishedList(trx, d.body_id))
    throw new AppError('INVALID_STATE', '该机构已公布权责清单，后续变更须通过动态调整');
  const rows = await loadDraftPowerRows(trx, d.id);
  const open = rows.filter(
    (r) => Array.isArray(r.exclusion_flags) && r.exclusion_flags.length > 0 && r.exclusion_override === null,
  );
  if (open.length)
    throw new AppError(
      'INVALID_STATE',
      `有${open.length}项疑似不应列入清单的事项（第八条）尚未处理：请退回修改或由协调小组办公室复核说明`,
      open.slice(0, 50).map((r) => ({
        field: r.code,
        message: `${r.name}：${(r.exclusion_flags as { reason: string }[])[0].reason}`,
      })),
    );
  const result = await publishVersion(trx, {
    bodyId: d.body_id,
    powers: rows.map(draftRowToPower),
    duties: await loadDraftDuties(trx, d.id),
    source: { type: 'compilation', id: d.id },
    rulebookId: d.rulebook_id,
    actor: ctx.actor,
    role: 'coordinator',
    meta: ctx.meta,
    at: ctx.at,
    note,
  });
  await trx
    .updateTable('list_draft')
    .set({ status: 'published', published_version: result.version, updated_at: ctx.at })
    .where('id', '=', d.id)
    .execute();
  await review(trx, d, ctx, 'publish', 'done', note ?? null);
  return result;
}
