// A body's own list layout (issue 14 item 2): which of its column names means which field of
// the 职权信息表 (spec §2; regulation 第六条), where its header row is, and which rows are the
// title above it, a row of column numbers, or notes at the bottom. Pure: no IO. The synonyms
// follow the glossary (docs/glossary.md: 法定依据 / 设定依据, 行政职权 / 行政权力 …)
// and the names bodies' published lists use.
import type { ForeignMapping, MappingTarget } from '../../contract/exchange-mapping.js';
import { COLUMN_BY_KEY, type ColumnKey } from './columns.js';

/** Column names as bodies write them → the field. Matched after normaliseHeader. */
const SYNONYMS: Record<Exclude<MappingTarget, 'ignore'>, readonly string[]> = {
  serial: ['序号', '编号', '序', '顺序号', '事项序号'],
  category: [
    '权力分类',
    '权力类别',
    '职权类别',
    '职权类型',
    '权力类型',
    '事项类型',
    '事项类别',
    '职权分类',
    '类别',
    '分类',
    '类型',
  ],
  name: [
    '项目名称',
    '行政职权名称',
    '职权名称',
    '权力名称',
    '事项名称',
    '权力事项名称',
    '行政权力名称',
    '行政权力事项',
    '权力事项',
    '主项名称',
    '主项',
    '名称',
  ],
  subName: ['子项', '子项名称', '子项目', '子项目名称', '子项事项'],
  code: ['权力编码', '职权编码', '事项编码', '基本编码', '编码'],
  legalBases: [
    '实施依据',
    '法定依据',
    '设定依据',
    '设定和实施依据',
    '设定依据和实施依据',
    '法律依据',
    '行使依据',
    '执法依据',
    '依据',
  ],
  responsibilities: ['责任事项', '责任事项内容', '职责事项'],
  responsibilityBasis: ['责任事项依据'],
  accountabilityCases: ['追责情形', '问责情形', '追责情形及依据', '追究责任情形'],
  accountabilityBasis: ['追责依据', '问责依据', '追究责任依据'],
  remarks: ['备注', '说明', '附注'],
  responsibleSubject: ['责任主体', '实施主体'],
  implementingAgency: [
    '实施机构',
    '承办机构',
    '承办科室',
    '实施部门',
    '责任科室',
    '责任股室',
    '行使主体',
    '行使层级及实施机构',
  ],
  status: ['状态', '事项状态'],
};

const EXACT = new Map<string, MappingTarget>();
const PARTS: { word: string; target: MappingTarget }[] = [];
for (const [target, words] of Object.entries(SYNONYMS) as [MappingTarget, readonly string[]][]) {
  for (const w of words) {
    EXACT.set(w, target);
    if (w.length >= 2) PARTS.push({ word: w, target });
  }
}
PARTS.sort((a, b) => b.word.length - a.word.length);

/** A header as compared: no spaces (half- or full-width), line breaks, required-marks or trailing colon. */
export function normaliseHeader(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\u3000*＊]/g, '')
    .replace(/[：:]$/, '');
}

/** The field a column name means, or null. Exact synonyms first, then the longest one it contains. */
export function targetOf(header: string): MappingTarget | null {
  const h = normaliseHeader(header);
  if (!h) return null;
  const exact = EXACT.get(h);
  if (exact) return exact;
  if (h.length > 12) return null; // a title or a note, not a column name
  return PARTS.find((p) => h.includes(p.word))?.target ?? null;
}

/** How much a row looks like a header row: the cells that name a field (exactly: 1; within a longer name: ½). */
export function headerScore(texts: readonly string[]): number {
  let n = 0;
  for (const t of texts) {
    if (!t) continue;
    if (EXACT.has(normaliseHeader(t))) n++;
    else if (targetOf(t)) n += 0.5;
  }
  return n;
}

/** A row of column numbers under the header (1, 2, 3 …), as many printed forms have. */
export function isNumberRow(texts: readonly string[]): boolean {
  const xs = texts.filter((t) => t !== '');
  return xs.length >= 3 && xs.every((t, i) => t === String(i + 1) || t === `（${i + 1}）` || t === `(${i + 1})`);
}

const NOTE =
  /^(注|备注|说明|填表说明|附注|附件|注释)\s*[:：、.．\d（(一①]|^(填表人|填报人|审核人|负责人|单位负责人|联系人|联系电话|填报日期|制表人|制表日期|填报单位)/;

/**
 * A note row at the bottom: one text only (often merged across the width) that reads as a note,
 * or any one-text row once a note has begun (its numbered lines).
 */
export function isNoteRow(texts: readonly string[], afterNote: boolean): boolean {
  const distinct = new Set(texts.filter((t) => t !== ''));
  if (distinct.size !== 1) return false;
  const [t] = distinct;
  return afterNote || NOTE.test(t);
}

/** The proposed mapping of a header row: each column its field; a field taken twice only by its first column. */
export function proposeMapping(
  sheet: string,
  headerRow: number,
  headers: readonly { index: number; header: string }[],
  defaults: ForeignMapping['defaults'],
): ForeignMapping {
  const taken = new Set<MappingTarget>();
  const columns = headers.map(({ index, header }) => {
    let target = targetOf(header) ?? 'ignore';
    const joinable = ['serial', 'legalBases', 'responsibilities', 'accountabilityCases', 'remarks'].includes(target);
    if (taken.has(target) && !joinable) target = 'ignore';
    taken.add(target);
    return { index, header, target };
  });
  const d = { ...defaults };
  if (taken.has('responsibleSubject')) delete d.responsibleSubject;
  if (taken.has('implementingAgency')) delete d.implementingAgency;
  return { sheet, headerRow, columns, defaults: d };
}

/** The signature of a layout: its normalised column names, in order (a saved mapping is offered for the same). */
export const layoutHeaders = (headers: readonly { header: string }[]) => headers.map((h) => normaliseHeader(h.header));

/** Problems name the body's own columns: 法定依据 → “实施依据”, as the clerk's sheet calls it. */
export function renameColumns<T extends { column?: string }>(details: T[], mapping: ForeignMapping): T[] {
  const byTarget = new Map<string, string>();
  for (const c of mapping.columns) if (!byTarget.has(c.target)) byTarget.set(c.target, c.header);
  const ours = new Map<string, string>();
  const keyOf: Partial<Record<ColumnKey, MappingTarget>> = { kind: 'subName', legalLevels: 'legalBases' };
  for (const [key, def] of Object.entries(COLUMN_BY_KEY) as [ColumnKey, { header: string }][]) {
    const theirs = byTarget.get(keyOf[key] ?? key);
    if (theirs && theirs !== def.header) ours.set(def.header, `${theirs}（${def.header}）`);
  }
  return details.map((x) => (x.column && ours.has(x.column) ? { ...x, column: ours.get(x.column)! } : x));
}
