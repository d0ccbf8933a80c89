// What an import checks rows against, read once inside the import's transaction: the body,
// its editable draft (created for a first compilation), the legal documents, and every code
// the body has ever held — so that a code is never reused (spec §2) and new codes continue
// after the highest ever issued (code-scheme.ts: nextCode).
import { sql, type Transaction } from 'kysely';
import type { Actor } from '../../core/actor.js';
import { AppError, notFound } from '../../core/errors.js';
import { formatPowerCode, MAX_MAIN, MAX_SUB, parsePowerCode } from '../../core/register/index.js';
import { currentRulebookId } from '../rulebook/rulebook.repo.js';
import { DEFAULT_RULEBOOK_ID, getRulebook, isRulebookId, type Rulebook } from '../../core/rulebook/index.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../audit/audit.repo.js';
import { documentKey } from './notation.js';
import type { KnownDocument } from './row-codec.js';

// = CODE_LOCK in src/modules/register/codes.ts (allocateCodes)
const CODE_LOCK = 150206;

/** Draft statuses in which the body's clerk may still change the draft (§12: before submission, or after a return). */
export const EDITABLE_DRAFT_STATUSES = ['drafting', 'returned'] as const;
const OPEN_DRAFT_STATUSES = ['drafting', 'submitted', 'returned', 'reviewed'] as const;

export interface ImportContext {
  body: { id: number; name: string; regionCode: string; bodyCode: string; township: boolean };
  draft: { id: number; created: boolean; rulebook: Rulebook };
  /** documentKey(title) → the register's record */
  documents: Map<string, KnownDocument>;
  /** codes issued to the body or ever in its published lists */
  everHeld: Set<string>;
  /** code → status in the current published list */
  published: Map<string, string>;
  /** codes in the draft before the import → the §8 flags a coordinator's override was given on, if any */
  draftCodes: Map<string, { flags: unknown; override: unknown } | null>;
  draftMaxOrd: number;
  /** highest 主项 number per category, highest 子项 number per 主项 code */
  maxMain: Map<string, number>;
  maxSub: Map<string, number>;
}

