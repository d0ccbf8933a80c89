// Importing a 职权信息表 workbook into a body's draft (spec §2; issue 3 item 7), all or nothing.
// Rows come from the upload's parse worker (parse-client.ts), are checked, and written in batches inside
// ONE transaction; a problem anywhere stops the writing, every problem is still collected, and
// the transaction rolls back — nothing is imported (IMPORT_INVALID with row, column, message).
// The caller authorizes (routes: the body's clerk); the audit event is in the same transaction.
import { sql, type Transaction } from 'kysely';
import type { Actor, RequestMeta } from '../../core/actor.js';
import { AppError } from '../../core/errors.js';
import { contentJson, parsePowerCode, POWER_STATUS_LABELS, screenPower } from '../../core/register/index.js';
import type { Database } from '../../db/connect.js';
import type { DB } from '../../db/schema.js';
import { readJsonb } from '../../platform/db.js';
import { recordAudit } from '../audit/audit.repo.js';
import { COLUMNS, KIND_MAIN, KIND_SUB } from './columns.js';
import { issueMainCode, issueSubCode, loadImportContext, type ImportContext } from './import-context.js';
import { parseRow, type ParsedRow, type RowContext, type RowError } from './row-codec.js';
import { documentKey } from './notation.js';
import { ParseJob } from './parse-client.js';
import { SheetError, type SheetRow } from './xlsx-read.js';
import type { ForeignMapping } from '../../contract/exchange-mapping.js';
import { renameColumns } from './foreign-headers.js';

export type { ImportMode, ImportResult } from '../../contract/exchange.js';
import type { ImportMode, ImportResult } from '../../contract/exchange.js';

export interface ImportInput {
  bodyId: number;
  actor: Actor;
  /** the uploaded .xlsx on disk (upload.ts), read in a worker thread */
  path: string;
  at: Date;
  /** replace (default): the file becomes the draft's powers; merge: update by code, add the rest */
  mode?: ImportMode;
  /** check and count everything, then roll back */
  dryRun?: boolean;
  meta?: RequestMeta;
  fileName?: string;
  fileSha256?: string;
  /** issue 14.2: the file is the body's own layout, read by this mapping (foreign-read.ts) */
  mapping?: ForeignMapping;
  /** sees every row as read, before it is checked (the mapped import's preview) */
  onRow?: (row: SheetRow) => void;
}

/** A draft power's content for comparison: what the 职权信息表 carries (not its place or §8 flags). */
const CONTENT_COLUMNS = [
  'code',
  'parent_code',
  'name',
  'category',
  'responsible_subject',
  'implementing_agency',
  'legal_bases',
  'responsibilities',
  'accountability_cases',
  'accountability_basis',
  'remarks',
  'status',
] as const;
const json = readJsonb<unknown>;
function contentKey(r: Pick<DraftRow, (typeof CONTENT_COLUMNS)[number]>): string {
  const picked = Object.fromEntries(CONTENT_COLUMNS.map((k) => [k, r[k]]));
  return contentJson({
    ...picked,
    legal_bases: json(r.legal_bases),
    responsibilities: json(r.responsibilities),
    accountability_cases: json(r.accountability_cases),
  });
}

/** Problems listed in one response and report; beyond this only a count is given. */
export const MAX_REPORTED_ERRORS = 10_000;
const BATCH = 250;

class DryRun extends Error {
  constructor(readonly result: ImportResult) {
    super('dry run');
  }
}

interface DraftRow {
  code: string;
  parent_code: string | null;
  name: string;
  category: string;
  responsible_subject: string;
  implementing_agency: string;
  legal_bases: unknown;
  responsibilities: unknown;
  accountability_cases: unknown;
  accountability_basis: string;
  remarks: string;
  status: string;
  ord: number;
  exclusion_flags: unknown;
  exclusion_override: unknown;
}

