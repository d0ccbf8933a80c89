// The yearly report (§12 annual statistics) of a level: the same numbers as a Word document and
// as a workbook. The responses are the files themselves.
import { z } from 'zod';

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
