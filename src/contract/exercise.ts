// Exercise records (行使记录, §14 ¶1, §16 ¶2, §17; issue 12 item 4): case and 办件 records of the
// 政务服务 and 执法 systems, imported by file or by a sending system's JSON request, matched against
// the list in force on their date — request and response schemas, the flags and their labels.
import { z } from 'zod';
import { errorSchema } from './common.js';
import { dayInput, timestamp } from './wire.js';

export const EXERCISE_FLAGS = ['notInList', 'retired', 'wrongBody'] as const;
export const exerciseFlagSchema = z.enum(EXERCISE_FLAGS, { message: '请选择比对结果' });
export type ExerciseFlag = z.infer<typeof exerciseFlagSchema>;

/** Each flag with its words, the article it offends and the finding kind it opens. */
export const EXERCISE_FLAG_LABELS: Record<
  ExerciseFlag,
  { label: string; article: string; finding: 'unlistedExercise' | 'disguisedRetention' }
> = {
  notInList: {
    label: '清单外行使（本机构当日清单无此职权）',
    article: '第十四条、第十七条',
    finding: 'unlistedExercise',
  },
  retired: {
    label: '变相实施（职权已取消、下放或合并）',
    article: '第十六条第二款',
    finding: 'disguisedRetention',
  },
  wrongBody: { label: '非清单所列机构行使（职权在他机构清单）', article: '第十七条', finding: 'unlistedExercise' },
};

export const EXERCISE_CHANNELS = ['xlsx', 'csv', 'api'] as const;
export type ExerciseChannel = (typeof EXERCISE_CHANNELS)[number];
export const EXERCISE_CHANNEL_LABELS: Record<ExerciseChannel, string> = {
  xlsx: 'Excel 文件',
  csv: 'CSV 文件',
  api: '系统接口',
};

/** The columns of a file, in order (the first row of the sheet 行使记录 or of the CSV). */
export const EXERCISE_COLUMNS = [
  { key: 'caseRef', header: '办件编号' },
  { key: 'bodyName', header: '实施机构' },
  { key: 'powerCode', header: '权力编码' },
  { key: 'powerName', header: '行政职权名称' },
  { key: 'exercisedOn', header: '办理日期' },
  { key: 'outcome', header: '办理结果' },
] as const;
export const EXERCISE_SHEET = '行使记录';
/** at most this many records per import (a larger set is split by the sending system) */
export const MAX_EXERCISE_RECORDS = 200_000;

const opt = (what: string, max: number) =>
  z
    .string({ message: `${what}应为文字` })
    .trim()
    .max(max, `${what}不能超过${max}个字`)
    .optional()
    .transform((s) => (s ? s : undefined));

/** One record as a sending system sends it (and as a file's row is read). */
export const exerciseRecordInput = z
  .object({
    caseRef: opt('办件编号', 64),
    bodyName: z
      .string({ message: '请填写实施机构' })
      .trim()
      .min(1, '请填写实施机构')
      .max(100, '实施机构不能超过100个字'),
    powerCode: opt('权力编码', 64),
    powerName: opt('行政职权名称', 200),
    exercisedOn: dayInput('办理日期'),
    outcome: z
      .string({ message: '请填写办理结果' })
      .trim()
      .min(1, '请填写办理结果')
      .max(200, '办理结果不能超过200个字'),
  })
  .refine((r) => r.powerCode || r.powerName, { message: '权力编码和行政职权名称至少填写一项', path: ['powerCode'] });
export type ExerciseRecordInput = z.infer<typeof exerciseRecordInput>;

export const apiImportBody = z.object({
  records: z
    .array(z.unknown(), { message: '请提供 records 数组' })
    .min(1, 'records 不能为空')
    .max(MAX_EXERCISE_RECORDS, `一次最多报送${MAX_EXERCISE_RECORDS}条行使记录，请分批报送`),
});

export const flagCountsSchema = z.object({ notInList: z.number(), retired: z.number(), wrongBody: z.number() });

export const exerciseImportSchema = z.object({
  id: z.number(),
  channel: z.enum(EXERCISE_CHANNELS),
  sourceName: z.string().nullable(),
  fileName: z.string().nullable(),
  importedAt: timestamp,
  importedBy: z.string().nullable(),
  recordCount: z.number(),
  flaggedCount: z.number(),
  findingCount: z.number(),
  byFlag: flagCountsSchema,
});
export type ExerciseImport = z.infer<typeof exerciseImportSchema>;
export const exerciseImportListSchema = z.object({ items: z.array(exerciseImportSchema) });

export const flaggedRecordSchema = z.object({
  id: z.number(),
  rowNo: z.number(),
  caseRef: z.string().nullable(),
  bodyId: z.number(),
  bodyName: z.string(),
  powerCode: z.string().nullable(),
  powerName: z.string().nullable(),
  exercisedOn: z.string(),
  outcome: z.string(),
  listVersion: z.number().nullable(),
  flag: exerciseFlagSchema,
  flagBodyName: z.string().nullable(),
  findingId: z.number().nullable(),
});
export const flaggedRecordListSchema = z.object({ items: z.array(flaggedRecordSchema), total: z.number() });
export const flaggedQuery = z.object({
  flag: exerciseFlagSchema.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

/** 422 IMPORT_INVALID: the first bad rows, by row and column; nothing was imported. */
export const exerciseUploadErrors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  413: errorSchema,
  415: errorSchema,
  422: errorSchema,
} as const;

// Sending systems and their keys (managed by a system administrator).
export const createSourceBody = z.object({
  name: z.string({ message: '请填写系统名称' }).trim().min(1, '请填写系统名称').max(100, '系统名称不能超过100个字'),
});
export const exerciseSourceSchema = z.object({
  id: z.number(),
  name: z.string(),
  regionPath: z.string(),
  keyHint: z.string(),
  createdAt: timestamp,
  revokedAt: timestamp.nullable(),
});
export const exerciseSourceListSchema = z.object({ items: z.array(exerciseSourceSchema) });
/** The key, shown this once: only its SHA-256 is kept. */
export const createdSourceSchema = exerciseSourceSchema.extend({ key: z.string() });
