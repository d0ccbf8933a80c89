// Supervision (§14 ¶2, §16, §17; issue 12 item 2): findings, rectification orders, 通报批评 and
// each body's 牵头机构 — request and response schemas, enums and their Chinese labels, shared by
// the server's routes and the workspace's pages.
import { z } from 'zod';
import { timestamp, type Wire } from './wire.js';

export const FINDING_KINDS = [
  'late',
  'delayed',
  'missing',
  'unauthorisedChange',
  'unlistedExercise',
  'disguisedRetention',
  'delegationObligation',
  'noLeadUnit',
] as const;
export const findingKindSchema = z.enum(FINDING_KINDS, { message: '请选择问题类型' });
export type FindingKind = z.infer<typeof findingKindSchema>;

/** Each kind with its words and the article that makes it a violation. */
export const FINDING_KIND_LABELS: Record<FindingKind, { label: string; article: string }> = {
  late: { label: '迟报（超过规定时限报送调整意见）', article: '第十四条第二款、第十六条第二款' },
  delayed: { label: '缓报（本部门办理环节逾期）', article: '第十四条第二款' },
  missing: { label: '漏报（应报未报）', article: '第十四条第二款、第十六条第二款' },
  unauthorisedChange: { label: '擅自增加行政职权或自行更改职权要素', article: '第十六条第二款' },
  unlistedExercise: { label: '超出权责清单行使权力', article: '第十四条、第十七条' },
  disguisedRetention: { label: '变相实施已取消、下放的行政职权', article: '第十六条第二款' },
  delegationObligation: { label: '下放、委托事项的移交承接责任未履行', article: '第十三条、第十七条' },
  noLeadUnit: { label: '未明确动态调整工作牵头机构', article: '第十四条第二款' },
};

/** Kinds the office records by hand (the sweep and the 牵头机构 check open the others too). */
export const OFFICE_FINDING_KINDS: readonly FindingKind[] = [
  'unauthorisedChange',
  'unlistedExercise',
  'disguisedRetention',
  'delegationObligation',
  'late',
  'missing',
];

export const FINDING_STATUSES = ['open', 'rectifying', 'rectified', 'escalated', 'dismissed'] as const;
export const findingStatusSchema = z.enum(FINDING_STATUSES);
export type FindingStatus = z.infer<typeof findingStatusSchema>;
export const FINDING_STATUS_LABELS: Record<FindingStatus, string> = {
  open: '待处理',
  rectifying: '整改中',
  rectified: '已整改',
  escalated: '整改不到位（通报批评）',
  dismissed: '已核销',
};

export const FINDING_SOURCES = ['sweep', 'office', 'feedback', 'exercise'] as const;
export const findingSourceSchema = z.enum(FINDING_SOURCES);
export type FindingSource = z.infer<typeof findingSourceSchema>;
export const FINDING_SOURCE_LABELS: Record<FindingSource, string> = {
  sweep: '期限巡查',
  office: '协调小组办公室',
  feedback: '投诉举报查实',
  exercise: '行使记录比对',
};

export const ORDER_STATUSES = ['issued', 'reported', 'accepted', 'rejected', 'missed'] as const;
export const orderStatusSchema = z.enum(ORDER_STATUSES);
export type OrderStatus = z.infer<typeof orderStatusSchema>;
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  issued: '待整改',
  reported: '已报送整改情况',
  accepted: '整改验收通过',
  rejected: '整改验收不通过',
  missed: '逾期未整改',
};

export const REPRIMAND_STATUSES = ['draft', 'approved', 'published'] as const;
export const reprimandStatusSchema = z.enum(REPRIMAND_STATUSES);
export type ReprimandStatus = z.infer<typeof reprimandStatusSchema>;
export const REPRIMAND_STATUS_LABELS: Record<ReprimandStatus, string> = {
  draft: '待审核',
  approved: '已审核待公布',
  published: '已公布',
};

const text = (what: string, max: number) =>
  z
    .string({ message: `请填写${what}` })
    .trim()
    .min(1, `请填写${what}`)
    .max(max, `${what}不能超过${max}个字`);
const positiveId = (what: string) =>
  z.coerce
    .number({ message: `${what}无效` })
    .int(`${what}无效`)
    .positive(`${what}无效`)
    .max(2_147_483_647);

// ---- requests ----

export const findingListQuery = z.object({
  status: findingStatusSchema.optional(),
  kind: findingKindSchema.optional(),
  bodyId: positiveId('机构编号').optional(),
});

export const openFindingBody = z.object({
  bodyId: positiveId('机构编号'),
  kind: findingKindSchema,
  description: text('问题描述', 2000),
  adjustmentId: positiveId('调整申请编号').optional(),
  powerCode: z.string().trim().max(64, '权力编码不能超过64个字符').optional(),
  factDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '发生日期应为 YYYY-MM-DD')
    .optional(),
});
export type OpenFindingBody = z.infer<typeof openFindingBody>;

