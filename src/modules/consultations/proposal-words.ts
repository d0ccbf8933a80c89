// The proposed change in plain Chinese words for the public (§12 公开征求意见): each affected
// power with what happens to it, and for a modification the field-level difference between the
// power as published (base) and the proposed values, one sentence per field:
// 将“实施机构”由“…”修改为“…”. Pure: the caller passes the items and the rulebook.
import { contentJson, POWER_STATUS_LABELS, type Power, type PowerStatus } from '../../core/register/index.js';
import { categoryByCode, type AdjustmentKind, type Rulebook } from '../../core/rulebook/index.js';

/** One affected power of an application (adjustment_item): base as published, proposed values. */
export interface ProposalItem {
  targetCode: string | null;
  base: Partial<Power> | null;
  proposed: Partial<Power> | null;
}

export interface PlainChange {
  code: string | null;
  /** e.g. 修改行政职权“食品经营许可” */
  headline: string;
  /** one sentence per changed field, or the power's main facts for a new power */
  details: string[];
}

// The 职权信息表 fields in the order of §6, with the words the public reads.
const FIELDS: [keyof Power, string][] = [
  ['name', '行政职权名称'],
  ['category', '权力类别'],
  ['responsibleSubject', '责任主体'],
  ['implementingAgency', '实施机构'],
  ['legalBases', '法定依据'],
  ['responsibilities', '责任事项'],
  ['accountabilityCases', '追责情形'],
  ['accountabilityBasis', '追责依据'],
  ['remarks', '备注'],
  ['status', '状态'],
];

const quoted = (name: string) => (name.startsWith('《') ? name : `《${name}》`);

/** A field's value as text a citizen can read. */
export function fieldText(field: keyof Power, value: unknown, rb: Rulebook): string {
  if (value === null || value === undefined) return '';
  switch (field) {
    case 'category':
      return categoryByCode(rb, String(value))?.label ?? String(value);
    case 'status':
      return POWER_STATUS_LABELS[value as PowerStatus] ?? String(value);
    case 'legalBases':
      return (value as Power['legalBases'])
        .map((b) => `${quoted(b.documentName)}${b.article ?? ''}${b.text ? `：${b.text}` : ''}`)
        .join('；');
    case 'responsibilities':
      return (value as Power['responsibilities'])
        .map((r, i) => `${i + 1}. ${r.name}${r.content ? `：${r.content}` : ''}`)
        .join('；');
    case 'accountabilityCases':
      return (value as string[]).map((c, i) => `${i + 1}. ${c}`).join('；');
    default:
      return String(value).trim();
  }
}

/** One sentence per field that differs between base and proposed. */
export function fieldSentences(base: Partial<Power>, proposed: Partial<Power>, rb: Rulebook): string[] {
  const out: string[] = [];
  for (const [field, label] of FIELDS) {
    if (contentJson(base[field] ?? null) === contentJson(proposed[field] ?? null)) continue;
    const a = fieldText(field, base[field], rb);
    const b = fieldText(field, proposed[field], rb);
    if (a === b) continue;
    if (!a) out.push(`增加“${label}”：“${b}”`);
    else if (!b) out.push(`删除“${label}”（原为“${a}”）`);
    else out.push(`将“${label}”由“${a}”修改为“${b}”`);
  }
  return out;
}

const nameOf = (p: Partial<Power> | null, code: string | null) => p?.name ?? code ?? '（未命名事项）';

// What happens to a power the application takes off the body's list (no proposed values).
function removalHeadline(kind: AdjustmentKind, name: string, receiving: string | null): string {
  switch (kind) {
    case 'delegate':
      return `将行政职权“${name}”下放${receiving ? `至${receiving}` : ''}`;
    case 'entrust':
      return `将行政职权“${name}”委托${receiving ?? ''}行使`;
    case 'merge':
      return `行政职权“${name}”并入合并后的新事项，原事项不再单列`;
    case 'split':
      return `行政职权“${name}”分设为新的事项，原事项不再单列`;
    default:
      return `取消行政职权“${name}”`;
  }
}

const FRESH_HEADLINE: Partial<Record<AdjustmentKind, string>> = { merge: '合并设立行政职权', split: '分设子项' };

/**
 * The application's items in plain words (items as 0004 stores them: a published target with
 * its base, or a new power with proposed values only). `kind` decides what happens to a
 * target; `receivingBody` is the body a delegated or entrusted power goes to.
 */
export function describeProposal(
  kind: AdjustmentKind,
  items: readonly ProposalItem[],
  rb: Rulebook,
  receivingBody: string | null = null,
): PlainChange[] {
  const targets = items.filter((it) => it.targetCode).map((it) => it.targetCode!);
  return items.map((it) => {
    const code = it.targetCode ?? it.proposed?.code ?? null;
    if (!it.targetCode) {
      const p = it.proposed ?? {};
      const details = FIELDS.filter(([f]) => f !== 'name' && f !== 'status')
        .map(([f, label]) => [label, fieldText(f, p[f], rb)] as const)
        .filter(([, text]) => text)
        .map(([label, text]) => `${label}：${text}`);
      if ((kind === 'merge' || kind === 'split') && targets.length)
        details.push(`由原事项（编码 ${targets.join('、')}）${kind === 'split' ? '分设' : '合并'}而来`);
      return { code: null, headline: `${FRESH_HEADLINE[kind] ?? '增加行政职权'}“${nameOf(p, null)}”`, details };
    }
    const name = nameOf(it.base, code);
    const sentences = it.proposed
      ? fieldSentences(it.base ?? {}, it.proposed, rb).filter((x) => !x.startsWith('将“状态”'))
      : [];
    if (kind === 'modify' || (kind === 'split' && it.proposed)) {
      return { code, headline: `修改行政职权“${name}”`, details: sentences.length ? sentences : ['各要素内容不变'] };
    }
    return { code, headline: removalHeadline(kind, name, receivingBody), details: sentences };
  });
}
