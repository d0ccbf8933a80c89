// Delegation and entrustment (§13.2–§13.5): the prior assessment, the related bodies' answers,
// training and handover of a 下放 or 委托 application, with their Chinese labels. Shared by the
// server (src/modules/delegation) and the workspace (src/web/pages/delegation).
import { z } from 'zod';

const text = (label: string, max = 2000) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}个字`);
const isoDate = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 年-月-日，如 2026-12-01`);
const attachmentIds = z.array(z.number().int().positive()).max(20, '证明材料不能超过20个').default([]);

// §13.2 ¶1: 承接能力 (four aspects), 落实状态, 日常监管.
export const CAPACITY_ASPECTS = ['staff', 'qualifications', 'equipment', 'systems'] as const;
export type CapacityAspect = (typeof CAPACITY_ASPECTS)[number];
export const CAPACITY_LABELS: Record<CapacityAspect, string> = {
  staff: '承接能力：人员力量',
  qualifications: '承接能力：人员资质',
  equipment: '承接能力：设施设备',
  systems: '承接能力：信息系统',
};
export const ASSESSMENT_SECTIONS = [...CAPACITY_ASPECTS, 'implementation', 'supervision'] as const;
export type AssessmentSection = (typeof ASSESSMENT_SECTIONS)[number];
export const SECTION_LABELS: Record<AssessmentSection, string> = {
  ...CAPACITY_LABELS,
  implementation: '落实状态',
  supervision: '日常监管安排',
};

// §13.2 ¶1: 违反法律法规的不放、下放后存在政策风险的不放、基层接不住管不好的不放.
export const REFUSALS = ['unlawful', 'policyRisk', 'cannotCarry'] as const;
export type Refusal = (typeof REFUSALS)[number];
export const REFUSAL_LABELS: Record<Refusal, string> = {
  unlawful: '违反法律法规的不放',
  policyRisk: '下放后存在政策风险的不放',
  cannotCarry: '基层接不住管不好的不放',
};
export const REFUSAL_QUESTIONS: Record<Refusal, string> = {
  unlawful: '下放是否违反法律法规？',
  policyRisk: '下放后是否存在政策风险？',
  cannotCarry: '是否存在基层接不住、管不好的情形？',
};

export const sectionSchema = z.object({
  finding: text('评估情况'),
  assessor: text('评估人', 50),
  attachmentIds,
});
export type AssessmentSectionInput = z.infer<typeof sectionSchema>;

export const refusalAnswerSchema = z.object({
  answer: z.enum(['yes', 'no'], { message: '请回答“是”或“否”' }),
  reason: text('理由'),
});

export const assessmentInput = z.object({
  sections: z.object(
    Object.fromEntries(ASSESSMENT_SECTIONS.map((s) => [s, sectionSchema])) as Record<
      AssessmentSection,
      typeof sectionSchema
    >,
  ),
  refusals: z.object(
    Object.fromEntries(REFUSALS.map((r) => [r, refusalAnswerSchema])) as Record<Refusal, typeof refusalAnswerSchema>,
  ),
  assessedOn: isoDate('评估日期'),
  conclusion: text('评估结论'),
});
export type AssessmentInput = z.infer<typeof assessmentInput>;

const attachmentRef = z.object({ id: z.number(), filename: z.string() });
export const assessmentSchema = z.object({
  sections: z.record(
    z.enum(ASSESSMENT_SECTIONS),
    z.object({ finding: z.string(), assessor: z.string(), attachments: z.array(attachmentRef) }),
  ),
  refusals: z.record(z.enum(REFUSALS), z.object({ answer: z.enum(['yes', 'no']), reason: z.string() })),
  assessedOn: z.string(),
  conclusion: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  /** §13.2 ¶1: no refusal answered "yes" — the application may be submitted. */
  permitsSubmission: z.boolean(),
});
export type Assessment = z.infer<typeof assessmentSchema>;

// §13.2 ¶2: the related bodies' answers.
export const RELATED_ANSWERS = ['agree', 'conditional', 'disagree'] as const;
export type RelatedAnswer = (typeof RELATED_ANSWERS)[number];
export const RELATED_ANSWER_LABELS: Record<RelatedAnswer, string> = {
  agree: '同意',
  conditional: '有条件同意',
  disagree: '不同意',
};
export const relatedBodiesInput = z.object({
  bodyIds: z.array(z.number().int().positive()).min(1, '请选择关联部门').max(20, '关联部门不能超过20个'),
});
export const relatedAnswerInput = z.object({
  answer: z.enum(RELATED_ANSWERS, { message: '请选择同意、有条件同意或不同意' }),
  reason: z.string().trim().max(2000, '理由不能超过2000个字').default(''),
  /** §13.2 ¶2 同级审批: the related body's own approval of the matter moves down too. */
  ownApprovalMovesDown: z.boolean({ message: '请说明本部门相关审批权限是否同步下放' }),
});
export const waiveInput = z.object({ reason: text('免于等待的理由') });
export const relatedSchema = z.object({
  id: z.number(),
  bodyId: z.number(),
  bodyName: z.string(),
  askedOn: z.string(),
  dueOn: z.string(),
  dueCitation: z.string(),
  answer: z.enum(RELATED_ANSWERS).nullable(),
  reason: z.string().nullable(),
  ownApprovalMovesDown: z.boolean().nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
  waivedReason: z.string().nullable(),
  waivedBy: z.string().nullable(),
  /** The signed-in user may answer for this body now. */
  canAnswer: z.boolean(),
});
export type RelatedConsultation = z.infer<typeof relatedSchema>;

