// §15 ¶1–2: opinions and suggestions (意见建议), complaints (投诉) and reports (举报) from the
// public — kinds, channels, statuses, outcomes with their Chinese labels, and the workspace API's
// request and response schemas (src/modules/feedback, src/web/pages/feedback).
import { z } from 'zod';
import { OFFICE_FINDING_KINDS } from './supervision.js';

export const FEEDBACK_KINDS = ['suggestion', 'complaint', 'report'] as const;
export const feedbackKindSchema = z.enum(FEEDBACK_KINDS, { message: '类别须为：意见建议、投诉或举报' });
export type FeedbackKind = z.infer<typeof feedbackKindSchema>;
export const FEEDBACK_KIND_LABELS: Record<FeedbackKind, string> = {
  suggestion: '意见建议',
  complaint: '投诉',
  report: '举报',
};

// §15 ¶2: 政务大厅现场、网络、电话、邮箱 (a letter by post is recorded like the hall)
export const FEEDBACK_CHANNELS = ['web', 'hall', 'phone', 'letter', 'email'] as const;
export const feedbackChannelSchema = z.enum(FEEDBACK_CHANNELS);
export type FeedbackChannel = z.infer<typeof feedbackChannelSchema>;
export const FEEDBACK_CHANNEL_LABELS: Record<FeedbackChannel, string> = {
  web: '网站',
  hall: '政务大厅现场',
  phone: '电话',
  letter: '信件',
  email: '电子邮箱',
};
/** What staff record by hand: everything but the web form. */
export const INTAKE_CHANNELS = ['hall', 'phone', 'letter', 'email'] as const;

export const FEEDBACK_STATUSES = ['moderation', 'open', 'assigned', 'answered', 'merged', 'rejected'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];
export const FEEDBACK_STATUS_LABELS: Record<FeedbackStatus, string> = {
  moderation: '待审核',
  open: '待分办',
  assigned: '办理中',
  answered: '已答复',
  merged: '已合并办理',
  rejected: '不予受理',
};

export const FEEDBACK_OUTCOMES = [
  'adopted',
  'partlyAdopted',
  'notAdopted',
  'substantiated',
  'partlySubstantiated',
  'unsubstantiated',
] as const;
export type FeedbackOutcome = (typeof FEEDBACK_OUTCOMES)[number];
export const FEEDBACK_OUTCOME_LABELS: Record<FeedbackOutcome, string> = {
  adopted: '采纳',
  partlyAdopted: '部分采纳',
  notAdopted: '不予采纳',
  substantiated: '查实',
  partlySubstantiated: '部分属实',
  unsubstantiated: '不属实',
};
/** §15 ¶2 吸收采纳合理内容 for an opinion; a complaint or report is verified (查实 or not). */
export const OUTCOMES_BY_KIND: Record<FeedbackKind, readonly FeedbackOutcome[]> = {
  suggestion: ['adopted', 'partlyAdopted', 'notAdopted'],
  complaint: ['substantiated', 'partlySubstantiated', 'unsubstantiated'],
  report: ['substantiated', 'partlySubstantiated', 'unsubstantiated'],
};

export const ROUTED_LABELS = { office: '协调小组办公室', body: '职权行使机构' } as const;

export const FEEDBACK_LIMITS = {
  contentMin: 10,
  contentMax: 3000,
  nameMax: 30,
  contactMax: 100,
  files: 3,
  fileBytes: 5 * 1024 * 1024,
  /** per client address per hour, web only */
  perAddressPerHour: 5,
  tokenMinutes: 240,
} as const;

const text = (label: string, min: number, max: number) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(min, `${label}至少${min}个字`)
    .max(max, `${label}不能超过${max}个字`);
const id = z.number({ message: '编号应为数字' }).int().positive().max(2_147_483_647);

// ---- requests ----

