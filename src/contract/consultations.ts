// §12 公开征求意见 and §15 (the office's disposition of each comment): phases, dispositions with
// their Chinese words, the office's requests and the rows the workspace reads. Imports only zod
// and src/contract (architecture test).
import { z } from 'zod';
import { timestamp } from './wire.js';

export const PHASES = ['upcoming', 'open', 'closed', 'cancelled'] as const;
export const phaseSchema = z.enum(PHASES);
export type Phase = z.infer<typeof phaseSchema>;
export const PHASE_LABELS: Record<Phase, string> = {
  upcoming: '未开始',
  open: '征求意见中',
  closed: '已结束',
  cancelled: '已终止',
};

export const DISPOSITIONS = ['adopted', 'partlyAdopted', 'notAdopted'] as const;
export const dispositionSchema = z.enum(DISPOSITIONS);
export type Disposition = z.infer<typeof dispositionSchema>;
// §15 吸收采纳合理内容: the three outcomes the office records for each comment.
export const DISPOSITION_LABELS: Record<Disposition, string> = {
  adopted: '采纳',
  partlyAdopted: '部分采纳',
  notAdopted: '不予采纳',
};

// ---------------------------------------------------------------- requests

const id = z.coerce.number().int().positive().max(2_147_483_647);
export const consultationParam = z.object({ id });
export const commentParam = z.object({ id, commentId: id });
export const consultationsQuery = z.object({ phase: phaseSchema.optional() });

export const moderationInput = z.object({
  reason: z.string().trim().min(2, '请填写隐藏理由（至少2个字）').max(200, '理由不能超过200个字'),
});

export const dispositionInput = z.object({
  disposition: z.enum(DISPOSITIONS, { message: '处理结果须为：采纳、部分采纳或不予采纳' }),
  reason: z.string().trim().min(2, '请填写处理理由（至少2个字）').max(1000, '理由不能超过1000个字'),
});

// ---------------------------------------------------------------- responses

export const consultationRowSchema = z.object({
  id: z.number().int(),
  adjustmentId: z.number().int(),
  round: z.number().int(),
  opensOn: z.string(),
  closesOn: z.string(),
  status: z.enum(['open', 'closed', 'cancelled']),
  title: z.string(),
  /** the adjustment's kind (§9) */
  kind: z.string(),
  rulebookId: z.string(),
  reason: z.string(),
  legalBasis: z.string(),
  adjustmentStatus: z.string(),
  completedSteps: z.array(z.string()),
  openSteps: z.array(z.string()),
  publishedAt: timestamp.nullable(),
  publishedVersion: z.number().int().nullable(),
  bodyId: z.number().int(),
  bodyName: z.string(),
  receivingBodyName: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  regionPath: z.string(),
  phase: phaseSchema,
  /** the server's answer to "may this actor hide, restore and dispose comments" */
  canModerate: z.boolean(),
});

export const consultationListItemSchema = consultationRowSchema.extend({
  /** visible comments, and hidden ones */
  comments: z.number().int(),
  hidden: z.number().int(),
});
export type ConsultationListItem = z.input<typeof consultationListItemSchema>;

export const consultationDetailSchema = consultationRowSchema.extend({
  /** the article that sets the consultation's period, and its text */
  basis: z.object({ citation: z.string(), text: z.string() }),
  /** the proposal in plain words, one entry per power */
  changes: z.array(z.object({ code: z.string().nullable(), headline: z.string(), details: z.array(z.string()) })),
  counts: z.object({ total: z.number().int(), hidden: z.number().int(), undisposed: z.number().int() }),
  portalUrl: z.string(),
});
export type ConsultationDetail = z.input<typeof consultationDetailSchema>;

export const staffCommentSchema = z.object({
  id: z.number().int(),
  seq: z.number().int(),
  authorName: z.string().nullable(),
  /** the office only; null for the applying body */
  contact: z.string().nullable(),
  content: z.string(),
  createdAt: timestamp,
  hidden: z.boolean(),
  hiddenAt: timestamp.nullable(),
  hiddenReason: z.string().nullable(),
  hiddenByName: z.string().nullable(),
  disposition: dispositionSchema.nullable(),
  dispositionReason: z.string().nullable(),
  disposedAt: timestamp.nullable(),
  disposedByName: z.string().nullable(),
});
export type StaffComment = z.input<typeof staffCommentSchema>;
