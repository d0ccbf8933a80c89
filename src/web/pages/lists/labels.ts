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

// field names, change paths, values as text and version sources are the contract's words (the portal's too)
export { FIELD_LABEL, pathLabel, SOURCE_LABEL, valueText } from '../../../contract/power-words.ts';

/** The 主项's code for a 子项 code (…-00001-002 → …-00001-000), or null for a 主项. */
export const mainCodeOf = (code: string) =>
  /-\d{3}$/.test(code) && !code.endsWith('-000') ? code.replace(/-\d{3}$/, '-000') : null;
