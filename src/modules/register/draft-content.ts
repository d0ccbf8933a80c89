// Editing a compilation draft's content (spec §2, 编制公布): powers with every 职权信息表 field
// (§6), codes issued on save (§6 code scheme), citations linked to the document register (§7),
// §8 exclusion screening stored with each power, and the duties.
import type { Transaction } from 'kysely';
import type { Actor, RequestMeta } from '../../core/actor.js';
import { AppError, notFound, type ErrorDetail } from '../../core/errors.js';
import { checkVersion } from '../../core/versions.js';
import { contentJson, parsePowerCode, screenPower, type ExclusionFlag } from '../../core/register/index.js';
import { getRulebook } from '../../core/rulebook/index.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../audit/audit.repo.js';
import { allocateCodes, type CodeRequest } from './codes.js';
import { resolveCitations } from './documents.repo.js';
import type { DraftHeader, DraftPowerRow } from './draft.repo.js';
import { chunks } from './power-rows.js';
import type { PowerInput } from '../../contract/register.js';

export interface EditContext {
  actor: Actor;
  meta?: RequestMeta;
  at: Date;
}

export type BatchPowerInput = PowerInput & { ref?: string; parentRef?: string };

const EDITABLE: readonly DraftHeader['status'][] = ['drafting', 'returned'];

export function assertEditable(d: DraftHeader) {
  if (!EDITABLE.includes(d.status))
    throw new AppError(
      'INVALID_STATE',
      `清单草稿当前状态为“${d.status === 'published' ? '已公布' : '审查中'}”，不能修改`,
    );
}

/** §8: screen the name (and the remarks, which often say what the entry really is). */
export const screen = (p: Pick<PowerInput, 'name' | 'remarks'>): ExclusionFlag[] =>
  screenPower({ name: p.name, description: p.remarks || null });

function fail(details: ErrorDetail[]): never {
  throw new AppError(
    'VALIDATION_FAILED',
    details.length === 1 ? details[0].message : `${details[0].message}（共${details.length}处问题）`,
    details,
  );
}

async function contentColumns(
  trx: Transaction<DB>,
  d: DraftHeader,
  p: PowerInput,
  prefix: string,
  errors: ErrorDetail[],
) {
  const rb = getRulebook(d.rulebook_id);
  if (!rb.categories.some((c) => c.code === p.category))
    errors.push({
      field: `${prefix}category`,
      message: `权力类别须为：${rb.categories.map((c) => `${c.label}(${c.code})`).join('、')}`,
    });
  const { citations, errors: citeErrors } = await resolveCitations(trx, p.legalBases, `${prefix}legalBases`);
  errors.push(...citeErrors);
  return {
    name: p.name,
    category: p.category,
    responsible_subject: p.responsibleSubject,
    implementing_agency: p.implementingAgency,
    legal_bases: JSON.stringify(citations),
    responsibilities: JSON.stringify(
      p.responsibilities.map((x, i) => ({ order: i + 1, name: x.name, content: x.content })),
    ),
    accountability_cases: JSON.stringify(p.accountabilityCases),
    accountability_basis: p.accountabilityBasis,
    remarks: p.remarks,
    status: p.status,
    exclusion_flags: JSON.stringify(screen(p)),
  };
}

/** Issue 10.8: the display name of whoever saved last, for the stale-write message. */
async function displayName(trx: Transaction<DB>, userId: number | null) {
  if (userId === null) return null;
  const u = await trx.selectFrom('app_user').select('display_name').where('id', '=', userId).executeTakeFirst();
  return u?.display_name ?? null;
}

async function touch(trx: Transaction<DB>, d: DraftHeader, ctx: EditContext, after: unknown) {
  await trx.updateTable('list_draft').set({ updated_at: ctx.at }).where('id', '=', d.id).execute();
  await recordAudit(trx, {
    actor: ctx.actor,
    role: 'clerk',
    bodyId: d.body_id,
    action: 'draft.saved',
    objectType: 'list_draft',
    objectId: d.id,
    after,
    meta: ctx.meta,
    at: ctx.at,
  });
}

