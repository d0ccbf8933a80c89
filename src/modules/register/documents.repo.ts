// Legal documents (§7): one record per law, regulation or rule, cited by many powers; and the
// temporary-licence lapse check over the published lists.
import { sql, type Transaction } from 'kysely';
import { AppError, type ErrorDetail } from '../../core/errors.js';
import {
  addValidity,
  findLapsingPowers,
  TEMPORARY_LICENSE_LEVEL,
  type LegalBasisCitation,
  type LegalLevel,
  type Power,
} from '../../core/register/index.js';
import type { Rulebook } from '../../core/rulebook/index.js';
import type { DB } from '../../db/schema.js';
import type { Db } from '../../platform/db.js';
import { POWER_COLUMNS, rowToPower } from './power-rows.js';

/** The lookup key of a title: without 《》, spaces and the 中华人民共和国 prefix (as the seed keys). */
export function documentKey(name: string): string {
  return name
    .normalize('NFC')
    .replace(/[《》\s]/g, '')
    .replace(/^中华人民共和国/, '');
}

// date columns come back as Date objects from both drivers; read them as text
const d = (col: string) => sql<string | null>`to_char(${sql.ref(col)}, 'YYYY-MM-DD')`;

const docSelect = (db: Db) =>
  db
    .selectFrom('legal_document')
    .select([
      'id',
      'key',
      'name',
      'level',
      'issuing_body as issuingBody',
      'document_number as documentNumber',
      'status',
      d('latest_version_date').as('latestVersionDate'),
      d('effective_date').as('effectiveDate'),
      d('expiry_date').as('expiryDate'),
    ]);

export type LegalDocumentRow = Awaited<ReturnType<ReturnType<typeof docSelect>['executeTakeFirstOrThrow']>>;

