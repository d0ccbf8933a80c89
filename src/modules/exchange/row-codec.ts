// One 职权信息表 row ↔ one power, without the database: export formatting and the per-row
// checks of an import (the checks that need the database — codes issued, 主项 present — are
// in import.ts). Messages are Chinese and name the problem, not the code path.
import {
  parsePowerCode,
  POWER_STATUS_LABELS,
  powerStatusFromLabel,
  type LegalBasisCitation,
  type PowerStatus,
  type ResponsibilityItem,
} from '../../core/register/index.js';
import { neutralise } from '../../core/formula-text.js';
import { readJsonbArray } from '../../platform/db.js';
import { COLUMNS, KIND_MAIN, KIND_SUB, type ColumnKey } from './columns.js';
import {
  formatCases,
  formatLegalBases,
  formatResponsibilities,
  parseCases,
  parseLegalBases,
  parseResponsibilities,
} from './notation.js';

/** A record of the legal-document register (§7), as the importer matches citations to it. */
export interface KnownDocument {
  id: number;
  name: string;
  level: string;
  status: string;
  effectiveDate: string | null;
  expiryDate: string | null;
}

const TEMPORARY_LICENCE = '临时性行政许可';

/** A power as stored (power and draft_power share these columns). */
export interface StoredPower {
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
}

const arr = readJsonbArray;

/** The cells of one power in column order, neutralised against formula injection. */
export function powerToCells(p: StoredPower, categoryLabel: (code: string) => string): string[] {
  const bases = formatLegalBases(arr<LegalBasisCitation>(p.legal_bases));
  const parsed = parsePowerCode(p.code);
  const parent = p.parent_code ?? (parsed.ok && parsed.value.sub > 0 ? `${p.code.slice(0, -3)}000` : null);
  const byKey: Record<ColumnKey, string> = {
    name: p.name,
    kind: parent ?? KIND_MAIN,
    code: p.code,
    category: categoryLabel(p.category),
    responsibleSubject: p.responsible_subject,
    legalBases: bases.bases,
    legalLevels: bases.levels,
    implementingAgency: p.implementing_agency,
    responsibilities: formatResponsibilities(arr<ResponsibilityItem>(p.responsibilities)),
    accountabilityCases: formatCases(arr<string>(p.accountability_cases)),
    accountabilityBasis: p.accountability_basis,
    remarks: p.remarks,
    status: (POWER_STATUS_LABELS as Record<string, string>)[p.status] ?? p.status,
  };
  return COLUMNS.map((c) => neutralise(byKey[c.key] ?? ''));
}

export interface RowError {
  row: number;
  column: string;
  message: string;
}

/** A row that passed the per-row checks. */
export interface ParsedRow {
  row: number;
  name: string;
  /** '主项', '子项' (the nearest 主项 above) or the 主项's code */
  kind: string;
  /** null = issue one on import */
  code: string | null;
  category: string;
  responsibleSubject: string;
  legalBases: LegalBasisCitation[];
  implementingAgency: string;
  responsibilities: ResponsibilityItem[];
  accountabilityCases: string[];
  accountabilityBasis: string;
  remarks: string;
  status: PowerStatus;
}

export interface RowContext {
  /** category label or letter code → letter code, for the draft's rulebook */
  category: (text: string) => string | undefined;
  categoryLabels: readonly string[];
  rulebookLabel: string;
  /** the register's record for a 《》 title */
  lookupDocument: (documentName: string) => KnownDocument | undefined;
}

const header = (k: ColumnKey) => COLUMNS.find((c) => c.key === k)!.header;

/**
 * Check one row's cells (already read as text, unneutralised and trimmed). Returns the row or
 * its problems; every problem of the row is reported, not just the first.
 */