/** Add powers (one from the editor, or a batch from an import): all or nothing. */
export async function addDraftPowers(
  trx: Transaction<DB>,
  d: DraftHeader,
  inputs: BatchPowerInput[],
  ctx: EditContext,
): Promise<DraftPowerRow[]> {
  assertEditable(d);
  const existing = await trx
    .selectFrom('draft_power')
    .select(['code', 'category', 'parent_code', 'ord'])
    .where('draft_id', '=', d.id)
    .execute();
  const mains = new Map(existing.filter((x) => x.parent_code === null).map((x) => [x.code, x.category]));
  const refs = new Map<string, { index: number; category: string }>();
  const errors: ErrorDetail[] = [];
  const requests: CodeRequest[] = [];
  const columns = [];
  for (const [i, p] of inputs.entries()) {
    const prefix = inputs.length > 1 ? `powers.${i}.` : '';
    columns.push(await contentColumns(trx, d, p, prefix, errors));
    if (p.parentRef) {
      const parent = refs.get(p.parentRef);
      if (!parent)
        errors.push({
          field: `${prefix}parentRef`,
          message: `第${i + 1}项的主项“${p.parentRef}”应在本批次中排在它之前`,
        });
      else if (parent.category !== p.category)
        errors.push({ field: `${prefix}category`, message: '子项的权力类别须与主项一致' });
      requests.push({ parentIndex: parent?.index ?? 0 });
    } else if (p.parentCode) {
      const cat = mains.get(p.parentCode);
      if (!cat) errors.push({ field: `${prefix}parentCode`, message: `主项编码“${p.parentCode}”不是本草稿中的主项` });
      else if (cat !== p.category) errors.push({ field: `${prefix}category`, message: '子项的权力类别须与主项一致' });
      requests.push({ parentCode: p.parentCode });
    } else {
      if (p.ref) refs.set(p.ref, { index: i, category: p.category });
      requests.push({ category: p.category });
    }
  }
  if (errors.length) fail(errors);
  const codes = await allocateCodes(trx, d.body_id, requests);
  let ord = existing.reduce((m, x) => Math.max(m, x.ord), 0);
  const rows = columns.map((c, i) => {
    const parsed = parsePowerCode(codes[i]);
    const parentCode = parsed.ok && parsed.value.sub > 0 ? codes[i].replace(/-\d{3}$/, '-000') : null;
    return { ...c, draft_id: d.id, code: codes[i], parent_code: parentCode, ord: ++ord };
  });
  const saved: DraftPowerRow[] = [];
  for (const part of chunks(rows))
    saved.push(...(await trx.insertInto('draft_power').values(part).returningAll().execute()));
  await touch(trx, d, ctx, { op: 'addPowers', codes });
  return saved;
}

export async function findDraftPower(trx: Transaction<DB>, d: DraftHeader, powerId: number) {
  const row = await trx
    .selectFrom('draft_power')
    .selectAll()
    .where('id', '=', powerId)
    .where('draft_id', '=', d.id)
    .executeTakeFirst();
  if (!row) throw notFound('清单草稿事项');
  return row;
}

/** Save one power's fields. The code is kept: category and 主项 are part of it (§6). */
export async function updateDraftPower(
  trx: Transaction<DB>,
  d: DraftHeader,
  powerId: number,
  p: PowerInput,
  ctx: EditContext,
  version: number,
): Promise<DraftPowerRow> {
  assertEditable(d);
  const before = await findDraftPower(trx, d, powerId);
  // issue 10.8: the draft row is locked (findDraft forUpdate), so check-then-bump cannot interleave
  checkVersion(`事项“${before.name}”`, version, {
    version: before.version,
    by: await displayName(trx, before.updated_by),
    at: before.updated_at,
  });
  const errors: ErrorDetail[] = [];
  if (p.category !== before.category)
    errors.push({ field: 'category', message: '权力类别已编入权力编码，不能修改；如类别有误，请删除该事项后重新添加' });
  if (p.parentCode !== undefined && (p.parentCode ?? null) !== before.parent_code)
    errors.push({ field: 'parentCode', message: '主项/子项关系已编入权力编码，不能修改' });
  const c = await contentColumns(trx, d, p, '', errors);
  if (errors.length) fail(errors);
  // a coordinator's override stands only for the flags it was given on
  const keep = contentJson(before.exclusion_flags) === contentJson(JSON.parse(c.exclusion_flags));
  const row = await trx
    .updateTable('draft_power')
    .set({
      ...c,
      exclusion_override: keep
        ? before.exclusion_override === null
          ? null
          : JSON.stringify(before.exclusion_override)
        : null,
      version: before.version + 1,
      updated_by: ctx.actor.userId,
      updated_at: ctx.at,
    })
    .where('id', '=', powerId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await touch(trx, d, ctx, { op: 'updatePower', code: before.code });
  return row;
}

export async function deleteDraftPower(trx: Transaction<DB>, d: DraftHeader, powerId: number, ctx: EditContext) {
  assertEditable(d);
  const row = await findDraftPower(trx, d, powerId);
  const child = await trx
    .selectFrom('draft_power')
    .select('code')
    .where('draft_id', '=', d.id)
    .where('parent_code', '=', row.code)
    .limit(1)
    .executeTakeFirst();
  if (child) throw new AppError('INVALID_STATE', `该主项下还有子项（${child.code}），请先删除子项`);
  await trx.deleteFrom('draft_power').where('id', '=', powerId).execute();
  // §6: the code stays issued (power_code) and is never given out again
  await touch(trx, d, ctx, { op: 'deletePower', code: row.code });
}

export async function setDraftDuties(
  trx: Transaction<DB>,
  d: DraftHeader,
  duties: { name: string; content: string }[],
  ctx: EditContext,
  version: number,
) {
  assertEditable(d);
  checkVersion('本草稿的职责', version, {
    version: d.duties_version,
    by: await displayName(trx, d.duties_updated_by),
    at: d.duties_updated_at,
  });
  await trx
    .updateTable('list_draft')
    .set({ duties_version: d.duties_version + 1, duties_updated_by: ctx.actor.userId, duties_updated_at: ctx.at })
    .where('id', '=', d.id)
    .execute();
  await trx.deleteFrom('draft_duty').where('draft_id', '=', d.id).execute();
  if (duties.length)
    await trx
      .insertInto('draft_duty')
      .values(duties.map((x, i) => ({ draft_id: d.id, name: x.name, content: x.content, ord: i + 1 })))
      .execute();
  await touch(trx, d, ctx, { op: 'setDuties', count: duties.length });
}
