// Writing an application's content: creating it under the rulebook in force, editing it while
// the draft step is open, listing the affected powers against the current published version,
// and bringing it up to date after another application was published (item 7).
import type { Actor, RequestMeta } from '../../core/actor.js';
import { todayInBeijing, type IsoDate } from '../../core/calendar/index.js';
import { AppError, forbidden, notFound } from '../../core/errors.js';
import { adjustmentRolesOf, canDraftAdjustment, canViewAdjustment, pathWithin } from '../../core/policies/index.js';
import {
  adjustmentKindDef,
  getRulebook,
  triggerKindDef,
  type AdjustmentKind,
  type TriggerKind,
} from '../../core/rulebook/index.js';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../audit/audit.repo.js';
import { loadCalendar } from '../calendar/calendar.repo.js';
import { loadCurrentList } from '../register/publish.js';
import {
  findAdjustment,
  currentConsultation,
  involvementOf,
  loadItems,
  lockAdjustment,
  stepRecords,
  workflowState,
  type AdjustmentRecord,
} from './adjustments.repo.js';
import { ApplyError, rebaseItems, type Item } from './apply.js';
import { filingDue } from './filing-due.js';
import { buildItems, type ItemInput } from './items.js';
import { checkTrigger, screenItem, sameFlags } from './content-rules.js';
import { resolveCitations } from '../register/documents.repo.js';
import type { ErrorDetail } from '../../core/errors.js';
import { currentRulebookId } from '../rulebook/rulebook.repo.js';
import { decide, workflowRoles, type Action, grantRole } from './transitions.js';
import type { CommandDeps } from './workflow.command.js';
import { bumped, checkAdjustmentVersion } from './versions.js';

export interface ContentInput {
  title?: string;
  kind?: AdjustmentKind;
  triggerKind?: TriggerKind;
  triggerDate?: IsoDate;
  reason?: string;
  legalBasis?: string;
  takeover?: string;
  specialNotes?: string;
  receivingBodyId?: number | null;
  batchId?: number | null;
}

function checkRulebookValues(rulebookId: string, v: ContentInput) {
  const rb = getRulebook(rulebookId);
  try {
    if (v.kind) adjustmentKindDef(rb, v.kind);
    if (v.triggerKind) triggerKindDef(rb, v.triggerKind);
  } catch (e) {
    throw new AppError('VALIDATION_FAILED', (e as Error).message);
  }
  return rb;
}

/** §13.2: delegation goes down to a lower level; entrustment to another body. */
async function checkReceiving(
  trx: Transaction<DB>,
  a: { bodyId: number; regionPath: string; kind: AdjustmentKind },
  receivingBodyId: number | null | undefined,
) {
  if (receivingBodyId == null) {
    // §13.1–§13.2: a delegation names the receiving level's body. §13.3: an entrustment may go to
    // an organisation outside the register instead, named in its entrustment record (delegation).
    if (a.kind === 'delegate')
      throw new AppError('VALIDATION_FAILED', '下放须选择承接部门', [
        { field: 'receivingBodyId', message: '请选择承接部门' },
      ]);
    return;
  }
  const r = await trx
    .selectFrom('body as b')
    .innerJoin('region as r', 'r.code', 'b.region_code')
    .select(['b.id', 'b.office', 'r.path'])
    .where('b.id', '=', receivingBodyId)
    .executeTakeFirst();
  if (!r || r.id === a.bodyId || r.office)
    throw new AppError('VALIDATION_FAILED', '承接（受委托）机构应为本机构以外的职权行使机构', [
      { field: 'receivingBodyId', message: '机构无效' },
    ]);
  if (a.kind === 'delegate' && (r.path === a.regionPath || !pathWithin(r.path, a.regionPath))) {
    throw new AppError('VALIDATION_FAILED', '下放的承接部门应为本级以下（下级行政区域）的职权行使机构', [
      { field: 'receivingBodyId', message: '承接部门应在下级行政区域' },
    ]);
  }
}

