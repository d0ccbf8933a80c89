// The Excel exchange's routes (src/modules/exchange/README.md): the import template, importing
// a 职权信息表 into a body's draft, the error report, and the .xlsx exports. Requests and
// responses; the files themselves are declared as what they are (an .xlsx body, not JSON).
import { z } from 'zod';
import { errorSchema } from './common.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A workbook download: the body is the .xlsx file itself (Content-Disposition names it). */
export const xlsxFileSchema = z.string().describe(`${XLSX_MIME} (a file, not JSON)`);
/** 304 on If-None-Match with the version's ETag: no body. */
export const notModifiedSchema = z.null().describe('304 Not Modified');

export const IMPORT_MODES = ['replace', 'merge'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];
export const IMPORT_MODE_LABELS: Record<ImportMode, string> = { replace: '覆盖导入', merge: '合并导入' };

export const importQuery = z.object({
  mode: z.enum(IMPORT_MODES, { message: '导入方式须为 replace（覆盖导入）或 merge（合并导入）' }).default('replace'),
  dryRun: z.enum(['true', 'false', '1', '0'], { message: 'dryRun 须为 true 或 false' }).optional(),
});
export const versionQuery = z.object({
  version: z.coerce
    .number({ message: '版本号须为正整数' })
    .int('版本号须为正整数')
    .positive('版本号须为正整数')
    .max(1_000_000)
    .optional(),
});
export const regionParam = z.object({ code: z.string().regex(/^\d{6}(\d{3})?$/, '区划代码应为6位或9位数字') });
export const reportParam = z.object({ reportId: z.string().uuid('错误报告编号格式不正确') });

/** 200 of an import (or of its dry run: the same counts, nothing written). */
export const importResultSchema = z.object({
  draftId: z.number(),
  draftCreated: z.boolean(),
  mode: z.enum(IMPORT_MODES),
  dryRun: z.boolean(),
  /** power rows in the file */
  rows: z.number(),
  inserted: z.number(),
  updated: z.number(),
  /** draft powers replaced away (replace mode) */
  removed: z.number(),
  issuedCodes: z.number(),
  /** rows the §8 exclusion screening flagged */
  flagged: z.number(),
  draftPowerCount: z.number(),
  /** what the import changed in the draft, power by power */
  changes: z.object({ added: z.number(), modified: z.number(), removed: z.number(), unchanged: z.number() }),
  /** nothing changed (e.g. an exported draft imported again unchanged): nothing was written */
  noChange: z.boolean(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/** 422 IMPORT_INVALID: every problem by row and column, and where to fetch them as a workbook. */
export const importRefusedSchema = z.object({
  error: errorSchema.shape.error.extend({ reportId: z.string(), reportUrl: z.string() }),
});

/** The refusals of an upload before or while it is read (README “Refusals”). */
export const uploadErrorResponses = {
  400: errorSchema,
  401: errorSchema,
  404: errorSchema,
  409: errorSchema,
  413: errorSchema,
  415: errorSchema,
  422: importRefusedSchema,
} as const;