// §13.4: training before handover.
export const trainingInput = z.object({
  heldOn: isoDate('培训日期'),
  organiser: text('组织单位', 100),
  attendees: z.array(text('参训人员', 50)).min(1, '请填写承接部门参训人员').max(200, '参训人员不能超过200人'),
  topics: z.array(z.string().trim().min(1)).min(1, '请选择培训内容').max(20),
  materialAttachmentIds: attachmentIds,
});
export type TrainingInput = z.infer<typeof trainingInput>;
export const trainingSchema = z.object({
  id: z.number(),
  heldOn: z.string(),
  organiser: z.string(),
  attendees: z.array(z.string()),
  topics: z.array(z.string()),
  materials: z.array(attachmentRef),
  recordedBy: z.string(),
});
export const trainingNeedSchema = z.object({
  track: z.string(),
  label: z.string(),
  citation: z.string(),
  topics: z.array(z.string()),
  missing: z.array(z.string()),
});

// §13.5: the handover checklist.
export const HANDOVER_ITEMS = ['permissions', 'data', 'policyBasis', 'caseFiles'] as const;
export type HandoverItem = (typeof HANDOVER_ITEMS)[number];
export const HANDOVER_ITEM_LABELS: Record<HandoverItem, string> = {
  permissions: '办理权限',
  data: '信息数据',
  policyBasis: '政策依据',
  caseFiles: '办理卷宗',
};
/** The items handed over in a number (records, case files): the count is required. */
export const COUNTED_ITEMS: readonly HandoverItem[] = ['data', 'caseFiles'];
export const handoverPlanInput = z.object({ handoverOn: isoDate('移交时间结点') });
export const handItemInput = z.object({
  count: z.number().int('数量应为整数').min(0, '数量不能为负').max(10_000_000).nullable().default(null),
  note: z.string().trim().max(1000, '说明不能超过1000个字').default(''),
});
export const handoverItemSchema = z.object({
  item: z.enum(HANDOVER_ITEMS),
  label: z.string(),
  count: z.number().nullable(),
  note: z.string(),
  handedBy: z.string().nullable(),
  handedAt: z.string().nullable(),
  confirmedBy: z.string().nullable(),
  confirmedAt: z.string().nullable(),
});
export const handoverSchema = z.object({
  handoverOn: z.string(),
  items: z.array(handoverItemSchema),
  complete: z.boolean(),
  /** §13.5: until the date the delegating body stays responsible. */
  responsibleBodyName: z.string(),
  missed: z.boolean(),
});

// §13.5, §16: 明放暗不放 and a missed handover date are findings for the coordination office.
export const FINDING_KINDS = ['handoverMissed', 'disguisedRetention'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];
export const FINDING_LABELS: Record<FindingKind, string> = {
  handoverMissed: '未按时间结点完成权力移交',
  disguisedRetention: '疑似“明放暗不放”（变相保留已下放事项的审批）',
};
export const findingSchema = z.object({
  id: z.number(),
  kind: z.enum(FINDING_KINDS),
  label: z.string(),
  detail: z.string(),
  detectedAt: z.string(),
  sourceAdjustmentId: z.number().nullable(),
  /** §13.5: heard from a later application, exercise records or a complaint */
  source: z.enum(['application', 'exercise', 'complaint']),
});

