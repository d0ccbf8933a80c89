// The exchange with the 自治区事项管理平台 (regionalPlatform; §13.1, §13.5, spec §7): the exchange
// format's item (also published as JSON Schema, docs/exchange/regional-platform.schema.json, and as
// an xlsx layout, docs/REGIONAL-PLATFORM.md), the reconciliation report and the requests around it.
// Imports only zod and src/contract (architecture test).
import { z } from 'zod';

export const EXCHANGE_FORMAT = 'baotou-qz/regional-platform-list';
export const EXCHANGE_FORMAT_VERSION = '1.0';

/** 法定期限 / 承诺期限: working days (工作日) or calendar days (日), spec §5. */
export const TIME_UNITS = ['workday', 'day'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];
export const TIME_UNIT_LABELS: Record<TimeUnit, string> = { workday: '个工作日', day: '日' };

const text = (max: number) => z.string().max(max, `不能超过${max}个字符`);

export const timeLimitSchema = z.object({
  amount: z.number().int('期限须为整数').positive('期限须大于0').max(3650, '期限不能超过3650'),
  unit: z.enum(TIME_UNITS, { message: '期限单位须为 workday（工作日）或 day（日）' }),
});
export type TimeLimit = z.infer<typeof timeLimitSchema>;

export const exchangeBasisSchema = z.object({
  document: text(300).min(1, '请填写法定依据的文件名称'),
  level: text(30).optional(),
  article: text(100).default(''),
  text: text(20_000).default(''),
});

/** One item of the exchange format: a power as item platforms hold it. */
export const exchangeItemSchema = z.object({
  implementationCode: text(60).min(1, '请填写实施编码'),
  basicCode: text(60).nullish(),
  name: text(200).min(1, '请填写事项名称'),
  parentCode: text(60).nullish(),
  itemType: text(20).min(1, '请填写事项类型'),
  exerciseLevel: text(30).min(1, '请填写行使层级'),
  regionCode: z.string().regex(/^\d{6}(\d{3})?$/, '行政区划代码须为6位或9位数字'),
  agency: z.object({
    name: text(200).min(1, '请填写实施机构'),
    creditCode: text(18).nullish(),
  }),
  legalBases: z.array(exchangeBasisSchema).max(200, '法定依据不能超过200条').default([]),
  legalTimeLimit: timeLimitSchema.nullish(),
  promisedTimeLimit: timeLimitSchema.nullish(),
  status: text(10).min(1, '请填写状态'),
});
export type ExchangeItem = z.infer<typeof exchangeItemSchema>;

/** The xlsx layout: sheet 事项清单, header row 1, one item a row from row 2 (docs/REGIONAL-PLATFORM.md). */
export const EXCHANGE_SHEET = '事项清单';
export const EXCHANGE_COLUMNS = [
  ['implementationCode', '实施编码'],
  ['basicCode', '基本编码'],
  ['name', '事项名称'],
  ['parentCode', '主项编码'],
  ['itemType', '事项类型'],
  ['exerciseLevel', '行使层级'],
  ['regionCode', '行政区划代码'],
  ['agencyName', '实施机构'],
  ['agencyCreditCode', '实施机构统一社会信用代码'],
  ['legalBases', '法定依据'],
  ['legalTimeLimit', '法定期限'],
  ['promisedTimeLimit', '承诺期限'],
  ['status', '状态'],
] as const;
export type ExchangeColumn = (typeof EXCHANGE_COLUMNS)[number][0];

/** The fields a reconciliation compares, with the words the report shows. */
export const COMPARED_FIELDS = {
  name: '事项名称',
  parentCode: '主项编码',
  itemType: '事项类型',
  exerciseLevel: '行使层级',
  regionCode: '行政区划代码',
  agencyName: '实施机构',
  agencyCreditCode: '实施机构统一社会信用代码',
  legalBases: '法定依据',
  legalTimeLimit: '法定期限',
  promisedTimeLimit: '承诺期限',
  status: '状态',
} as const;
export type ComparedField = keyof typeof COMPARED_FIELDS;

export const DIFF_KINDS = ['missingThere', 'missingHere', 'field', 'status'] as const;
export type DiffKind = (typeof DIFF_KINDS)[number];
export const DIFF_KIND_LABELS: Record<DiffKind, string> = {
  missingThere: '自治区平台缺少',
  missingHere: '本平台缺少',
  field: '要素不一致',
  status: '状态不一致',
};

export const regionParam = z.object({ code: z.string().regex(/^\d{6}(\d{3})?$/, '区划代码须为6位或9位数字') });
export const exportQuery = z.object({
  version: z.coerce.number().int().positive('版本号须为正整数').optional(),
});
export const exportFormatParam = z.object({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  format: z.enum(['json', 'xlsx'], { message: '格式须为 json 或 xlsx' }),
});
export const regionExportParam = regionParam.extend({ format: exportFormatParam.shape.format });

export const diffSchema = z.object({
  bodyId: z.number().nullable(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(DIFF_KINDS),
  field: z.string().nullable(),
  ours: z.string().nullable(),
  theirs: z.string().nullable(),
});

export const reconciliationSummarySchema = z.object({
  id: z.number(),
  scope: z.enum(['body', 'level']),
  bodyId: z.number().nullable(),
  bodyName: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  fileName: z.string(),
  fileFormat: z.enum(['json', 'xlsx']),
  versions: z.record(z.string(), z.number()),
  ourCount: z.number(),
  theirCount: z.number(),
  diffCount: z.number(),
  createdAt: z.string(),
  createdBy: z.string(),
});

export const reconciliationBodySchema = z.object({
  bodyId: z.number().nullable(),
  bodyName: z.string(),
  counts: z.record(z.enum(DIFF_KINDS), z.number()),
  diffs: z.array(diffSchema),
  /** diffs beyond the page's share (the xlsx has them all) */
  more: z.number(),
});

export const reconciliationReportSchema = reconciliationSummarySchema.extend({
  bodies: z.array(reconciliationBodySchema),
});
export type ReconciliationReport = z.infer<typeof reconciliationReportSchema>;

export const reconciliationListQuery = z.object({
  bodyId: z.coerce.number().int().positive().optional(),
  region: regionParam.shape.code.optional(),
});
export const reconciliationListSchema = z.object({ items: z.array(reconciliationSummarySchema) });

export const attachReconciliationBody = z.object({
  reconciliationId: z.number({ message: '请选择对账记录' }).int().positive('请选择对账记录'),
});
export const platformSyncSchema = z.object({
  adjustmentId: z.number(),
  /** the reconciliations attached (a 下放 across levels may need one per level) */
  reconciliations: z.array(reconciliationSummarySchema.extend({ attachedAt: z.string() })),
  /** the codes the application changed, which the reconciliation must show present on the other side */
  codes: z.array(z.string()),
});

export const creditCodeBody = z.object({
  creditCode: z
    .string()
    .trim()
    .regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, '统一社会信用代码须为18位（不含I、O、S、V、Z）'),
});
export const timeLimitBody = z.object({
  legalTimeLimit: timeLimitSchema.nullable(),
  promisedTimeLimit: timeLimitSchema.nullable(),
});
export const powerCodeParam = z.object({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  code: z.string().min(1).max(60),
});
