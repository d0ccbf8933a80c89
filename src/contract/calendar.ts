// The working-day calendar (spec §5): the year overlays an administrator enters (previewed first,
// then confirmed), and the days and deadlines everyone reads. Imports only zod and src/contract.
import { z } from 'zod';
import { isCalendarDay, timestamp } from './wire.js';

const isoDate = (what: string) => z.string().refine(isCalendarDay, `${what}应为有效日期（YYYY-MM-DD）`);

// ---------------------------------------------------------------- requests

export const yearParam = z.object({
  year: z.coerce.number({ message: '年份应为数字' }).int().min(1900, '年份无效').max(9999, '年份无效'),
});
// Why the year is added, corrected or restored: kept with the overlay and in the audit trail.
const reason = z
  .string({ message: '请填写理由' })
  .trim()
  .min(4, '请填写理由（至少4个字）：为何录入、更正或撤销该年度节假日安排')
  .max(500, '理由不能超过500个字');
const confirmation = {
  reason,
  // false (the default): only show what would change; true: carry out the plan previewed
  confirm: z.boolean({ message: '请选择仅预览还是确认生效' }).default(false),
  previewDigest: z.string().max(128, '预览校验码无效').optional(),
};
export const overlayBody = z.object({
  holidays: z
    .array(z.string({ message: '放假日期应为日期' }), { message: '请填写放假日期列表' })
    .max(366, '放假日期过多'),
  makeupWorkdays: z
    .array(z.string({ message: '调休上班日期应为日期' }), { message: '请填写调休上班日期列表' })
    .max(366, '调休上班日期过多'),
  source: z
    .string({ message: '请填写依据（国务院办公厅通知文号或标题）' })
    .trim()
    .min(1, '请填写依据（国务院办公厅通知文号或标题）')
    .max(200, '依据不能超过200个字'),
  ...confirmation,
});
/** What the workspace sends (confirm and previewDigest may be left out: a preview). */
export type OverlayBody = z.input<typeof overlayBody>;
export const removalBody = z.object(confirmation);
export type RemovalBody = z.input<typeof removalBody>;

export const workdaysQuery = z.object({
  from: isoDate('起算日'),
  add: z.coerce.number({ message: '工作日数应为整数' }).int().min(-2500).max(2500, '工作日数过大'),
});
export const daysQuery = z.object({ from: isoDate('开始日期'), to: isoDate('结束日期') });

// ---------------------------------------------------------------- responses

export const yearRowSchema = z.object({
  year: z.number().int(),
  source: z.string(),
  /** shipped with the software (read-only) */
  shipped: z.boolean(),
  shippedSource: z.string().nullable(),
  /** an overlay entered by an administrator (a new year, or a correction of a shipped one) */
  entered: z.boolean(),
  reason: z.string().optional(),
  holidays: z.array(z.string()).optional(),
  makeupWorkdays: z.array(z.string()).optional(),
  enteredByName: z.string().optional(),
  enteredAt: timestamp.optional(),
});
export type YearRow = z.input<typeof yearRowSchema>;
export const yearsSchema = z.object({ years: z.array(yearRowSchema), canEdit: z.boolean() });

export const DAY_KINDS = ['workday', 'weekend', 'holiday', 'makeupWorkday'] as const;
export const dayInfoSchema = z.object({
  date: z.string(),
  workday: z.boolean(),
  kind: z.enum(DAY_KINDS),
  /** false when the year has no holiday data and Mon–Fri was assumed */
  known: z.boolean(),
  source: z.string().nullable(),
  /** a year without its notice: the statutory festival, and the notice that makes the day exact */
  festival: z.string().optional(),
  exactAfter: z.string().optional(),
});
export type DayInfo = z.infer<typeof dayInfoSchema>;
export const daysSchema = z.object({
  from: z.string(),
  to: z.string(),
  workdays: z.number().int(),
  days: z.array(dayInfoSchema),
});

export const workdaysSchema = z.object({
  from: z.string(),
  add: z.number().int(),
  date: z.string(),
  provisional: z.boolean(),
  /** a provisional result: the notices that would make it exact, and the rule it rests on meanwhile */
  exactAfter: z.array(z.string()),
  basis: z.string().nullable(),
  coveredYears: z.array(z.number().int()),
});

export const yearStateSchema = z.object({
  origin: z.enum(['shipped', 'overlay', 'none']),
  holidays: z.array(z.string()),
  makeupWorkdays: z.array(z.string()),
  source: z.string().nullable(),
  reason: z.string().nullable(),
  enteredAt: timestamp.nullable(),
});
export type YearState = z.input<typeof yearStateSchema>;

const dueDate = z.object({ date: z.string(), provisional: z.boolean() });
export const movedDeadlineSchema = z.object({
  adjustmentId: z.number().int(),
  title: z.string(),
  bodyName: z.string(),
  /** the step whose deadline moves; 'submit' is the filing deadline (§12) */
  step: z.string(),
  label: z.string(),
  citation: z.string(),
  from: dueDate,
  to: dueDate,
});
export type MovedDeadline = z.infer<typeof movedDeadlineSchema>;

/** What entering or removing a year would change (applied false), or did change (applied true). */
export const overlayPlanSchema = z.object({
  kind: z.enum(['set', 'remove']),
  year: z.number().int(),
  reason: z.string(),
  before: yearStateSchema,
  after: yearStateSchema,
  moved: z.array(movedDeadlineSchema),
  /** names this plan: confirming carries it out only while it is still the plan previewed */
  digest: z.string(),
  applied: z.boolean(),
  refreshedFilingDeadlines: z.number().int().optional(),
});
export type OverlayPlan = z.input<typeof overlayPlanSchema>;
