// Chinese words for the adjustment pages: statuses, kinds (colours), power fields, actions.
// Step and kind names themselves come from the rulebook (rulebook.ts).
import { STATUS_LABELS } from '../../../contract/adjustments.ts';
import { FIELD_LABEL } from '../../../contract/power-words.ts';
import { POWER_STATUS_LABELS as CONTRACT_POWER_STATUS_LABELS } from '../../../contract/register.ts';
import type {
  Action,
  AdjustmentKind,
  AdjustmentStatus,
  FieldChange,
  LegalBasis,
  Responsibility,
  StepId,
} from './model.ts';

export const STATUS_OPTIONS: { value: AdjustmentStatus; label: string; color: string }[] = [
  // §12: 待申报 while the filing deadline runs, 应申报未申报 after (the server's statusLabel says which)
  { value: 'due', label: '待申报 / 应申报未申报', color: 'orange' },
  { value: 'open', label: STATUS_LABELS.open, color: 'processing' },
  { value: 'done', label: STATUS_LABELS.done, color: 'success' },
  { value: 'withdrawn', label: STATUS_LABELS.withdrawn, color: 'default' },
  { value: 'rejected', label: STATUS_LABELS.rejected, color: 'error' },
];
export const statusColor = (s: AdjustmentStatus, label?: string) =>
  label === '应申报未申报' ? 'red' : (STATUS_OPTIONS.find((o) => o.value === s)?.color ?? 'default');

export const KIND_COLORS: Record<AdjustmentKind, string> = {
  add: 'green',
  cancel: 'red',
  delegate: 'purple',
  modify: 'blue',
  merge: 'cyan',
  split: 'geekblue',
  entrust: 'magenta',
  takeBack: 'orange',
};

/** 职权信息表 fields (§6): the contract's names; on an application a link reads 关联事项. */
export const FIELD_LABELS: Record<string, string> = { ...FIELD_LABEL, links: '关联事项', mergedFrom: '合并自' };

const LINK_WORDS: Record<string, string> = { delegatedTo: '已下放至', delegatedFrom: '下放自', entrustedTo: '已委托' };

export const POWER_STATUS_LABELS: Record<string, string> = CONTRACT_POWER_STATUS_LABELS;

const SUB_LABELS: Record<string, string> = {
  documentName: '文件名称',
  level: '效力层级',
  article: '条款',
  text: '条款内容',
  effectiveDate: '生效日期',
  expiryDate: '失效日期',
  order: '序号',
  name: '名称',
  content: '内容',
};

/** 'legalBases[1].article' → '法定依据 第2条·条款'. */
export function pathWords(c: FieldChange): string {
  const field = FIELD_LABELS[c.field] ?? c.field;
  const m = /^\w+(?:\[(\d+)\])?(?:\.(\w+))?/.exec(c.path);
  if (!m || !m[1]) return field;
  const unit = c.field === 'legalBases' ? '条' : '项';
  // a whole element inserted or removed (the server aligns equal elements first: diff.ts)
  const whole = m[2]
    ? `·${SUB_LABELS[m[2]] ?? m[2]}`
    : c.before === undefined
      ? '（新增）'
      : c.after === undefined
        ? '（删除）'
        : '';
  return `${field} 第${Number(m[1]) + 1}${unit}${whole}`;
}

export const basisText = (b: LegalBasis) =>
  `${b.documentName}${b.article ? ` ${b.article}` : ''}${b.level ? `（${b.level}）` : ''}${b.text ? `：${b.text}` : ''}`;
export const respText = (r: Responsibility) => `${r.order}. ${r.name}${r.content ? `：${r.content}` : ''}`;

/** Any value of a power field as one line of text. */
export function valueText(field: string, v: unknown): string {
  if (v === undefined || v === null || v === '') return '（空）';
  if (field === 'status' && typeof v === 'string') return POWER_STATUS_LABELS[v] ?? v;
  if (Array.isArray(v)) return v.length ? v.map((x) => valueText(field, x)).join('；') : '（无）';
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('documentName' in o) return basisText(o as unknown as LegalBasis);
    if ('order' in o && 'name' in o) return respText(o as unknown as Responsibility);
    // a link between a delegated power and its copy in the receiving body's list (§13.5)
    if ('direction' in o)
      return `${LINK_WORDS[String(o.direction)] ?? String(o.direction)}${o.code ? ` ${String(o.code)}` : ''}${o.adjustmentId ? `（调整申请第${String(o.adjustmentId)}号）` : ''}`;
    return Object.entries(o)
      .map(([k, x]) => `${SUB_LABELS[k] ?? k}：${String(x)}`)
      .join('，');
  }
  return String(v);
}

/** What a button says for an action on a step (the words of the procedure, not of the code). */
export function actionLabel(action: Action, step: StepId | null): string {
  if (action === 'return') return '退回修改';
  if (action === 'reject') return '不予批准';
  if (action === 'withdraw') return '撤回申请';
  if (action === 'revoke') return '撤销审定决定';
  if (action === 'start') return '开始起草';
  if (action === 'rebase') return '按最新公布版本更新';
  if (action === 'openConsultation') return '开始征求意见';
  if (action === 'edit') return '修改申请内容';
  const words: Partial<Record<StepId, string>> = {
    draft: '提交',
    submit: '审核通过并报送',
    preliminaryReview: '初步审核通过',
    legalityReview: '合法性审查通过',
    consultation: '结束征求意见',
    reportToGovernment: '报请审定',
    approval: '批准',
    publish: '公布',
    platformSync: '确认平台已同步',
    itemClaim: '确认已完成事项认领',
    guideConfig: '确认已完成办事指南要素配置',
    filing: '备案',
  };
  return (step && words[step]) || '办理完成';
}

/** History record actions in words. */
export const HISTORY_WORDS: Record<string, string> = {
  create: '创建申请',
  complete: '办理完成',
  return: '退回修改',
  reject: '不予批准',
  withdraw: '撤回申请',
  openConsultation: '发布公开征求意见',
  start: '开始起草',
  rebase: '按最新公布版本更新',
  revoke: '本级人民政府撤销审定决定',
  opened: '法律文件立改废，生成应调整事项',
};

export const fmtSize = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
