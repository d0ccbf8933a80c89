// Response schemas of what surrounds an application (§9–§13): its attachments' list, 集中调整
// batches, recorded law changes, the inbox and the 工作台 workload. The application itself is in
// adjustments.views.ts.
import { z } from 'zod';
import { INBOX_KINDS, LAW_CHANGE_KINDS } from './adjustments.js';
import { attachmentSchema } from './adjustments.views.js';
import { roleSchema } from './common.js';
import { timestamp } from './wire.js';

export const attachmentList = z.object({ items: z.array(attachmentSchema) });

/** 集中调整 (2025 rulebook): a batch of applications of one level. */
export const batchCreated = z.object({
  id: z.number(),
  title: z.string(),
  region_code: z.string(),
  rulebook_id: z.string(),
});
export const batchSchema = batchCreated.extend({
  region_name: z.string(),
  created_at: timestamp,
  applications: z.number(),
});
export const batchList = z.object({ items: z.array(batchSchema) });

/** §10.1, §11.1: a recorded law change and the due applications it opened. */
export const lawChangeRecorded = z.object({
  id: z.number(),
  document: z.string(),
  filingDue: z.string(),
  filingDueProvisional: z.boolean(),
  affectedPowers: z.number(),
  opened: z.array(z.object({ adjustmentId: z.number(), bodyId: z.number(), bodyName: z.string(), powers: z.number() })),
});
export const lawChangeRow = z.object({
  id: z.number(),
  change_kind: z.enum(LAW_CHANGE_KINDS),
  change_date: z.string(),
  note: z.string().nullable(),
  recorded_at: timestamp,
  document: z.string(),
  region: z.string(),
  recorded_by: z.string(),
  adjustments: z.number().nullable(),
});
export const lawChangeList = z.object({ items: z.array(lawChangeRow) });

export const inboxItemSchema = z.object({
  id: z.number(),
  kind: z.enum(INBOX_KINDS),
  adjustmentId: z.number().nullable(),
  /** an opinion, complaint or report the notice is about (§15) */
  feedbackId: z.number().nullable().optional(),
  /** a supervision finding whose rectification the notice asks for (§16) */
  findingId: z.number().nullable().optional(),
  step: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  dueOn: z.string().nullable(),
  createdAt: timestamp,
  readAt: timestamp.nullable(),
});
export const inboxList = z.object({ unread: z.number(), items: z.array(inboxItemSchema) });

/** 工作台: per role held, the applications waiting for it now and those past their step's deadline. */
export const workloadSchema = z.object({
  roles: z.array(
    z.object({
      role: z.union([roleSchema, z.literal('receiver')]),
      waiting: z.array(z.number()),
      overdue: z.array(z.number()),
    }),
  ),
});
export const markedRead = z.object({ marked: z.number() });

export type Batch = z.input<typeof batchSchema>;
export type LawChangeRecorded = z.input<typeof lawChangeRecorded>;
export type LawChangeRow = z.input<typeof lawChangeRow>;
export type InboxItem = z.input<typeof inboxItemSchema>;