async function checkBatch(
  trx: Transaction<DB>,
  rulebookId: string,
  regionCode: string,
  batchId: number | null | undefined,
) {
  if (batchId == null) return;
  if (!getRulebook(rulebookId).batchKinds.some((b) => b.id === 'batch'))
    throw new AppError('VALIDATION_FAILED', '现行规则集不区分集中调整，不能编入批次');
  const b = await trx
    .selectFrom('adjustment_batch')
    .select(['id', 'region_code'])
    .where('id', '=', batchId)
    .executeTakeFirst();
  if (!b || b.region_code !== regionCode)
    throw new AppError('VALIDATION_FAILED', '集中调整批次不存在或不属于本级', [
      { field: 'batchId', message: '批次无效' },
    ]);
}

export async function createAdjustment(
  deps: CommandDeps,
  actor: Actor,
  meta: RequestMeta,
  bodyId: number,
  v: Required<Pick<ContentInput, 'title' | 'kind' | 'triggerKind' | 'triggerDate'>> & ContentInput,
) {
  return deps.db.transaction().execute(async (trx) => {
    const body = await trx
      .selectFrom('body as b')
      .innerJoin('region as r', 'r.code', 'b.region_code')
      .select(['b.id', 'b.region_code', 'r.path'])
      .where('b.id', '=', bodyId)
      .executeTakeFirst();
    if (!body || !canDraftAdjustment(actor, bodyId)) throw forbidden('只有本单位的部门经办人可以起草调整申请');
    // Spec: an application keeps the rulebook in force when it was created.
    const rulebookId = await currentRulebookId(trx);
    checkTrigger(checkRulebookValues(rulebookId, v), v, todayInBeijing(deps.clock()));
    await checkReceiving(trx, { bodyId, regionPath: body.path, kind: v.kind }, v.receivingBodyId);
    await checkBatch(trx, rulebookId, body.region_code, v.batchId);
    const at = deps.clock();
    const due = filingDue(rulebookId, v.kind, v.triggerDate, await loadCalendar(trx));
    const list = await loadCurrentList(trx, bodyId);
    const row = await trx
      .insertInto('adjustment')
      .values({
        body_id: bodyId,
        kind: v.kind,
        status: 'open',
        rulebook_id: rulebookId,
        completed_steps: '[]',
        open_steps: JSON.stringify(['draft']),
        title: v.title,
        trigger_kind: v.triggerKind,
        trigger_date: v.triggerDate,
        filing_due: due.date,
        filing_due_provisional: due.provisional,
        reason: v.reason ?? '',
        legal_basis: v.legalBasis ?? '',
        takeover: v.takeover ?? '',
        special_notes: v.specialNotes ?? '',
        receiving_body_id: v.receivingBodyId ?? null,
        batch_id: v.batchId ?? null,
        base_version: list.version,
        created_by: actor.userId,
        created_at: at,
        updated_at: at,
        updated_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('adjustment_step_record')
      .values({
        adjustment_id: row.id,
        round: 1,
        step: null,
        action: 'create',
        actor_id: actor.userId,
        actor_role: 'clerk',
        at,
      })
      .execute();
    await recordAudit(trx, {
      actor,
      role: 'clerk',
      bodyId,
      action: 'adjustment.created',
      objectType: 'adjustment',
      objectId: row.id,
      after: { ...v, rulebookId, filingDue: due.date, baseVersion: list.version },
      meta,
      at,
    });
    return (await findAdjustment(trx, row.id))!;
  });
}

/**
 * Lock, check visibility and ask the table whether the actor may do `action` now; a save also
 * names the version it read (issue 10.8: a stale one is 409 naming who changed it).
 */
export async function guarded(trx: Transaction<DB>, actor: Actor, id: number, action: Action, version?: number) {
  const a = await lockAdjustment(trx, id);
  if (!a || !canViewAdjustment(actor, a)) throw notFound('调整申请');
  const c = await currentConsultation(trx, a.id, a.round);
  const d = decide(workflowState(a, c), {
    action,
    roles: workflowRoles(adjustmentRolesOf(actor, a)),
    ...involvementOf(a, await stepRecords(trx, a.id), actor.userId),
  });
  if (!d.ok) throw new AppError(d.code, d.message);
  if (version !== undefined) await checkAdjustmentVersion(trx, a, version);
  return { a, role: grantRole(d.role) };
}

export async function updateAdjustment(
  deps: CommandDeps,
  actor: Actor,
  meta: RequestMeta,
  id: number,
  v: ContentInput,
  version: number,
) {
  return deps.db.transaction().execute(async (trx) => {
    const { a, role } = await guarded(trx, actor, id, 'edit', version);
    const rb = checkRulebookValues(a.rulebookId, v);
    const kind = v.kind ?? a.kind;
    if (v.kind || v.triggerKind || v.triggerDate) {
      checkTrigger(
        rb,
        {
          kind,
          triggerKind: (v.triggerKind ?? a.triggerKind) as TriggerKind,
          triggerDate: v.triggerDate ?? a.triggerDate,
        },
        todayInBeijing(deps.clock()),
      );
    }
    // The cause and its date set the filing deadline: fixed once filed, and for an adjustment
    // the platform opened on a law change (§10.1, §11.1) fixed from the start.
    if ((v.triggerDate && v.triggerDate !== a.triggerDate) || (v.triggerKind && v.triggerKind !== a.triggerKind)) {
      if (a.lawChangeId || a.firstSubmittedAt)
        throw new AppError('INVALID_STATE', '调整事由及其发生日期已确定（已报送或由法律文件变化生成），不能修改');
    }
    const receivingBodyId = v.receivingBodyId === undefined ? a.receivingBodyId : v.receivingBodyId;
    await checkReceiving(trx, { bodyId: a.bodyId, regionPath: a.regionPath, kind }, receivingBodyId);
    await checkBatch(trx, a.rulebookId, a.regionCode, v.batchId);
    const triggerDate = v.triggerDate ?? a.triggerDate;
    const due = filingDue(a.rulebookId, kind, triggerDate, await loadCalendar(trx));
    const at = deps.clock();
    await trx
      .updateTable('adjustment')
      .set({
        title: v.title,
        kind,
        trigger_kind: v.triggerKind,
        trigger_date: triggerDate,
        filing_due: due.date,
        filing_due_provisional: due.provisional,
        reason: v.reason,
        legal_basis: v.legalBasis,
        takeover: v.takeover,
        special_notes: v.specialNotes,
        receiving_body_id: receivingBodyId,
        batch_id: v.batchId,
        updated_at: at,
        ...bumped(actor.userId),
      })
      .where('id', '=', a.id)
      .execute();
    // Another kind needs another set of affected powers.
    if (kind !== a.kind) await trx.deleteFrom('adjustment_item').where('adjustment_id', '=', a.id).execute();
    await recordAudit(trx, {
      actor,
      role,
      bodyId: a.bodyId,
      action: 'adjustment.updated',
      objectType: 'adjustment',
      objectId: a.id,
      before: pick(a, v),
      after: v,
      meta,
      at,
    });
    return (await findAdjustment(trx, a.id))!;
  });
}

function pick(a: AdjustmentRecord, v: ContentInput) {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) out[k] = (a as unknown as Record<string, unknown>)[k];
  return out;
}

async function storeItems(trx: Transaction<DB>, a: Pick<AdjustmentRecord, 'id' | 'kind'>, items: readonly Item[]) {
  // §8: an override stands only for the item and the flags it was given on (as in a draft).
  const before = await loadItems(trx, a.id);
  await trx.deleteFrom('adjustment_item').where('adjustment_id', '=', a.id).execute();
  if (items.length === 0) return;
  await trx
    .insertInto('adjustment_item')
    .values(
      items.map((it, ord) => {
        const flags = screenItem(a.kind, it);
        const was = before.find(
          (b) => b.ord === ord && b.targetCode === it.targetCode && b.proposed?.name === it.proposed?.name,
        );
        const keep = was?.exclusionOverride && sameFlags(was.exclusionFlags, flags) ? was.exclusionOverride : null;
        // §13(五): a duplicate's decision stays with the same power (it is re-checked against the receiving list).
        const dup = was?.duplicate && was.targetCode === it.targetCode ? was.duplicate : null;
        return {
          adjustment_id: a.id,
          ord,
          target_code: it.targetCode,
          base: it.base ? JSON.stringify(it.base) : null,
          proposed: it.proposed ? JSON.stringify(it.proposed) : null,
          exclusion_flags: JSON.stringify(flags),
          exclusion_override: keep ? JSON.stringify(keep) : null,
          duplicate_resolution: dup ? JSON.stringify(dup) : null,
        };
      }),
    )
    .execute();
}

/**
 * §7: the citations of a proposed power are chosen from the legal-document register, as at first
 * compilation — linked by documentId, so that a later law change finds this power too.
 */
async function registerCitations(trx: Transaction<DB>, inputs: ItemInput[]): Promise<ItemInput[]> {
  const errors: ErrorDetail[] = [];
  const out: ItemInput[] = [];
  for (const [i, input] of inputs.entries()) {
    const bases = input.values?.legalBases;
    if (!bases) {
      out.push(input);
      continue;
    }
    const given = bases.map((b) => ({ ...b, documentId: typeof b.documentId === 'number' ? b.documentId : undefined }));
    const { citations, errors: e } = await resolveCitations(trx, given, `items.${i}.values.legalBases`);
    errors.push(...e);
    out.push({ ...input, values: { ...input.values, legalBases: citations } });
  }
  if (errors.length) throw new AppError('VALIDATION_FAILED', errors[0].message, errors);
  return out;
}

/** The affected powers, checked against the body's current published list (its version becomes the base). */
export async function setItems(
  deps: CommandDeps,
  actor: Actor,
  meta: RequestMeta,
  id: number,
  inputs: ItemInput[],
  version: number,
) {
  return deps.db.transaction().execute(async (trx) => {
    const { a, role } = await guarded(trx, actor, id, 'edit', version);
    const list = await loadCurrentList(trx, a.bodyId);
    const items = buildItems(a.kind, await registerCitations(trx, inputs), list.powers, getRulebook(a.rulebookId));
    await storeItems(trx, a, items);
    const at = deps.clock();
    await trx
      .updateTable('adjustment')
      .set({ base_version: list.version, updated_at: at, ...bumped(actor.userId) })
      .where('id', '=', a.id)
      .execute();
    await recordAudit(trx, {
      actor,
      role,
      bodyId: a.bodyId,
      action: 'adjustment.itemsSet',
      objectType: 'adjustment',
      objectId: a.id,
      after: { baseVersion: list.version, items: inputs },
      meta,
      at,
    });
    return loadItems(trx, a.id);
  });
}

/** Item 7: after another application was published, carry this one over to the new version. */
export async function rebaseAdjustment(deps: CommandDeps, actor: Actor, meta: RequestMeta, id: number) {
  return deps.db.transaction().execute(async (trx) => {
    const { a, role } = await guarded(trx, actor, id, 'rebase');
    const list = await loadCurrentList(trx, a.bodyId);
    const old = await loadItems(trx, a.id);
    let result;
    try {
      result = rebaseItems(old, list.powers);
    } catch (e) {
      if (e instanceof ApplyError) throw new AppError('INVALID_STATE', `${e.message}；请修改或撤回本申请`);
      throw e;
    }
    await storeItems(trx, a, result.items);
    const at = deps.clock();
    await trx
      .updateTable('adjustment')
      .set({ base_version: list.version, updated_at: at, ...bumped(actor.userId) })
      .where('id', '=', a.id)
      .execute();
    const data = { fromVersion: a.baseVersion, toVersion: list.version, overlapping: result.overlapping };
    await trx
      .insertInto('adjustment_step_record')
      .values({
        adjustment_id: a.id,
        round: a.round,
        step: null,
        action: 'rebase',
        data: JSON.stringify(data),
        actor_id: actor.userId,
        actor_role: role,
        at,
      })
      .execute();
    await recordAudit(trx, {
      actor,
      role,
      bodyId: a.bodyId,
      action: 'adjustment.rebased',
      objectType: 'adjustment',
      objectId: a.id,
      before: { baseVersion: a.baseVersion },
      after: data,
      meta,
      at,
    });
    return { ...data, today: todayInBeijing(at) };
  });
}
