// How list-valued fields are written in one spreadsheet cell, both ways (documented in
// README.md and in the template's note row). Pure: no IO.
//
//   法定依据   one citation per line:   《文件名称》条款：条文
//   依据层级   line k describes citation k:  层级[；施行日期YYYY-MM-DD][；有效期至YYYY-MM-DD][；未核实]
//              The legal-document register (§7: one record per document) is the authority for
//              level and dates: a written level must agree with it; a blank line takes it.
//   责任事项   one item per line:       序号.责任名称：内容
//   追责情形   one case per line
//
// Inside an item, a line break is written \n and a backslash \\ (escapeItem), so every item
// stays on one line and the round trip is exact. A cell whose text begins with = + - @ (or
// with the apostrophe itself) gets a leading apostrophe on export, so no spreadsheet program
// evaluates it as a formula; the importer removes exactly that apostrophe (core/formula-text.ts).
import {
  isLegalLevel,
  LEGAL_LEVELS,
  type LegalBasisCitation,
  type LegalLevel,
  type ResponsibilityItem,
} from '../../core/register/index.js';

/** The register's lookup key of a title: without 《》, spaces and 中华人民共和国 (as register/documents.repo.ts). */
export function documentKey(name: string): string {
  return name
    .normalize('NFC')
    .replace(/[《》\s]/g, '')
    .replace(/^中华人民共和国/, '');
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: string[] };

// ---- one item on one line ----------------------------------------------------------------

const NEEDS_ITEM_ESCAPE = /[\\\r\n]/;
const ITEM_ESCAPES: Record<string, string> = { '\\': '\\\\', '\r': '\\r', '\n': '\\n' };

export function escapeItem(s: string): string {
  // most items have nothing to escape: one test instead of three replacements (exports run this a million times)
  return NEEDS_ITEM_ESCAPE.test(s) ? s.replace(/[\\\r\n]/g, (c) => ITEM_ESCAPES[c]) : s;
}

/** Reverses escapeItem; a backslash before any other character stays as written. */
export function unescapeItem(s: string): string {
  if (!s.includes('\\')) return s;
  return s.replace(/\\([\\nr])/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : '\\'));
}

/** Lines of a cell; trailing blank lines dropped. */
export function linesOf(cell: string): string[] {
  const lines = cell
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim());
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

// ---- 法定依据 + 依据层级 ------------------------------------------------------------------

/**
 * 《title》article：text, where the title may itself contain 《》 (《国务院实施《中华人民共和国
 * 民族区域自治法》若干规定》): the title ends at the 》 that closes the first 《.
 */
function splitCitation(line: string): { title: string; article: string; text: string } | null {
  if (!line.startsWith('《')) return null;
  let depth = 0;
  let end = -1;
  for (let i = 0; i < line.length && end < 0; i++) {
    if (line[i] === '《') depth++;
    else if (line[i] === '》' && --depth === 0) end = i;
  }
  if (end < 0) return null;
  const title = line.slice(1, end).trim();
  if (!title) return null;
  const rest = line.slice(end + 1);
  const colon = rest.search(/[：:]/);
  return colon < 0
    ? { title, article: rest, text: '' }
    : { title, article: rest.slice(0, colon), text: rest.slice(colon + 1) };
}
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export interface FormattedBases {
  bases: string;
  levels: string;
}

export function formatLegalBases(cites: readonly LegalBasisCitation[]): FormattedBases {
  const bases = cites.map((c) => `${c.documentName}${escapeItem(c.article)}：${escapeItem(c.text ?? '')}`);
  const levels = cites.map((c) => {
    let s: string = c.level;
    if (c.effectiveDate) s += `；施行日期${c.effectiveDate}`;
    if (c.expiryDate) s += `；有效期至${c.expiryDate}`;
    if (c.inferred) s += '；未核实';
    return s;
  });
  return { bases: bases.join('\n'), levels: levels.join('\n') };
}

/** A citation as written in the cells, before it is matched to the legal-document register. */
export interface WrittenCitation {
  documentName: string;
  article: string;
  text: string;
  /** from the 依据层级 line, when one was written */
  level?: LegalLevel;
  inferred?: true;
  effectiveDate?: string;
  expiryDate?: string;
}

