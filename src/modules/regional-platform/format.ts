// The exchange format's words and the canonical text both sides are compared in (§13.1: 各平台与
// 实际情况一致). Our side's canonical text is built in SQL (reconcile.sql.ts) from the same rules,
// so what is written here and there must agree: 法定依据 as one line a citation
// `《文件》条款：条文`, a period as `20个工作日` / `30日`, labels for codes.
import { LEVEL_LABELS } from '../../contract/common.js';
import { POWER_STATUS_LABELS } from '../../contract/register.js';
import { TIME_UNIT_LABELS, type ExchangeItem, type TimeLimit } from '../../contract/regional-platform.js';
import { getRulebook } from '../../core/rulebook/index.js';

/** 事项类型: every category of every shipped rulebook (the 2025 one adds 行政备案). */
export const ITEM_TYPE_LABELS: Record<string, string> = Object.fromEntries(
  [...getRulebook('baotou-2023').categories, ...getRulebook('baotou-2025').categories].map((c) => [c.code, c.label]),
);
export const STATUS_LABELS: Record<string, string> = { ...POWER_STATUS_LABELS };
/** 行使层级 by region level (1 市, 2 旗县区, 3 苏木乡镇·街道). */
export const EXERCISE_LEVEL_LABELS: Record<string, string> = Object.fromEntries(
  Object.entries(LEVEL_LABELS).map(([k, v]) => [k, v]),
);

export const periodText = (t: TimeLimit | null | undefined): string =>
  t ? `${t.amount}${TIME_UNIT_LABELS[t.unit]}` : '';

/** `20个工作日`, `20工作日`, `30日`, `30天` → a period; '' → null; anything else → undefined (unreadable). */
export function parsePeriod(s: string): TimeLimit | null | undefined {
  const t = s.replace(/\s+/g, '');
  if (!t) return null;
  const m = /^(\d{1,4})(个)?(工作日|日|天|自然日)$/.exec(t);
  if (!m) return undefined;
  return { amount: Number(m[1]), unit: m[3] === '工作日' ? 'workday' : 'day' };
}

const bracketed = (name: string) => (name.startsWith('《') ? name : `《${name}》`);

export const basesText = (bases: ExchangeItem['legalBases']): string =>
  bases.map((b) => `${bracketed(b.document.trim())}${b.article.trim()}：${b.text.trim()}`).join('\n');

/** Where the leading 《…》 title ends (titles may nest 《》), or -1. */
function titleEnd(line: string): number {
  if (!line.startsWith('《')) return -1;
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '《') depth++;
    else if (line[i] === '》' && --depth === 0) return i;
  }
  return -1;
}

/** A 法定依据 cell of the xlsx layout → citations (one a line, `《文件》条款：条文`). */
export function parseBasesCell(cell: string): ExchangeItem['legalBases'] {
  return cell
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const close = titleEnd(line);
      const head = close >= 0 ? line.slice(0, close + 1) : '';
      const rest = close >= 0 ? line.slice(close + 1) : line;
      const colon = rest.search(/[：:]/);
      return {
        document: head || rest,
        article: head ? (colon >= 0 ? rest.slice(0, colon) : rest).trim() : '',
        text: head && colon >= 0 ? rest.slice(colon + 1).trim() : '',
      };
    });
}

/** One row of the other side as the staging table holds it: every compared field as canonical text. */
export interface StagedRow {
  row_no: number;
  code: string;
  basic_code: string;
  name: string;
  parent_code: string;
  item_type: string;
  exercise_level: string;
  region_code: string;
  agency_name: string;
  agency_credit_code: string;
  legal_bases: string;
  legal_time_limit: string;
  promised_time_limit: string;
  status: string;
}

export function stagedRow(rowNo: number, i: ExchangeItem): StagedRow {
  return {
    row_no: rowNo,
    code: i.implementationCode.trim(),
    basic_code: i.basicCode?.trim() ?? '',
    name: i.name.trim(),
    parent_code: i.parentCode?.trim() ?? '',
    item_type: i.itemType.trim(),
    exercise_level: i.exerciseLevel.trim(),
    region_code: i.regionCode.trim(),
    agency_name: i.agency.name.trim(),
    agency_credit_code: i.agency.creditCode?.trim() ?? '',
    legal_bases: basesText(i.legalBases),
    legal_time_limit: periodText(i.legalTimeLimit),
    promised_time_limit: periodText(i.promisedTimeLimit),
    status: i.status.trim(),
  };
}