export const dismissBody = z.object({ reason: text('核销理由', 1000) });
export const issueOrderBody = z.object({ requirement: text('整改要求', 2000) });
export const reportBody = z.object({ text: text('整改情况', 5000) });
export const decisionBody = z
  .object({
    decision: z.enum(['accept', 'reject'], { message: '请选择验收结论（通过或不通过）' }),
    note: z.string().trim().max(1000, '验收意见不能超过1000个字').default(''),
  })
  .refine((b) => b.decision === 'accept' || b.note.length > 0, {
    message: '整改验收不通过时须写明理由',
    path: ['note'],
  });
export const draftReprimandBody = z.object({ title: text('通报标题', 200), text: text('通报正文', 5000) });
export const leadUnitBody = z.object({
  unitName: text('牵头机构名称', 100),
  contactPerson: z.string().trim().max(50, '联系人不能超过50个字').optional(),
});
export const evidenceQuery = z.object({ filename: z.string().min(1, '请提供文件名').max(300, '文件名过长') });
export const bodyIdParam = z.object({ bodyId: positiveId('机构编号') });
export const evidenceParams = z.object({ id: positiveId('编号'), fileId: positiveId('附件编号') });

// ---- responses ----

export const evidenceSchema = z.object({
  id: z.number(),
  filename: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number(),
  sm3: z.string(),
});

export const orderSchema = z.object({
  id: z.number(),
  findingId: z.number(),
  findingKind: findingKindSchema,
  bodyId: z.number(),
  bodyName: z.string(),
  requirement: z.string(),
  dueOn: z.string(),
  dueProvisional: z.boolean(),
  dueCitation: z.string(),
  status: orderStatusSchema,
  issuedAt: timestamp,
  issuedByName: z.string(),
  reportText: z.string().nullable(),
  reportedAt: timestamp.nullable(),
  reportedByName: z.string().nullable(),
  decidedAt: timestamp.nullable(),
  decidedByName: z.string().nullable(),
  decisionNote: z.string().nullable(),
  evidence: z.array(evidenceSchema),
});
export type Order = z.infer<typeof orderSchema>;

export const reprimandSchema = z.object({
  id: z.number(),
  findingId: z.number(),
  bodyId: z.number(),
  bodyName: z.string(),
  title: z.string(),
  text: z.string(),
  status: reprimandStatusSchema,
  draftedAt: timestamp,
  draftedBy: z.number(),
  draftedByName: z.string(),
  approvedAt: timestamp.nullable(),
  approvedByName: z.string().nullable(),
  publishedAt: timestamp.nullable(),
});
export type Reprimand = z.infer<typeof reprimandSchema>;

export const findingSchema = z.object({
  id: z.number(),
  bodyId: z.number(),
  bodyName: z.string(),
  regionName: z.string(),
  kind: findingKindSchema,
  source: findingSourceSchema,
  adjustmentId: z.number().nullable(),
  feedbackId: z.number().nullable(),
  powerCode: z.string().nullable(),
  description: z.string(),
  factDate: z.string().nullable(),
  status: findingStatusSchema,
  openedAt: timestamp,
  openedByName: z.string().nullable(),
  closedAt: timestamp.nullable(),
  closeReason: z.string().nullable(),
});
export type Finding = z.infer<typeof findingSchema>;

/** What the signed-in user may do next on a finding (the server checks every call again). */
export const findingActionsSchema = z.object({
  issueOrder: z.boolean(),
  dismiss: z.boolean(),
  decide: z.boolean(),
  report: z.boolean(),
  draftReprimand: z.boolean(),
  approveReprimand: z.boolean(),
  publishReprimand: z.boolean(),
});

export const findingDetailSchema = findingSchema.extend({
  orders: z.array(orderSchema),
  reprimand: reprimandSchema.nullable(),
  can: findingActionsSchema,
});
export type FindingDetail = z.infer<typeof findingDetailSchema>;

export const findingListSchema = z.object({ items: z.array(findingSchema) });
export const orderListSchema = z.object({ items: z.array(orderSchema) });
export const reprimandListSchema = z.object({ items: z.array(reprimandSchema) });

export const leadUnitSchema = z.object({
  bodyId: z.number(),
  bodyName: z.string(),
  regionName: z.string(),
  unitName: z.string().nullable(),
  contactPerson: z.string().nullable(),
  designatedAt: timestamp.nullable(),
  /** the actor is the office of this body's level (may open findings, run the check) */
  supervisable: z.boolean(),
  /** the actor is this body's clerk or lead unit (may name its 牵头机构) */
  own: z.boolean(),
});
export const leadUnitListSchema = z.object({ items: z.array(leadUnitSchema) });
export const leadUnitCheckSchema = z.object({ checked: z.number(), opened: z.number() });

/** A downloaded file: the bytes themselves (the serializer is not used for them). */
export const fileSchema = z.any().describe('application/octet-stream');
export const orderListQuery = z.object({ status: orderStatusSchema.optional() });

// What the workspace reads (the wire form: instants as ISO strings).
export type FindingView = Wire<typeof findingSchema>;
export type FindingDetailView = Wire<typeof findingDetailSchema>;
export type OrderView = Wire<typeof orderSchema>;
export type ReprimandView = Wire<typeof reprimandSchema>;
export type LeadUnitView = Wire<typeof leadUnitSchema>;
export type EvidenceView = Wire<typeof evidenceSchema>;