/** Parse the two cells. Problems of the 法定依据 cell and of the 依据层级 cell come separately. */
export function parseLegalBases(
  basesCell: string,
  levelsCell: string,
): { value: WrittenCitation[]; errors: string[]; levelErrors: string[] } {
  const errors: string[] = [];
  const levelErrors: string[] = [];
  const lines = linesOf(basesCell).filter((l) => l !== '');
  const levelLines = linesOf(levelsCell);
  if (levelLines.length > lines.length) {
    levelErrors.push(`依据层级有${levelLines.length}行，多于法定依据的${lines.length}条；两列应逐行对应`);
  }
  const out: WrittenCitation[] = [];
  lines.forEach((line, i) => {
    const where = lines.length > 1 ? `第${i + 1}条依据` : '依据';
    const m = splitCitation(line);
    if (!m) {
      errors.push(
        `${where}格式不正确：“${line.slice(0, 30)}${line.length > 30 ? '…' : ''}”，应为“《文件名称》条款：条文”，如“《中华人民共和国食品安全法》第三十五条：……”`,
      );
      return;
    }
    const c: WrittenCitation = {
      documentName: `《${m.title}》`,
      article: unescapeItem(m.article.trim()),
      text: unescapeItem(m.text.trim()),
    };
    if (!c.article) errors.push(`${where}“${c.documentName}”未写明条款（如第三十五条）`);
    const levelLine = levelLines[i] ?? '';
    if (levelLine !== '') {
      const [level, ...extras] = levelLine.split(/[；;]/).map((t) => t.trim());
      if (!isLegalLevel(level))
        levelErrors.push(`依据层级第${i + 1}行“${level}”无效，应为${LEGAL_LEVELS.join('、')}之一`);
      else c.level = level;
      for (const t of extras) {
        let d: RegExpExecArray | null;
        if (t === '') continue;
        if (t === '未核实') c.inferred = true;
        else if ((d = /^施行日期(.+)$/.exec(t)) && isRealDate(d[1])) c.effectiveDate = d[1];
        else if ((d = /^有效期至(.+)$/.exec(t)) && isRealDate(d[1])) c.expiryDate = d[1];
        else
          levelErrors.push(
            `依据层级第${i + 1}行的“${t}”无法识别，可用“施行日期YYYY-MM-DD”“有效期至YYYY-MM-DD”“未核实”`,
          );
      }
    }
    out.push(c);
  });
  return { value: out, errors, levelErrors };
}

// ---- 责任事项 -------------------------------------------------------------------------------

const RESPONSIBILITY = /^(?:(\d{1,3})\s*[.．、]\s*)?([^：:]+?)\s*[：:](.*)$/;

export function formatResponsibilities(items: readonly ResponsibilityItem[]): string {
  return items.map((r) => `${r.order}.${escapeItem(r.name)}：${escapeItem(r.content ?? '')}`).join('\n');
}

/** Lines “序号.名称：内容”; a line without 序号 takes its position as the order. */
export function parseResponsibilities(cell: string): Parsed<ResponsibilityItem[]> {
  const errors: string[] = [];
  const out: ResponsibilityItem[] = [];
  const seen = new Set<number>();
  linesOf(cell)
    .filter((l) => l !== '')
    .forEach((line, i) => {
      const m = RESPONSIBILITY.exec(line);
      if (!m) {
        errors.push(
          `第${i + 1}项格式不正确：“${line.slice(0, 30)}${line.length > 30 ? '…' : ''}”，应为“序号.责任名称：内容”，如“1.受理责任：……”`,
        );
        return;
      }
      const order = m[1] === undefined ? i + 1 : Number(m[1]);
      if (seen.has(order)) errors.push(`序号${order}重复`);
      seen.add(order);
      out.push({ order, name: unescapeItem(m[2].trim()), content: unescapeItem(m[3].trim()) });
    });
  return errors.length ? { ok: false, errors } : { ok: true, value: out };
}

// ---- 追责情形 -------------------------------------------------------------------------------

export function formatCases(cases: readonly string[]): string {
  return cases.map(escapeItem).join('\n');
}

export function parseCases(cell: string): string[] {
  return linesOf(cell)
    .filter((l) => l !== '')
    .map(unescapeItem);
}