export function parseRow(
  row: number,
  cells: Record<ColumnKey, string>,
  ctx: RowContext,
): { value?: ParsedRow; errors: RowError[] } {
  const errors: RowError[] = [];
  const err = (k: ColumnKey, message: string) => errors.push({ row, column: header(k), message });

  for (const c of COLUMNS) {
    const v = cells[c.key];
    if (c.required && v === '') err(c.key, `“${c.header}”为必填项，不能为空`);
    if (v.length > c.maxLength) err(c.key, `“${c.header}”不能超过${c.maxLength}字（现有${v.length}字）`);
  }

  const kind = cells.kind;
  if (kind !== '' && kind !== KIND_MAIN && kind !== KIND_SUB) {
    const p = parsePowerCode(kind);
    if (!p.ok) err('kind', `“主项/子项”应填“主项”“子项”或所属主项的权力编码，“${kind}”不是有效的权力编码`);
    else if (p.value.sub !== 0) err('kind', `“${kind}”是子项编码，子项只能隶属于主项（子项序号为000的编码）`);
  }

  const code = cells.code === '' ? null : cells.code;
  if (code !== null) {
    const p = parsePowerCode(code);
    if (!p.ok) err('code', p.error);
    else if (kind === KIND_MAIN && p.value.sub !== 0) err('code', `“${code}”是子项编码，但“主项/子项”填的是“主项”`);
    else if (kind !== KIND_MAIN && kind !== '' && p.value.sub === 0)
      err('code', `“${code}”是主项编码（子项序号000），但本行是子项`);
  }

  let category = '';
  if (cells.category !== '') {
    const c = ctx.category(cells.category);
    if (!c)
      err(
        'category',
        `权力类别“${cells.category}”不在${ctx.rulebookLabel}的类别中，应为：${ctx.categoryLabels.join('、')}`,
      );
    else category = c;
  }
  if (category && code !== null) {
    const p = parsePowerCode(code);
    if (p.ok && p.value.category !== category)
      err('code', `权力编码中的类别代码${p.value.category}与权力类别“${cells.category}”（${category}）不一致`);
  }

  const legalBases: LegalBasisCitation[] = [];
  if (cells.legalBases !== '' || cells.legalLevels !== '') {
    const r = parseLegalBases(cells.legalBases, cells.legalLevels);
    for (const m of r.errors) err('legalBases', m);
    for (const m of r.levelErrors) err('legalLevels', m);
    r.value.forEach((w, i) => {
      // §7: one record per document; its title, level and (临时性行政许可) dates are the register's
      const doc = ctx.lookupDocument(w.documentName);
      if (!doc)
        return err(
          'legalBases',
          `${w.documentName}不在法律文件库中；请从库中已有文件引用，或请协调小组办公室、法制机构先行录入该文件`,
        );
      if (doc.status === 'repealed') return err('legalBases', `${doc.name}已废止，不能作为法定依据`);
      if (w.level && w.level !== doc.level)
        return err(
          'legalLevels',
          `依据层级第${i + 1}行“${w.level}”与法律文件库中${doc.name}的层级“${doc.level}”不一致`,
        );
      const c: LegalBasisCitation = {
        documentId: doc.id,
        documentName: doc.name,
        level: doc.level as LegalBasisCitation['level'],
        article: w.article,
        text: w.text,
      };
      if (w.inferred) c.inferred = true;
      if (doc.level === TEMPORARY_LICENCE) {
        if (doc.effectiveDate) c.effectiveDate = doc.effectiveDate;
        if (doc.expiryDate) c.expiryDate = doc.expiryDate;
      }
      legalBases.push(c);
    });
  }

  let responsibilities: ResponsibilityItem[] = [];
  const rr = parseResponsibilities(cells.responsibilities);
  if (rr.ok) responsibilities = rr.value;
  else for (const m of rr.errors) err('responsibilities', m);

  let status: PowerStatus = 'active';
  if (cells.status !== '') {
    const s = powerStatusFromLabel(cells.status);
    if (!s) err('status', `状态“${cells.status}”无效，应为${Object.values(POWER_STATUS_LABELS).join('、')}之一`);
    else status = s;
  }

  if (errors.length) return { errors };
  return {
    errors,
    value: {
      row,
      name: cells.name,
      kind,
      code,
      category,
      responsibleSubject: cells.responsibleSubject,
      legalBases,
      implementingAgency: cells.implementingAgency,
      responsibilities,
      accountabilityCases: parseCases(cells.accountabilityCases),
      accountabilityBasis: cells.accountabilityBasis,
      remarks: cells.remarks,
      status,
    },
  };
}
