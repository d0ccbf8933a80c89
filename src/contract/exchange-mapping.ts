// Importing a body's own spreadsheet layout (issue 14 item 2): the column mapping the wizard
// proposes and the clerk corrects, what the server reads of a sheet to propose it, the preview
// of every row with its problems, and the mappings a body saves for its next file.
import { z } from 'zod';
import { importResultSchema } from './exchange.js';

/** What a column of the body's sheet becomes in the 职权信息表 (or that it is not imported). */
export const MAPPING_TARGETS = [
  'ignore',
  'serial',
  'category',
  'name',
  'subName',
  'code',
  'legalBases',
  'responsibilities',
  'responsibilityBasis',
  'accountabilityCases',
  'accountabilityBasis',
  'remarks',
  'responsibleSubject',
  'implementingAgency',
  'status',
] as const;
export type MappingTarget = (typeof MAPPING_TARGETS)[number];

export const MAPPING_TARGET_LABELS: Record<MappingTarget, string> = {
  ignore: '（不导入）',
  serial: '序号（不导入）',
  category: '权力类别',
  name: '行政职权名称（主项）',
  subName: '子项名称',
  code: '权力编码',
  legalBases: '法定依据',
  responsibilities: '责任事项',
  responsibilityBasis: '责任事项依据（并入追责依据）',
  accountabilityCases: '追责情形',
  accountabilityBasis: '追责依据',
  remarks: '备注',
  responsibleSubject: '责任主体',
  implementingAgency: '实施机构',
  status: '状态',
};

/** Targets several columns may share (their texts are joined line by line); the rest take one column. */
export const JOINABLE_TARGETS: readonly MappingTarget[] = [
  'ignore',
  'serial',
  'legalBases',
  'responsibilities',
  'responsibilityBasis',
  'accountabilityCases',
  'accountabilityBasis',
  'remarks',
];

export const mappingColumnSchema = z.object({
  /** 1 = column A */
  index: z.number().int().min(1).max(256),
  header: z.string().max(200),
  target: z.enum(MAPPING_TARGETS, { message: '列的对应项无效' }),
});

/** A mapping as proposed (it may lack a column the import needs: the clerk completes it). */
export const mappingShape = z.object({
  sheet: z.string().min(1, '请选择工作表').max(100),
  /** the Excel row of the column names; rows above it are titles and are skipped */
  headerRow: z.number().int().min(1).max(100),
  columns: z.array(mappingColumnSchema).min(1).max(256),
  /** values for columns the sheet does not have (e.g. 实施机构 = the body itself) */
  defaults: z
    .object({
      category: z.string().trim().max(20).optional(),
      responsibleSubject: z.string().trim().max(100).optional(),
      implementingAgency: z.string().trim().max(200).optional(),
    })
    .default({}),
});

/** A mapping an import can use. */
export const foreignMappingSchema = mappingShape.superRefine((m, ctx) => {
  const seen = new Map<MappingTarget, string>();
  for (const c of m.columns) {
    if (JOINABLE_TARGETS.includes(c.target)) continue;
    const before = seen.get(c.target);
    if (before !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['columns'],
        message: `“${MAPPING_TARGET_LABELS[c.target]}”只能对应一列（“${before}”和“${c.header}”都选了它）`,
      });
    seen.set(c.target, c.header);
  }
  if (!seen.has('name')) ctx.addIssue({ code: 'custom', path: ['columns'], message: '请指定哪一列是职权名称' });
  if (!m.columns.some((c) => c.target === 'legalBases'))
    ctx.addIssue({ code: 'custom', path: ['columns'], message: '请指定哪一列是法定依据（实施依据）' });
  if (!seen.has('category') && !m.defaults.category)
    ctx.addIssue({ code: 'custom', path: ['columns'], message: '请指定权力类别所在的列，或为全表指定一个权力类别' });
});
export type ForeignMapping = z.infer<typeof foreignMappingSchema>;

export const inspectQuery = z.object({ sheet: z.string().max(100).optional() });

/** What the server read of the sheet: its header row, a few values per column, and the proposed mapping. */
export const inspectResultSchema = z.object({
  sheets: z.array(z.string()),
  sheet: z.string(),
  /** the workbook is the platform's own template (职权信息表): use the ordinary import */
  isTemplate: z.boolean(),
  headerRow: z.number(),
  /** the rows above the header (the title), as read */
  titleRows: z.array(z.string()),
  columns: z.array(z.object({ index: z.number(), header: z.string(), samples: z.array(z.string()) })),
  mapping: mappingShape,
  /** the body's saved mapping of the same headers, when there is one (then `mapping` is it) */
  saved: z.object({ id: z.number(), name: z.string() }).nullable(),
});
export type InspectResult = z.infer<typeof inspectResultSchema>;

export const previewRowSchema = z.object({
  row: z.number(),
  kind: z.enum(['主项', '子项']),
  name: z.string(),
  category: z.string(),
  legalBases: z.string(),
  responsibilities: z.number(),
  accountabilityCases: z.number(),
  problems: z.array(z.string()),
});
export type PreviewRow = z.infer<typeof previewRowSchema>;

/** The dry run of a mapped import: the rows as they will be imported, every problem, the counts. */
export const previewResultSchema = z.object({
  rows: z.array(previewRowSchema),
  /** more rows than shown */
  truncated: z.boolean(),
  problems: z.array(z.object({ row: z.number().optional(), column: z.string().optional(), message: z.string() })),
  message: z.string().nullable(),
  reportUrl: z.string().nullable(),
  result: importResultSchema.nullable(),
});
export type PreviewResult = z.infer<typeof previewResultSchema>;

export const savedMappingSchema = z.object({
  id: z.number(),
  name: z.string(),
  headers: z.array(z.string()),
  mapping: foreignMappingSchema,
  updatedAt: z.string(),
});
export type SavedMapping = z.infer<typeof savedMappingSchema>;

export const saveMappingBody = z.object({
  name: z.string().trim().min(1, '请填写映射名称').max(60, '映射名称不超过60字'),
  mapping: foreignMappingSchema,
});
export const mappingParam = z.object({
  id: z.coerce.number().int().positive(),
  mappingId: z.coerce.number().int().positive(),
});
