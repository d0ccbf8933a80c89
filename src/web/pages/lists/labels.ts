// Chinese words for the register's codes: power and draft statuses, legal levels, review steps,
// the §8 clauses and the 职权信息表 field names (for the version comparison).
import {
  DRAFT_STATUS_LABELS,
  DRAFT_STATUSES,
  LEGAL_LEVELS,
  POWER_STATUS_LABELS,
  POWER_STATUSES,
} from '../../../contract/register.ts';
import type { DraftReview, DraftStatus, PowerStatus } from './listApi.ts';

// the words are the contract's; the colours are this page's
const POWER_STATUS_COLOR: Record<PowerStatus, string> = {
  active: 'green',
  cancelled: 'default',
  delegated: 'blue',
  entrusted: 'cyan',
  merged: 'purple',
};
export const POWER_STATUS = Object.fromEntries(
  POWER_STATUSES.map((s) => [s, { label: POWER_STATUS_LABELS[s], color: POWER_STATUS_COLOR[s] }]),
) as Record<PowerStatus, { label: string; color: string }>;
export const POWER_STATUS_OPTIONS = (Object.keys(POWER_STATUS) as PowerStatus[]).map((value) => ({
  value,
  label: POWER_STATUS[value].label,
}));

const DRAFT_STATUS_COLOR: Record<DraftStatus, string> = {
  drafting: 'processing',
  submitted: 'orange',
  returned: 'red',
  reviewed: 'cyan',
  published: 'green',
  withdrawn: 'default',
};
export const DRAFT_STATUS = Object.fromEntries(
  DRAFT_STATUSES.map((s) => [s, { label: DRAFT_STATUS_LABELS[s], color: DRAFT_STATUS_COLOR[s] }]),
) as Record<DraftStatus, { label: string; color: string }>;
export const DRAFT_STATUS_OPTIONS = (Object.keys(DRAFT_STATUS) as DraftStatus[]).map((value) => ({
  value,
  label: DRAFT_STATUS[value].label,
}));

/** §7: the levels a 设定依据 may have, then the two only cited in reference data (the contract's list). */
export { LEGAL_LEVELS };
export const LEVEL_COLOR: Record<string, string> = {
  法律: 'red',
  行政法规: 'volcano',
  国务院决定: 'orange',
  地方性法规: 'gold',
  自治区政府规章: 'blue',
  市政府规章: 'geekblue',
  临时性行政许可: 'magenta',
};

export const REVIEW_STEP: Record<DraftReview['step'], string> = {
  submit: '报送',
  preliminaryReview: '初步审核（协调小组办公室）',
  legalityReview: '合法性审查（法制机构）',
  publish: '公布',
  withdraw: '撤回',
};
export const REVIEW_DECISION: Record<DraftReview['decision'], { label: string; color: string }> = {
  pass: { label: '通过', color: 'green' },
  return: { label: '退回', color: 'red' },
  done: { label: '完成', color: 'blue' },
};

export const CLAUSE_LABEL: Record<string, string> = {
  '§8.1': '第八条第1项 · 抽象管理职权',
  '§8.2': '第八条第2项 · 内部管理职权',
  '§8.3': '第八条第3项 · 共性职权',
};

export const SOURCE_LABEL: Record<string, string> = { compilation: '编制公布', adjustment: '动态调整' };

/** 职权信息表 field names (§6). */
export const FIELD_LABEL: Record<string, string> = {
  name: '行政职权名称',
  code: '权力编码',
  category: '权力类别',
  responsibleSubject: '责任主体',
  implementingAgency: '实施机构',
  legalBases: '法定依据',
  responsibilities: '责任事项',
  accountabilityCases: '追责情形',
  accountabilityBasis: '追责依据',
  remarks: '备注',
  status: '状态',
  predecessorCodes: '合并前编码',
  links: '下放（委托）关联',
};
const SUB_LABEL: Record<string, string> = {
  documentName: '文件名称',
  level: '效力层级',
  article: '条款',
  text: '条文内容',
  effectiveDate: '施行日期',
  expiryDate: '有效期至',
  inferred: '待核',
  name: '名称',
  content: '内容',
  order: '顺序',
};

/** legalBases[1].article → 法定依据 · 第2项 · 条款 */
export function pathLabel(path: string): string {
  const parts = path.match(/[^.[\]]+|\[\d+\]/g) ?? [path];
  return parts
    .map((p, i) => {
      const idx = /^\[(\d+)\]$/.exec(p);
      if (idx) return `第${Number(idx[1]) + 1}项`;
      return i === 0 ? (FIELD_LABEL[p] ?? p) : (SUB_LABEL[p] ?? p);
    })
    .join(' · ');
}

/** A field value as text: a citation or a responsibility item spelled out. */
export function valueText(v: unknown): string {
  if (v === undefined || v === null || v === '') return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(valueText).join('；');
  const o = v as Record<string, unknown>;
  if ('documentName' in o) return `${o.documentName ?? ''}${o.article ?? ''}${o.text ? `：${o.text}` : ''}`;
  if ('name' in o && 'content' in o) return `${o.name}${o.content ? `：${o.content}` : ''}`;
  return JSON.stringify(v);
}

/** The 主项's code for a 子项 code (…-00001-002 → …-00001-000), or null for a 主项. */
export const mainCodeOf = (code: string) =>
  /-\d{3}$/.test(code) && !code.endsWith('-000') ? code.replace(/-\d{3}$/, '-000') : null;