// §13.3: 委托要有法律、法规、规章作为依据；行政处罚严格依法采用书面委托形式.
export const ENTRUSTMENT_BASIS_LEVELS = ['法律', '法规', '规章'] as const;
/** §13.3 具有管理公共事务职能的组织: an entrusted organisation outside the body register. */
export const organisationInput = z.object({
  name: z.string().trim().min(2, '请填写受委托组织名称').max(100, '受委托组织名称不能超过100个字'),
  // GB 32100: 18 characters, no I, O, Z, S, V
  creditCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(
      /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/,
      '统一社会信用代码应为18位（数字和大写字母，不含I、O、Z、S、V）',
    )
    // null: not known to the entrusting body yet (never made up)
    .nullable()
    .default(null),
  publicFunction: text('该组织管理公共事务的职能及其依据', 500),
});
export type OrganisationInput = z.infer<typeof organisationInput>;
export const entrustmentInput = z.object({
  basisLevel: z.enum(ENTRUSTMENT_BASIS_LEVELS, { message: '委托依据须为法律、法规或规章（第十三条第3项）' }),
  basisDocument: text('委托依据的法律文件名称', 200),
  basisArticle: text('条款', 100),
  instrumentAttachmentId: z.number().int().positive().nullable().default(null),
  /** null when the entrusted party is the body chosen on the application (受委托机构) */
  organisation: organisationInput.nullable().default(null),
});
export type EntrustmentInput = z.infer<typeof entrustmentInput>;

// §13.3 向社会公告，同时向本级协调小组办公室报备; 指导和监督.
export const SUPERVISION_KINDS = ['guidance', 'inspection'] as const;
export const SUPERVISION_KIND_LABELS: Record<(typeof SUPERVISION_KINDS)[number], string> = {
  guidance: '业务指导',
  inspection: '监督检查',
};
export const acknowledgeInput = z.object({ note: z.string().trim().max(500, '说明不能超过500个字').default('') });
export const supervisionInput = z.object({
  kind: z.enum(SUPERVISION_KINDS, { message: '请选择业务指导或监督检查' }),
  heldOn: isoDate('日期'),
  summary: text('指导或检查情况'),
  problems: z.string().trim().max(2000, '发现的问题不能超过2000个字').default(''),
});
export type SupervisionInput = z.infer<typeof supervisionInput>;
export const announcementSchema = z.object({
  partyName: z.string(),
  partyKind: z.enum(['body', 'organisation']),
  powers: z.array(z.object({ code: z.string(), name: z.string(), category: z.string() })),
  basis: z.string(),
  decision: z.string().nullable(),
  announcedOn: z.string(),
  /** 报备: acknowledged by the coordination office, or null while it waits */
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgementNote: z.string().nullable(),
});
export type Announcement = z.infer<typeof announcementSchema>;
export const supervisionSchema = z.object({
  id: z.number(),
  kind: z.enum(SUPERVISION_KINDS),
  label: z.string(),
  heldOn: z.string(),
  summary: z.string(),
  problems: z.string(),
  recordedBy: z.string(),
});
export const entrustmentSchema = z.object({
  basisLevel: z.enum(ENTRUSTMENT_BASIS_LEVELS),
  basisDocument: z.string(),
  basisArticle: z.string(),
  instrument: attachmentRef.nullable(),
  recordedBy: z.string(),
  organisation: z
    .object({ name: z.string(), creditCode: z.string().nullable(), publicFunction: z.string() })
    .nullable(),
  announcement: announcementSchema.nullable(),
  supervision: z.array(supervisionSchema),
});

export const delegationSchema = z.object({
  adjustmentId: z.number(),
  kind: z.enum(['delegate', 'entrust']),
  delegatingBodyName: z.string(),
  receivingBodyName: z.string().nullable(),
  assessment: assessmentSchema.nullable(),
  /** §13.3: a 委托's legal basis and written instrument (null for a 下放, or not yet recorded). */
  entrustment: entrustmentSchema.nullable(),
  related: z.array(relatedSchema),
  trainings: z.array(trainingSchema),
  trainingNeeds: z.array(trainingNeedSchema),
  handover: handoverSchema.nullable(),
  findings: z.array(findingSchema),
  /** What the signed-in user may do (the server checks every call again). */
  can: z.object({
    assess: z.boolean(),
    entrust: z.boolean(),
    nameRelated: z.boolean(),
    waive: z.boolean(),
    train: z.boolean(),
    hand: z.boolean(),
    confirm: z.boolean(),
    /** §13.3: publish the 委托公告 (and file it with the office) */
    announce: z.boolean(),
    acknowledge: z.boolean(),
    supervise: z.boolean(),
  }),
});
export type Delegation = z.infer<typeof delegationSchema>;

/** §13.2 ¶2: a related body's list of the requests addressed to it. */
export const relatedRequestSchema = z.object({
  id: z.number(),
  adjustmentId: z.number(),
  title: z.string(),
  kind: z.enum(['delegate', 'entrust']),
  delegatingBodyName: z.string(),
  bodyName: z.string(),
  dueOn: z.string(),
  answer: z.enum(RELATED_ANSWERS).nullable(),
  waived: z.boolean(),
});
export type RelatedRequest = z.infer<typeof relatedRequestSchema>;
export const handoverItemParam = z.object({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  item: z.enum(HANDOVER_ITEMS, { message: '移交事项应为办理权限、信息数据、政策依据或办理卷宗' }),
});
