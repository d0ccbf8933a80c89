// The dynamic adjustment procedure's contract (§9–§13): kinds, triggers, steps, statuses and
// actions with their Chinese words, the request schemas, and the response schemas of every
// adjustments route (application, list, attachments, batches, law changes, inbox). Step and kind
// names and their articles are rulebook data (GET /api/rulebooks/:id), not words kept here.
// Imports only zod and src/contract (architecture test); the workspace's types are `Wire<…>`.
import { z } from 'zod';
import { idParam } from './common.js';
import { nameText, optNameText } from './names.js';
import { LEGAL_LEVELS } from './register.js';
import { dayInput, editVersion, isCalendarDay } from './wire.js';

export const ADJUSTMENT_KINDS = [
  'add',
  'cancel',
  'delegate',
  'modify',
  'merge',
  'split',
  'entrust',
  'takeBack',
] as const;
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number];

export const TRIGGER_KINDS = [
  'lawIssued',
  'lawRevised',
  'lawRepealed',
  'higherDelegation',
  'higherCancellation',
  'dutyAdjustment',
  'mergeSplit',
  'other',
] as const;
export type TriggerKind = (typeof TRIGGER_KINDS)[number];

export const STEP_IDS = [
  'draft',
  'submit',
  'preliminaryReview',
  'legalityReview',
  'consultation',
  'reportToGovernment',
  'approval',
  'receivingConfirm',
  'publish',
  'platformSync',
  'itemClaim',
  'guideConfig',
  'filing',
] as const;
export type StepId = (typeof STEP_IDS)[number];

/** Workflow roles; `receiver` is the receiving body of a 下放 or 委托 (§13(五)), never granted. */
export const WORKFLOW_ROLES = ['clerk', 'leadUnit', 'coordinator', 'legalReviewer', 'approver', 'receiver'] as const;
export type WorkflowRole = (typeof WORKFLOW_ROLES)[number];

export const ADJUSTMENT_STATUSES = ['due', 'open', 'withdrawn', 'rejected', 'done'] as const;
export type AdjustmentStatus = (typeof ADJUSTMENT_STATUSES)[number];
export const STATUS_LABELS: Record<AdjustmentStatus, string> = {
  due: '应申报未申报',
  open: '办理中',
  withdrawn: '已撤回',
  rejected: '未予批准',
  done: '已办结',
};

/** Actions on one step of the procedure. */
export const STEP_ACTIONS = ['complete', 'return', 'reject', 'openConsultation'] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];
/** Actions on the application as a whole. */
export const APPLICATION_ACTIONS = ['start', 'edit', 'withdraw', 'rebase', 'revoke'] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];
export type Action = StepAction | ApplicationAction;
export const ACTIONS = [...STEP_ACTIONS, ...APPLICATION_ACTIONS] as const;

export const ACTION_LABELS: Record<Action, string> = {
  complete: '办理完成',
  return: '退回修改',
  reject: '不予批准',
  openConsultation: '发布征求意见',
  start: '开始起草',
  edit: '修改申请内容',
  withdraw: '撤回申请',
  rebase: '按最新公布版本更新',
  revoke: '撤销审定决定',
};

/** §13(五): what becomes of a delegated power the receiving body already lists. */
export const DUPLICATE_CHOICES = ['merge', 'replace', 'keepBoth'] as const;
export type DuplicateChoice = (typeof DUPLICATE_CHOICES)[number];
export const DUPLICATE_CHOICE_LABELS: Record<DuplicateChoice, string> = {
  merge: '并入承接部门现有事项',
  replace: '以下放事项替换现有事项内容',
  keepBoth: '两项并存（须说明理由）',
};

/** The fields an application may propose for a power (§13.1 拟调整内容: content only, never identity or status). */
export const PROPOSABLE_FIELDS = [
  'name',
  'category',
  'responsibleSubject',
  'implementingAgency',
  'legalBases',
  'responsibilities',
  'accountabilityCases',
  'accountabilityBasis',
  'remarks',
] as const;
export type ProposableField = (typeof PROPOSABLE_FIELDS)[number];

/** §10.1, §11.1: what happened to a law. */
export const LAW_CHANGE_KINDS = ['issued', 'revised', 'repealed'] as const;
export type LawChangeKind = (typeof LAW_CHANGE_KINDS)[number];

export const INBOX_KINDS = ['task', 'reminder', 'overdue', 'missing', 'notice'] as const;

// ---------------------------------------------------------------- requests