async function writeBatch(trx: Transaction<DB>, ctx: ImportContext, rows: DraftRow[], issued: string[], at: Date) {
  if (rows.length) {
    await sql`
      insert into draft_power (draft_id, code, parent_code, name, category, responsible_subject, implementing_agency,
        legal_bases, responsibilities, accountability_cases, accountability_basis, remarks, status, ord, exclusion_flags, exclusion_override)
      select ${ctx.draft.id}, x.code, x.parent_code, x.name, x.category, x.responsible_subject, x.implementing_agency,
        x.legal_bases, x.responsibilities, x.accountability_cases, x.accountability_basis, x.remarks, x.status, x.ord, x.exclusion_flags, x.exclusion_override
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(code text, parent_code text, name text, category text,
        responsible_subject text, implementing_agency text, legal_bases jsonb, responsibilities jsonb, accountability_cases jsonb,
        accountability_basis text, remarks text, status text, ord int, exclusion_flags jsonb, exclusion_override jsonb)
      on conflict (draft_id, code) do update set parent_code = excluded.parent_code, name = excluded.name, category = excluded.category,
        responsible_subject = excluded.responsible_subject, implementing_agency = excluded.implementing_agency,
        legal_bases = excluded.legal_bases, responsibilities = excluded.responsibilities, accountability_cases = excluded.accountability_cases,
        accountability_basis = excluded.accountability_basis, remarks = excluded.remarks, status = excluded.status,
        exclusion_flags = excluded.exclusion_flags, exclusion_override = excluded.exclusion_override`.execute(trx);
  }
  if (issued.length) {
    await sql`insert into power_code (code, body_id, issued_at)
      select c, ${ctx.body.id}, ${at.toISOString()}::timestamptz from unnest(${issued}::text[]) as c`.execute(trx);
  }
}

/**
 * Import an .xlsx stream into the body's editable draft (opened for a first compilation if the
 * body has none). Throws AppError IMPORT_INVALID with every problem when anything is wrong.
 */
export async function importDraftFromXlsx(db: Database, input: ImportInput): Promise<ImportResult> {
  const mode = input.mode ?? 'replace';
  const parse = new ParseJob(input.path, undefined, input.mapping ? { mapping: input.mapping } : {});
  try {
    // a file refused as a whole is refused before the transaction takes the body's locks
    await parse.ready();
    return await db.transaction().execute((trx) => runImport(trx, input, mode, tapped(parse.rows(), input.onRow)));
  } catch (e) {
    if (e instanceof DryRun) return e.result;
    // a mapped sheet's problems name its own columns (“实施依据（法定依据）”)
    if (input.mapping && e instanceof AppError && e.code === 'IMPORT_INVALID' && e.details)
      throw new AppError(e.code, e.message, renameColumns(e.details, input.mapping));
    throw e;
  } finally {
    await parse.close();
  }
}

async function* tapped(rows: AsyncIterable<SheetRow>, onRow?: (row: SheetRow) => void) {
  for await (const r of rows) {
    onRow?.(r);
    yield r;
  }
}