/** Lock the body, find or open its editable draft, and read what rows are checked against. */
export async function loadImportContext(
  trx: Transaction<DB>,
  bodyId: number,
  actor: Actor,
  at: Date,
): Promise<ImportContext> {
  // Locks in the order the register takes them (draft row, body row, code allocation), so that
  // an import cannot deadlock with a save or a publication of the same body.
  let draft = await trx
    .selectFrom('list_draft')
    .select(['id', 'status', 'rulebook_id'])
    .where('body_id', '=', bodyId)
    .where('status', 'in', [...OPEN_DRAFT_STATUSES])
    .forUpdate()
    .executeTakeFirst();
  const b = await sql<{ id: number; name: string; region_code: string; seq: number }>`
    select id, name, region_code, seq from body where id = ${bodyId} for update`.execute(trx);
  const body = b.rows[0];
  if (!body) throw notFound('机构');
  // = register/codes.ts allocateCodes: the draft editor cannot issue a code while we do
  await sql`select pg_advisory_xact_lock(${CODE_LOCK}, ${bodyId})`.execute(trx);

  let created = false;
  if (draft && !(EDITABLE_DRAFT_STATUSES as readonly string[]).includes(draft.status)) {
    throw new AppError('INVALID_STATE', '清单草稿已提交审核，审核退回前不能导入');
  }
  if (!draft) {
    const published = await trx
      .selectFrom('power_list_version')
      .select('id')
      .where('body_id', '=', bodyId)
      .limit(1)
      .executeTakeFirst();
    // §13: after the first publication the list changes only through an approved adjustment
    if (published)
      throw new AppError('INVALID_STATE', '本部门清单已公布，没有可编辑的草稿；清单变更须通过动态调整程序办理');
    draft = await trx
      .insertInto('list_draft')
      .values({
        body_id: bodyId,
        status: 'drafting',
        rulebook_id: await currentRulebookId(trx),
        created_by: actor.userId,
        created_at: at,
        updated_at: at,
      })
      .returning(['id', 'status', 'rulebook_id'])
      .executeTakeFirstOrThrow();
    created = true;
    await recordAudit(trx, {
      actor,
      role: 'clerk',
      bodyId,
      action: 'draft.created',
      objectType: 'list_draft',
      objectId: draft.id,
      after: { bodyId, rulebookId: draft.rulebook_id, via: 'import' },
      at,
    });
  }

  const documents = new Map<string, KnownDocument>();
  const docs = await trx
    .selectFrom('legal_document')
    .select([
      'id',
      'key',
      'name',
      'level',
      'status',
      sql<string | null>`to_char(effective_date, 'YYYY-MM-DD')`.as('effectiveDate'),
      sql<string | null>`to_char(expiry_date, 'YYYY-MM-DD')`.as('expiryDate'),
    ])
    .execute();
  for (const d of docs) documents.set(d.key, d);

  const everHeld = new Set<string>();
  for (const r of await trx.selectFrom('power_code').select('code').where('body_id', '=', bodyId).execute())
    everHeld.add(r.code);
  for (const r of await trx.selectFrom('power').select('code').distinct().where('body_id', '=', bodyId).execute())
    everHeld.add(r.code);
  const published = new Map<string, string>();
  for (const r of await trx
    .selectFrom('power')
    .select(['code', 'status'])
    .where('body_id', '=', bodyId)
    .where('valid_to', 'is', null)
    .execute())
    published.set(r.code, r.status);
  const draftCodes = new Map<string, { flags: unknown; override: unknown } | null>();
  let draftMaxOrd = -1;
  const draftRows = await trx
    .selectFrom('draft_power')
    .select([
      'code',
      'ord',
      sql<unknown>`case when exclusion_override is null then null else exclusion_flags end`.as('flags'),
      'exclusion_override',
    ])
    .where('draft_id', '=', draft.id)
    .execute();
  for (const r of draftRows) {
    draftCodes.set(r.code, r.exclusion_override === null ? null : { flags: r.flags, override: r.exclusion_override });
    if (r.ord > draftMaxOrd) draftMaxOrd = r.ord;
  }

  const maxMain = new Map<string, number>();
  const maxSub = new Map<string, number>();
  for (const code of [...everHeld, ...draftCodes.keys()]) {
    const p = parsePowerCode(code);
    if (!p.ok) continue;
    const { category, main, sub } = p.value;
    if (main > (maxMain.get(category) ?? 0)) maxMain.set(category, main);
    const parent = formatPowerCode({ ...p.value, sub: 0 });
    if (sub > (maxSub.get(parent) ?? 0)) maxSub.set(parent, sub);
  }

  return {
    body: {
      id: body.id,
      name: body.name,
      regionCode: body.region_code,
      bodyCode: String(body.seq).padStart(3, '0'),
      township: body.region_code.length > 6,
    },
    draft: {
      id: draft.id,
      created,
      rulebook: getRulebook(isRulebookId(draft.rulebook_id) ? draft.rulebook_id : DEFAULT_RULEBOOK_ID),
    },
    documents,
    everHeld,
    published,
    draftCodes,
    draftMaxOrd,
    maxMain,
    maxSub,
  };
}

/** The next 主项 code in a category (max + 1 over every code ever held: never a gap, never reused). */
export function issueMainCode(ctx: ImportContext, category: string): string {
  assertIssuing(ctx);
  const main = (ctx.maxMain.get(category) ?? 0) + 1;
  if (main > MAX_MAIN) throw new RangeError(`类别${category}的主项序号已用尽（最大${MAX_MAIN}）`);
  ctx.maxMain.set(category, main);
  return formatPowerCode({ regionCode: ctx.body.regionCode, bodyCode: ctx.body.bodyCode, category, main, sub: 0 });
}

export function issueSubCode(ctx: ImportContext, parentCode: string): string {
  assertIssuing(ctx);
  const sub = (ctx.maxSub.get(parentCode) ?? 0) + 1;
  if (sub > MAX_SUB) throw new RangeError(`主项${parentCode}的子项序号已用尽（最大${MAX_SUB}）`);
  ctx.maxSub.set(parentCode, sub);
  return `${parentCode.slice(0, -3)}${String(sub).padStart(3, '0')}`;
}

// as register/codes.ts allocateCodes: a 苏木乡镇·街道 body's codes are assigned by its 旗县区 (§18)
function assertIssuing(ctx: ImportContext) {
  if (ctx.body.township)
    throw new RangeError('苏木乡镇·街道机构的权力编码须由旗县区统一编制，本平台暂不为其生成编码；请填写已发放的编码');
}