const text = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过${max}个字`);
const reqText = (label: string, max: number) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .max(max, `${label}不能超过${max}个字`);

export const reasonBody = z.object({
  reason: z
    .string({ message: '请填写理由' })
    .trim()
    .min(2, '请填写理由（至少2个字）')
    .max(2000, '理由不能超过2000个字'),
});

export const contentBody = z.object({
  title: text('标题', 100).min(2, '请填写标题（至少2个字）'),
  kind: z.enum(ADJUSTMENT_KINDS, {
    message:
      '调整类型须为：add 增加、cancel 取消、delegate 下放、modify 修改要素、merge 合并、split 分设、entrust 委托、takeBack 收回委托',
  }),
  triggerKind: z.enum(TRIGGER_KINDS, { message: '请选择调整事由' }),
  triggerDate: dayInput('事由发生日期'),
  reason: text('调整理由', 4000),
  legalBasis: text('调整依据', 4000),
  takeover: text('下级承接情况', 4000),
  specialNotes: text('需要特别说明的情况', 4000),
  receivingBodyId: z.number().int().positive().nullable(),
  batchId: z.number().int().positive().nullable(),
});
export const createBody = contentBody
  .partial({ reason: true, legalBasis: true, takeover: true, specialNotes: true, receivingBodyId: true, batchId: true })
  .extend({ bodyId: z.number().int().positive().optional() });
export const updateBody = contentBody.partial().extend({ version: editVersion });

export const listQuery = z.object({
  status: z.enum(ADJUSTMENT_STATUSES, { message: '状态无效' }).optional(),
  bodyId: z.coerce.number().int().positive().optional(),
  waiting: z.enum(['0', '1']).optional(),
});

export const legalBasisInput = z.object({
  documentId: z.union([z.number().int().positive(), z.string().max(100)]).optional(),
  documentName: nameText('法律文件名称', 200, 2),
  // §7: the register's record decides the level (registerCitations); a level sent is ignored.
  level: z.enum(LEGAL_LEVELS, { message: `效力层级须为：${LEGAL_LEVELS.join('、')}` }).optional(),
  article: reqText('条款', 100),
  text: reqText('条款内容', 4000),
});

/** Proposed values for one power: complete for a new power, the changed fields for a target. */
export const powerValuesInput = z
  .object({
    name: nameText('行政职权名称', 200, 2),
    category: z.string().regex(/^[A-Z]{2}$/, '权力类别应为两位大写字母代码（如 XK）'),
    responsibleSubject: nameText('责任主体', 100),
    implementingAgency: nameText('实施机构', 100),
    legalBases: z.array(legalBasisInput).max(50, '法定依据不能超过50条'),
    responsibilities: z
      .array(
        z.object({
          order: z.number().int().min(1).max(99),
          name: nameText('责任事项名称', 50),
          content: reqText('责任事项内容', 2000),
        }),
      )
      .max(30, '责任事项不能超过30项'),
    accountabilityCases: z.array(reqText('追责情形', 500).min(1, '追责情形不能为空')).max(50, '追责情形不能超过50项'),
    accountabilityBasis: reqText('追责依据', 2000),
    remarks: reqText('备注', 1000),
  })
  .partial();

export const itemInput = z.object({
  targetCode: z.string().trim().max(40, '权力编码过长').optional(),
  values: powerValuesInput.optional(),
});
export const itemsBody = z.object({
  items: z.array(itemInput).max(500, '一次申请最多调整500项职权'),
  version: editVersion,
});

/** §6 ¶2: one duty added, changed or removed by the application. */
export const dutyItemInput = z.object({
  op: z.enum(['add', 'change', 'remove'], { message: '职责调整方式须为：add 增加、change 修改、remove 删除' }),
  targetName: optNameText('职责名称', 200).optional(),
  name: optNameText('职责名称', 200).optional(),
  content: z.string().trim().max(4000, '职责内容不能超过4000个字').optional(),
});
export const dutiesBody = z.object({
  duties: z.array(dutyItemInput).max(200, '一次申请最多调整200项职责'),
  version: editVersion,
});

export const exclusionOverrideParams = idParam.extend({
  itemId: z.coerce.number().int().positive('事项编号无效').max(2_147_483_647),
});
export const exclusionOverrideBody = z.object({
  note: z
    .string({ message: '请填写复核说明' })
    .trim()
    .min(4, '复核说明至少4个字')
    .max(2000, '复核说明不能超过2000个字'),
});

export const duplicateParams = idParam.extend({
  ord: z.coerce.number().int().min(0, '事项序号无效').max(499, '事项序号无效'),
});
export const duplicateBody = z.object({
  choice: z.enum(DUPLICATE_CHOICES, {
    message: '处理方式须为：merge 并入现有事项、replace 替换现有事项内容、keepBoth 两项并存',
  }),
  reason: text('理由', 2000).optional(),
});

export const stepParams = idParam.extend({ step: z.enum(STEP_IDS, { message: '步骤不存在' }) });
export const completeBody = z.object({
  note: text('意见', 2000).optional(),
  normativeDocumentNumber: text('规范性文件文号', 100).optional(),
});
export const consultationBody = z.object({
  opensOn: dayInput('开始日期').optional(),
  closesOn: dayInput('截止日期'),
});

export const attachmentParams = idParam.extend({ fileId: z.coerce.number().int().positive().max(2_147_483_647) });
export const attachmentQuery = z.object({ filename: nameText('文件名', 300) });

const regionCode = z
  .string()
  .regex(/^\d{6,9}$/, '区划代码格式不正确')
  .optional();
export const batchBody = z.object({
  title: z.string().trim().min(2, '请填写批次名称').max(100, '批次名称不能超过100个字'),
  regionCode,
});

export const lawChangeBody = z.object({
  legalDocumentId: z.number({ message: '请选择法律文件' }).int().positive(),
  changeKind: z.enum(LAW_CHANGE_KINDS, {
    message: '变化类型须为 issued 颁布、revised 修订 或 repealed 废止',
  }),
  changeDate: z.string({ message: '请填写生效（废止）日期' }).refine(isCalendarDay, '日期应为有效日期（YYYY-MM-DD）'),
  note: z.string().trim().max(2000, '说明不能超过2000个字').optional(),
  regionCode,
  bodyIds: z
    .array(z.number().int().positive('机构编号无效'), { message: '请选择机构' })
    .max(200, '一次最多指定200个机构')
    .optional(),
});

export const inboxQuery = z.object({
  unread: z.enum(['0', '1'], { message: 'unread 应为 0 或 1' }).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