async function runImport(
  trx: Transaction<DB>,
  input: ImportInput,
  mode: ImportMode,
  sheetRows: AsyncIterable<SheetRow>,
): Promise<ImportResult> {
  const ctx = await loadImportContext(trx, input.bodyId, input.actor, input.at);
  const rb = ctx.draft.rulebook;
  const byText = new Map<string, string>();
  for (const c of rb.categories) byText.set(c.label, c.code).set(c.code, c.code);
  const rowCtx: RowContext = {
    category: (t) => byText.get(t),
    categoryLabels: rb.categories.map((c) => c.label),
    rulebookLabel: rb.label,
    lookupDocument: (name) => ctx.documents.get(documentKey(name)),
  };

  const errors: RowError[] = [];
  let omitted = 0;
  const fail = (e: RowError) => (errors.length < MAX_REPORTED_ERRORS ? errors.push(e) : omitted++);
  const codeHeader = COLUMNS.find((c) => c.key === 'code')!.header;
  const kindHeader = COLUMNS.find((c) => c.key === 'kind')!.header;

  let removed = 0;
  // issue 9.7: the draft as it was, to report what the import really changes
  const was = new Map(
    (
      await trx
        .selectFrom('draft_power')
        .select([...CONTENT_COLUMNS])
        .where('draft_id', '=', ctx.draft.id)
        .execute()
    ).map((r) => [r.code, contentKey(r)]),
  );
  const seen = new Set<string>();
  let modified = 0;
  if (mode === 'replace') {
    const r = await trx.deleteFrom('draft_power').where('draft_id', '=', ctx.draft.id).executeTakeFirst();
    removed = Number(r.numDeletedRows);
  }

  const codeRow = new Map<string, number>(); // code → the row that holds it in this file
  const mainsInFile = new Set<string>();
  const forwardParents: { row: number; parent: string }[] = [];
  let lastMain: { row: number; code: string | null } | null = null;
  let batch: DraftRow[] = [];
  let issuedBatch: string[] = [];
  let rows = 0,
    inserted = 0,
    updated = 0,
    issuedCodes = 0,
    flagged = 0;
  const ordBase = mode === 'merge' ? ctx.draftMaxOrd + 1 : 0;

  // One batch in flight while the next is read and checked: PostgreSQL writes in parallel.
  let pending: Promise<void> = Promise.resolve();
  let writeError: unknown = null;
  const flush = async () => {
    if (errors.length === 0 && (batch.length || issuedBatch.length)) {
      await pending;
      if (writeError) throw writeError;
      pending = writeBatch(trx, ctx, batch, issuedBatch, input.at).catch((e: unknown) => void (writeError = e));
    }
    batch = [];
    issuedBatch = [];
  };

  try {
    for await (const sheetRow of sheetRows) {
      rows++;
      const { row } = sheetRow;
      const broken = new Set(sheetRow.problems.map((p) => p.column));
      sheetRow.problems.forEach(fail);
      const parsed = parseRow(row, sheetRow.cells, rowCtx);
      parsed.errors.filter((e) => !broken.has(e.column)).forEach(fail);
      const isMain = sheetRow.cells.kind === KIND_MAIN;
      if (!parsed.value || broken.size) {
        if (isMain) lastMain = { row, code: null };
        continue;
      }
      const p: ParsedRow = parsed.value;
      const rowErr = (column: string, message: string) => fail({ row, column, message });
      let ok = true;

      // the code written in the file: this body's, once only, issued before, not a cancelled one
      if (p.code !== null) {
        const c = parsePowerCode(p.code);
        if (c.ok && (c.value.regionCode !== ctx.body.regionCode || c.value.bodyCode !== ctx.body.bodyCode)) {
          rowErr(
            codeHeader,
            `权力编码“${p.code}”不属于${ctx.body.name}（本部门编码以 ${ctx.body.regionCode}-${ctx.body.bodyCode} 开头）`,
          );
          ok = false;
        } else if (codeRow.has(p.code)) {
          rowErr(codeHeader, `权力编码“${p.code}”在本文件中重复（第${codeRow.get(p.code)}行已使用）`);
          ok = false;
        } else if (!ctx.everHeld.has(p.code) && !ctx.draftCodes.has(p.code)) {
          rowErr(codeHeader, `权力编码“${p.code}”未由本平台发放给本部门；新增职权请将权力编码留空，导入时自动编号`);
          ok = false;
        } else if (!ctx.published.has(p.code) && !ctx.draftCodes.has(p.code)) {
          rowErr(
            codeHeader,
            `权力编码“${p.code}”曾经发放，其职权已取消或已移出清单；编码不得重复使用，新增职权请将权力编码留空`,
          );
          ok = false;
        } else if (ctx.published.get(p.code) === 'cancelled' && p.status !== 'cancelled') {
          rowErr(
            COLUMNS.find((x) => x.key === 'status')!.header,
            `权力编码“${p.code}”的职权已取消，不能改为“${POWER_STATUS_LABELS[p.status]}”；恢复该职权须作为新增职权（权力编码留空）`,
          );
          ok = false;
        }
        codeRow.set(p.code, row);
      }

      // 主项 / 子项
      let parent: string | null = null;
      if (p.kind === KIND_SUB) {
        if (!lastMain) {
          rowErr(kindHeader, '本行填“子项”，但上方没有主项；请把子项放在其主项之下，或填写所属主项的权力编码');
          ok = false;
        } else if (lastMain.code === null) {
          rowErr(kindHeader, `所属主项（第${lastMain.row}行）有误，请先改正该行`);
          ok = false;
        } else parent = lastMain.code;
      } else if (p.kind !== KIND_MAIN) {
        parent = p.kind;
        if (!mainsInFile.has(parent)) forwardParents.push({ row, parent });
      }
      if (parent !== null) {
        const pc = parsePowerCode(parent);
        if (pc.ok && pc.value.category !== p.category) {
          rowErr(
            COLUMNS.find((x) => x.key === 'category')!.header,
            `子项的权力类别须与所属主项“${parent}”一致（${pc.value.category}）`,
          );
          ok = false;
        }
        if (p.code !== null && `${p.code.slice(0, -3)}000` !== parent) {
          rowErr(codeHeader, `子项编码“${p.code}”不在所属主项“${parent}”之下（前四段应相同）`);
          ok = false;
        }
      }

      let code = p.code;
      if (ok && code === null) {
        try {
          code = parent === null ? issueMainCode(ctx, p.category) : issueSubCode(ctx, parent);
          issuedBatch.push(code);
          issuedCodes++;
        } catch (e) {
          rowErr(codeHeader, (e as Error).message);
          ok = false;
        }
      }
      if (isMain) {
        lastMain = { row, code: ok ? code : null };
        if (code) mainsInFile.add(code);
      }
      if (!ok || errors.length) continue;

      // §8, as the draft editor screens: the name, and the remarks that often say what it really is
      const flags = screenPower({ name: p.name, description: p.remarks || null });
      const before = ctx.draftCodes.get(code!);
      if (flags.length) flagged++;
      const existed = ctx.draftCodes.has(code!);
      if (mode === 'merge' && existed) updated++;
      else inserted++;
      const draftRow: DraftRow = {
        code: code!,
        parent_code: parent,
        name: p.name,
        category: p.category,
        responsible_subject: p.responsibleSubject,
        implementing_agency: p.implementingAgency,
        legal_bases: p.legalBases,
        responsibilities: p.responsibilities,
        accountability_cases: p.accountabilityCases,
        accountability_basis: p.accountabilityBasis,
        remarks: p.remarks,
        status: p.status,
        ord: ordBase + rows - 1,
        exclusion_flags: flags,
        // a coordinator's §8 decision stands only for the flags it was given on (as the editor)
        exclusion_override: before && contentJson(before.flags) === contentJson(flags) ? before.override : null,
      };
      batch.push(draftRow);
      if (was.has(draftRow.code)) {
        seen.add(draftRow.code);
        if (was.get(draftRow.code) !== contentKey(draftRow)) modified++;
      }
      if (batch.length >= BATCH) await flush();
    }
  } catch (e) {
    if (e instanceof SheetError) throw invalid(e.details, 0);
    throw e;
  } finally {
    await pending; // never leave a statement running when the transaction ends
  }

  for (const f of forwardParents) {
    if (mainsInFile.has(f.parent)) continue;
    if (mode === 'merge' && ctx.draftCodes.has(f.parent)) continue;
    fail({
      row: f.row,
      column: kindHeader,
      message: `所属主项“${f.parent}”不在${mode === 'merge' ? '本文件或草稿' : '本文件'}中，请先列出该主项`,
    });
  }
  if (rows === 0) fail({ row: 3, column: COLUMNS[0].header, message: '文件中没有职权数据（从第3行起填写）' });
  if (errors.length) throw invalid(errors, omitted);
  await flush();
  await pending;
  if (writeError) throw writeError;

  const count = await trx
    .selectFrom('draft_power')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('draft_id', '=', ctx.draft.id)
    .executeTakeFirstOrThrow();
  const result: ImportResult = {
    draftId: ctx.draft.id,
    draftCreated: ctx.draft.created,
    mode,
    dryRun: !!input.dryRun,
    rows,
    inserted,
    updated,
    removed,
    issuedCodes,
    flagged,
    draftPowerCount: count.n,
    changes: {
      added: rows - seen.size,
      modified,
      removed: mode === 'replace' ? was.size - seen.size : 0,
      unchanged: seen.size - modified,
    },
    noChange: false,
  };
  result.noChange = !ctx.draft.created && result.changes.added + result.changes.modified + result.changes.removed === 0;
  // nothing to record: roll back (the rows were rewritten as they were) and say so
  if (input.dryRun || result.noChange) throw new DryRun(result);
  await trx.updateTable('list_draft').set({ updated_at: input.at }).where('id', '=', ctx.draft.id).execute();
  await recordAudit(trx, {
    actor: input.actor,
    role: 'clerk',
    bodyId: ctx.body.id,
    action: 'exchange.draftImported',
    objectType: 'list_draft',
    objectId: ctx.draft.id,
    after: { ...result, fileName: input.fileName ?? null, fileSha256: input.fileSha256 ?? null },
    meta: input.meta,
    at: input.at,
  });
  return result;
}

function invalid(details: RowError[], omitted: number): AppError {
  const list =
    omitted > 0
      ? [...details, { row: 0, column: '', message: `另有${omitted}处错误未列出，请先改正以上错误后重新导入` }]
      : details;
  const n = details.length + omitted;
  return new AppError('IMPORT_INVALID', `导入文件有${n}处错误，未导入任何内容；请按错误报告逐项改正后重新导入`, list);
}