export const intakeInput = z.object({
  channel: z.enum(INTAKE_CHANNELS, { message: '来源须为：政务大厅现场、电话、信件或电子邮箱' }),
  kind: feedbackKindSchema,
  bodyId: id,
  powerCode: z.string().trim().max(40, '权力编码过长').optional(),
  content: text('内容', FEEDBACK_LIMITS.contentMin, FEEDBACK_LIMITS.contentMax),
  contactName: z.string().trim().max(FEEDBACK_LIMITS.nameMax, `姓名不能超过${FEEDBACK_LIMITS.nameMax}个字`).optional(),
  contact: z
    .string()
    .trim()
    .max(FEEDBACK_LIMITS.contactMax, `联系方式不能超过${FEEDBACK_LIMITS.contactMax}个字`)
    .optional(),
});
export type IntakeInput = z.infer<typeof intakeInput>;

export const moderateInput = z.object({
  decision: z.enum(['accept', 'reject'], { message: '审核结论须为：受理或不予受理' }),
  reason: z.string().trim().max(500, '理由不能超过500个字').optional(),
});
export const assignInput = z.object({ handlerId: id });
export const answerInput = z.object({
  outcome: z.enum(FEEDBACK_OUTCOMES, { message: '请选择办理结果' }),
  reasoning: text('研究论证情况', 10, 5000),
  answer: text('书面答复', 10, 5000),
  /** §16 ¶2: a complaint or report found true names the violation; it opens a supervision finding */
  findingKind: z.enum(OFFICE_FINDING_KINDS as [string, ...string[]], { message: '请选择查实的问题类型' }).optional(),
});
export const mergeInput = z.object({
  intoId: id,
  reason: text('合并理由', 2, 500),
});
export const openAdjustmentInput = z.object({
  // a 下放 or 委托 needs its receiving body chosen: started from the adjustments page instead
  kind: z.enum(['modify', 'cancel'], { message: '调整类型须为：修改要素或取消' }),
});
export const feedbackListQuery = z.object({
  status: z.enum(FEEDBACK_STATUSES).optional(),
  kind: feedbackKindSchema.optional(),
});

// ---- responses ----

export const feedbackListItem = z.object({
  id: z.number(),
  receiptCode: z.string(),
  kind: feedbackKindSchema,
  channel: feedbackChannelSchema,
  status: z.enum(FEEDBACK_STATUSES),
  bodyId: z.number(),
  bodyName: z.string(),
  powerCode: z.string().nullable(),
  powerName: z.string().nullable(),
  routedTo: z.enum(['office', 'body']),
  officeName: z.string(),
  excerpt: z.string(),
  receivedAt: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  handlerName: z.string().nullable(),
  outcome: z.enum(FEEDBACK_OUTCOMES).nullable(),
});
export type FeedbackListItem = z.infer<typeof feedbackListItem>;

export const feedbackDetail = feedbackListItem.extend({
  content: z.string(),
  handlerId: z.number().nullable(),
  contactMasked: z.string().nullable(),
  dueCitation: z.string(),
  answer: z.string().nullable(),
  reasoning: z.string().nullable(),
  answeredAt: z.string().nullable(),
  mergedInto: z.object({ id: z.number(), receiptCode: z.string() }).nullable(),
  merged: z.array(z.object({ id: z.number(), receiptCode: z.string() })),
  decisionReason: z.string().nullable(),
  adjustmentId: z.number().nullable(),
  /** §16 ¶2: the supervision finding a complaint found true opened */
  findingId: z.number().nullable(),
  attachments: z.array(z.object({ id: z.number(), filename: z.string(), size: z.number() })),
  handlers: z.array(z.object({ id: z.number(), name: z.string() })),
  outcomes: z.array(z.enum(FEEDBACK_OUTCOMES)),
  can: z.object({
    moderate: z.boolean(),
    assign: z.boolean(),
    answer: z.boolean(),
    merge: z.boolean(),
    readContact: z.boolean(),
    openAdjustment: z.boolean(),
  }),
});
export type FeedbackDetail = z.infer<typeof feedbackDetail>;

export const feedbackContact = z.object({ name: z.string().nullable(), contact: z.string().nullable() });
export const feedbackCreated = z.object({ id: z.number(), receiptCode: z.string() });
export const adjustmentOpened = z.object({ adjustmentId: z.number() });
export type FeedbackListQuery = z.infer<typeof feedbackListQuery>;
