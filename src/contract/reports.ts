// The yearly report (§12 annual statistics) of a level: the same numbers as a Word document and
// as a workbook (the files themselves), and its preview as JSON.
import { z } from 'zod';
import { ADJUSTMENT_KINDS } from './adjustments.js';
import { DISPOSITIONS } from './consultations.js';

export const REPORT_FORMATS = ['docx', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const REPORT_MIME: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const yearlyReportQuery = z.object({
  region: z
    .string()
    .regex(/^\d{6}(\d{3})?$/, '区划代码应为6位或9位数字')
    .optional(),
  year: z.coerce
    .number({ message: '请填写年度' })
    .int('年度应为整数')
    .min(2000, '年度不能早于2000年')
    .max(2100, '年度不能晚于2100年'),
});
export type YearlyReportQuery = z.infer<typeof yearlyReportQuery>;

/** A report download: the body is the file itself (Content-Disposition names it). */
export const reportFileSchema = (format: ReportFormat) =>
  z.string().describe(`${REPORT_MIME[format]} (a file, not JSON)`);

const cell = z.union([z.string(), z.number()]);
/** GET /api/reports/yearly: the report the files are made from, section by section, and its headline counts. */
export const yearlyReportSchema = z.object({
  title: z.string(),
  /** the issuing office and the date, e.g. 包头市推进政府职能转变和“放管服”改革协调小组办公室 · 2027年1月5日 */
  issuer: z.string(),
  date: z.string(),
  sections: z.array(
    z.object({
      heading: z.string(),
      paragraphs: z.array(z.string()),
      table: z
        .object({
          sheet: z.string(),
          columns: z.array(z.string()),
          rows: z.array(z.array(cell)),
          total: z.array(cell).optional(),
        })
        .optional(),
    }),
  ),
  totals: z.object({
    applications: z.number(),
    byKind: z.record(z.enum(ADJUSTMENT_KINDS), z.number()),
    late: z.number(),
    missing: z.number(),
    stepActs: z.number(),
    stepOnTime: z.number(),
    consultations: z.number(),
    comments: z.number(),
    hidden: z.number(),
    dispositions: z.record(z.enum(DISPOSITIONS), z.number()),
    undisposed: z.number(),
  }),
});
