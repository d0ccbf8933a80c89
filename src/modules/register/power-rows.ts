// Mapping between the core Power/Duty shapes and the temporal power/duty rows (0002).
// One normal form for both directions, so that a list read back from the database diffs
// and hashes exactly like the list that was published.
import type { Insertable, Selectable } from 'kysely';
import { AppError } from '../../core/errors.js';
import {
  formatPowerCode,
  parsePowerCode,
  type Duty,
  type ListPower,
  type Power,
  type PowerStatus,
} from '../../core/register/index.js';
import type { PowerTable } from '../../db/schema.js';
import { readJsonbArray } from '../../platform/db.js';

type PowerRow = Selectable<PowerTable>;

/** A power of a published version (a row of `power`): the core shape plus the row id and its links. */
export type PublishedPower = Omit<ListPower, 'id'> & { id: number };

/** The 主项 code of a 子项 code, null for a 主项 (§6 code scheme). */
export function parentCodeOf(code: string): string | null {
  const r = parsePowerCode(code);
  if (!r.ok) throw new AppError('VALIDATION_FAILED', r.error, [{ field: 'code', message: r.error }]);
  return r.value.sub === 0 ? null : formatPowerCode({ ...r.value, sub: 0 });
}

/**
 * The normal form of a power's content: optional lists present only when non-empty, so that
 * "no predecessors" and "predecessorCodes: []" are the same content for diff and digest.
 */
export function normalizePower(p: ListPower): ListPower {
  const parentCode = parentCodeOf(p.code);
  const out: ListPower = {
    parentId: parentCode,
    parentCode,
    code: p.code,
    name: p.name,
    category: p.category,
    responsibleSubject: p.responsibleSubject,
    legalBases: p.legalBases ?? [],
    implementingAgency: p.implementingAgency,
    responsibilities: p.responsibilities ?? [],
    accountabilityCases: p.accountabilityCases ?? [],
    accountabilityBasis: p.accountabilityBasis ?? '',
    remarks: p.remarks ?? '',
    status: p.status,
  };
  if (p.predecessorCodes?.length) out.predecessorCodes = [...p.predecessorCodes];
  if (p.links?.length) out.links = [...p.links];
  return out;
}

const arr = readJsonbArray<unknown>;

/** The power columns the list is made of (not derived columns such as search indexes). */
export const POWER_COLUMNS = [
  'id',
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
  'predecessor_codes',
  'links',
  'ord',
  'body_id',
] as const;

export function rowToPower(
  r: Pick<
    PowerRow,
    | 'id'
    | 'code'
    | 'parent_code'
    | 'name'
    | 'category'
    | 'responsible_subject'
    | 'implementing_agency'
    | 'legal_bases'
    | 'responsibilities'
    | 'accountability_cases'
    | 'accountability_basis'
    | 'remarks'
    | 'status'
    | 'predecessor_codes'
    | 'links'
  >,
): PublishedPower {
  const p = normalizePower({
    parentId: r.parent_code,
    code: r.code,
    name: r.name,
    category: r.category,
    responsibleSubject: r.responsible_subject,
    legalBases: arr(r.legal_bases) as Power['legalBases'],
    implementingAgency: r.implementing_agency,
    responsibilities: arr(r.responsibilities) as Power['responsibilities'],
    accountabilityCases: arr(r.accountability_cases) as string[],
    accountabilityBasis: r.accountability_basis,
    remarks: r.remarks,
    status: r.status as PowerStatus,
    predecessorCodes: arr(r.predecessor_codes) as string[],
    links: arr(r.links),
  });
  return { ...p, id: r.id };
}

export function powerToRow(bodyId: number, p: ListPower, ord: number, validFrom: number): Insertable<PowerTable> {
  const n = normalizePower(p);
  return {
    body_id: bodyId,
    code: n.code,
    parent_code: n.parentCode ?? null,
    name: n.name,
    category: n.category,
    responsible_subject: n.responsibleSubject,
    implementing_agency: n.implementingAgency,
    legal_bases: JSON.stringify(n.legalBases),
    responsibilities: JSON.stringify(n.responsibilities),
    accountability_cases: JSON.stringify(n.accountabilityCases),
    accountability_basis: n.accountabilityBasis,
    remarks: n.remarks,
    status: n.status,
    predecessor_codes: JSON.stringify(n.predecessorCodes ?? []),
    links: JSON.stringify(n.links ?? []),
    ord,
    valid_from: validFrom,
    valid_to: null,
  };
}

export const dutyKey = (d: Duty, ord: number) =>
  JSON.stringify([ord, d.name.normalize('NFC'), (d.content ?? '').normalize('NFC')]);

/** Rows per multi-row INSERT: well under PostgreSQL's 65,535 bind parameters. */
export const INSERT_CHUNK = 500;

export function chunks<T>(xs: readonly T[], n = INSERT_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}