export async function listDocuments(db: Db, f: { q?: string; level?: string; limit: number; offset: number }) {
  let q = docSelect(db);
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, '\\$&')}%`;
    q = q.where((eb) =>
      eb.or([eb('name', 'ilike', like), eb('document_number', 'ilike', like), eb('issuing_body', 'ilike', like)]),
    );
  }
  if (f.level) q = q.where('level', '=', f.level);
  const total = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const items = await q.orderBy(sql`length(name)`).orderBy('name').limit(f.limit).offset(f.offset).execute();
  return { items, total: Number(total.n) };
}

export const findDocument = (db: Db, id: number) => docSelect(db).where('id', '=', id).executeTakeFirst();

export interface NewDocument {
  name: string;
  level: LegalLevel;
  issuingBody?: string | null;
  documentNumber?: string | null;
  latestVersionDate?: string | null;
  effectiveDate?: string | null;
  expiryDate?: string | null;
}

/** §7: a 临时性行政许可 expires one rulebook validity after it took effect, unless it states its own expiry. */
export function expiryFor(
  doc: Pick<NewDocument, 'level' | 'effectiveDate' | 'expiryDate'>,
  rulebook: Rulebook,
): string | null {
  if (doc.level !== TEMPORARY_LICENSE_LEVEL) return doc.expiryDate ?? null;
  if (doc.expiryDate) return doc.expiryDate;
  if (!doc.effectiveDate)
    throw new AppError('VALIDATION_FAILED', '临时性行政许可须填写生效日期（有效期自生效之日起计算）', [
      { field: 'effectiveDate', message: '请填写生效日期' },
    ]);
  return addValidity(doc.effectiveDate, rulebook.temporaryLicense.validity);
}

export async function insertDocument(trx: Transaction<DB>, doc: NewDocument, rulebook: Rulebook) {
  const name = doc.name.normalize('NFC').trim();
  const title = /^《.*》$/.test(name) ? name : `《${name.replace(/[《》]/g, '')}》`;
  const key = documentKey(title);
  const dup = await trx.selectFrom('legal_document').select('id').where('key', '=', key).executeTakeFirst();
  if (dup)
    throw new AppError('CONFLICT', `法律文件${title}已在库中，请直接引用`, [
      { field: 'name', message: '法律文件已存在' },
    ]);
  const { id } = await trx
    .insertInto('legal_document')
    .values({
      key,
      name: title,
      level: doc.level,
      issuing_body: doc.issuingBody ?? null,
      document_number: doc.documentNumber ?? null,
      latest_version_date: doc.latestVersionDate ?? null,
      effective_date: doc.effectiveDate ?? null,
      expiry_date: expiryFor(doc, rulebook),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await findDocument(trx, id))!;
}

/**
 * Link citations to their document records (§7: one record, cited by many powers): by
 * documentId, else by title. The record's title and level win; a 临时性行政许可 citation
 * carries the document's dates so the power itself shows when it lapses.
 * Errors name the citation's index; nothing is written.
 */
export async function resolveCitations(
  db: Db,
  citations: readonly (Omit<LegalBasisCitation, 'level'> & { level?: string })[],
  field = 'legalBases',
): Promise<{ citations: LegalBasisCitation[]; errors: ErrorDetail[] }> {
  const ids = citations.map((c) => c.documentId).filter((x): x is number => typeof x === 'number');
  const keys = citations.filter((c) => typeof c.documentId !== 'number').map((c) => documentKey(c.documentName ?? ''));
  let q = docSelect(db);
  q = q.where((eb) => eb.or([eb('id', 'in', ids.length ? ids : [-1]), eb('key', 'in', keys.length ? keys : [''])]));
  const docs = await q.execute();
  const byId = new Map(docs.map((x) => [x.id, x]));
  const byKey = new Map(docs.map((x) => [x.key, x]));
  const errors: ErrorDetail[] = [];
  const out: LegalBasisCitation[] = [];
  citations.forEach((c, i) => {
    const doc =
      typeof c.documentId === 'number' ? byId.get(c.documentId) : byKey.get(documentKey(c.documentName ?? ''));
    if (!doc) {
      const what = typeof c.documentId === 'number' ? `编号 ${c.documentId}` : c.documentName;
      errors.push({
        field: `${field}.${i}.documentName`,
        message: `法律文件 ${what} 不在法律文件库中，请从库中选择，或请协调小组办公室、法制机构先行录入`,
      });
      return;
    }
    if (doc.status === 'repealed')
      errors.push({ field: `${field}.${i}.documentName`, message: `法律文件${doc.name}已废止，不能作为法定依据` });
    const cite: LegalBasisCitation = {
      documentId: doc.id,
      documentName: doc.name,
      level: doc.level as LegalLevel,
      article: c.article.trim(),
      text: (c.text ?? '').trim(),
    };
    if (c.inferred) cite.inferred = true;
    if (doc.level === TEMPORARY_LICENSE_LEVEL) {
      if (doc.effectiveDate) cite.effectiveDate = doc.effectiveDate;
      if (doc.expiryDate) cite.expiryDate = doc.expiryDate;
    }
    out.push(cite);
  });
  return { citations: out, errors };
}

export interface LapseFlag {
  bodyId: number;
  bodyName: string;
  powerId: number;
  code: string;
  name: string;
  documentId: number | null;
  documentName: string;
  expiryDate: string;
  daysRemaining: number;
  state: 'lapsing' | 'lapsed';
}

/**
 * §7: published powers (current versions) resting on a 临时性行政许可 that lapses within the
 * rulebook's warning window of `asOf`, or has lapsed. The document record's expiry wins over
 * the one copied into the citation (a document may be corrected after publication).
 */
export async function lapsingPublishedPowers(
  db: Db,
  f: { asOf: string; rulebook: Rulebook; bodyId?: number; regionPath?: string },
): Promise<LapseFlag[]> {
  let q = db
    .selectFrom('power as p')
    .innerJoin('body as b', 'b.id', 'p.body_id')
    .innerJoin('region as r', 'r.code', 'b.region_code')
    .select(POWER_COLUMNS.map((c) => `p.${c}` as const))
    .select('b.name as bodyName')
    .where('p.valid_to', 'is', null)
    .where('p.status', '=', 'active')
    .where(sql<boolean>`p.legal_bases @> ${JSON.stringify([{ level: TEMPORARY_LICENSE_LEVEL }])}::jsonb`);
  if (f.bodyId) q = q.where('p.body_id', '=', f.bodyId);
  if (f.regionPath)
    q = q.where((eb) => eb.or([eb('r.path', '=', f.regionPath!), eb('r.path', 'like', `${f.regionPath}/%`)]));
  const rows = await q.execute();
  if (rows.length === 0) return [];
  const docIds = new Set<number>();
  for (const r of rows)
    for (const c of rowToPower(r).legalBases) if (typeof c.documentId === 'number') docIds.add(c.documentId);
  const docs = docIds.size
    ? await docSelect(db)
        .where('id', 'in', [...docIds])
        .execute()
    : [];
  const byId = new Map(docs.map((x) => [x.id, x]));
  const meta = new Map<string, { bodyId: number; bodyName: string; powerId: number }>();
  const powers: Power[] = rows.map((r) => {
    const p = rowToPower(r);
    meta.set(`${r.body_id}:${p.code}`, { bodyId: r.body_id, bodyName: r.bodyName, powerId: r.id });
    const legalBases = p.legalBases.map((c) => {
      const doc = typeof c.documentId === 'number' ? byId.get(c.documentId) : undefined;
      return doc && doc.level === TEMPORARY_LICENSE_LEVEL
        ? { ...c, effectiveDate: doc.effectiveDate ?? c.effectiveDate, expiryDate: doc.expiryDate ?? c.expiryDate }
        : c;
    });
    return { ...p, bodyId: r.body_id, legalBases };
  });
  const t = f.rulebook.temporaryLicense;
  return findLapsingPowers(powers, f.asOf, { validity: t.validity, warningDays: t.warningDays }).map((l) => {
    const m = meta.get(`${l.power.bodyId}:${l.power.code}`)!;
    return {
      ...m,
      code: l.power.code,
      name: l.power.name,
      documentId: typeof l.citation.documentId === 'number' ? l.citation.documentId : null,
      documentName: l.citation.documentName,
      expiryDate: l.expiryDate,
      daysRemaining: l.daysRemaining,
      state: l.state,
    };
  });
}
