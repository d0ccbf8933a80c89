// Performance assessment (§5, §16 ¶1; issue 12 item 3) and the office's dashboard (item 5):
// request and response schemas shared by the server's routes and the workspace.
import { z } from 'zod';
import { timestamp, type Wire } from './wire.js';

const year = z.coerce
  .number({ message: '请填写年度' })
  .int('年度应为整数')
  .min(2000, '年度不能早于2000年')
  .max(2100, '年度不能晚于2100年');
/** A level is named by its region: 150200 the city, 150203 a 旗县区 (with its 苏木乡镇·街道). */
const level = z.string({ message: '请选择层级' }).regex(/^\d{6}$/, '层级应为6位区划代码');

export const assessmentLevelQuery = z.object({ level, year });
export const assessmentBodyQuery = z.object({ year });
export const adjustScoreBody = z.object({
  year,
  score: z.number({ message: '请填写调整后的得分' }).min(0, '得分不能低于0').max(100, '得分不能高于100'),
  reason: z.string({ message: '请填写调整理由' }).trim().min(1, '调整得分必须说明理由').max(2000, '理由过长'),
});

export const assessmentTermSchema = z.object({
  fact: z.string(),
  label: z.string(),
  measure: z.enum(['rate', 'count']),
  weight: z.number(),
  cap: z.number(),
  article: z.string(),
  note: z.string().nullable(),
});
const factValue = z.union([
  z.object({ kind: z.literal('rate'), done: z.number(), of: z.number() }),
  z.object({ kind: z.literal('count'), n: z.number() }),
]);
const adjustmentSchema = z.object({ score: z.number(), reason: z.string(), by: z.string(), at: timestamp });

export const rankingRowSchema = z.object({
  rank: z.number(),
  bodyId: z.number(),
  bodyName: z.string(),
  regionName: z.string(),
  computed: z.number(),
  score: z.number(),
  /** each term's deduction, in the order of `terms` */
  deductions: z.array(z.number()),
  adjusted: adjustmentSchema.nullable(),
});
export const rankingSchema = z.object({
  level: z.object({ code: z.string(), name: z.string() }),
  year: z.number(),
  rulebookId: z.string(),
  base: z.number(),
  formula: z.string(),
  terms: z.array(assessmentTermSchema),
  rows: z.array(rankingRowSchema),
});
export type Ranking = Wire<typeof rankingSchema>;
/** The server's side of the same: a timestamp may still be a Date. */
export type RankingResult = z.output<typeof rankingSchema>;

export const drillDownSchema = z.object({
  bodyId: z.number(),
  bodyName: z.string(),
  year: z.number(),
  rulebookId: z.string(),
  base: z.number(),
  computed: z.number(),
  score: z.number(),
  terms: z.array(
    z.object({
      fact: z.string(),
      label: z.string(),
      article: z.string(),
      weight: z.number(),
      cap: z.number(),
      value: factValue,
      measure: z.number(),
      deduction: z.number(),
    }),
  ),
  adjustments: z.array(adjustmentSchema),
  canAdjust: z.boolean(),
});
export type DrillDown = Wire<typeof drillDownSchema>;

// The dashboard: every figure is a small table (rows of labelled counts), so each chart can show it.
export const dashboardQuery = z.object({ level, year, bodyId: z.coerce.number().int().positive().optional() });
const countRow = z.object({ key: z.string(), label: z.string(), n: z.number() });
export const dashboardSchema = z.object({
  level: z.object({ code: z.string(), name: z.string() }),
  year: z.number(),
  bodies: z.array(z.object({ id: z.number(), name: z.string() })),
  /** applications first filed, by month (1–12) and kind */
  applicationsByMonth: z.array(z.object({ month: z.number(), kind: z.string(), n: z.number() })),
  applicationsByBody: z.array(z.object({ bodyName: z.string(), n: z.number() })),
  stepOnTime: z.array(z.object({ step: z.string(), onTime: z.number(), total: z.number() })),
  openItems: z.array(countRow),
  consultations: z.array(countRow),
  complaints: z.array(countRow),
  supervision: z.array(countRow),
  scores: z.array(z.object({ bodyName: z.string(), score: z.number() })),
});
export type Dashboard = Wire<typeof dashboardSchema>;
