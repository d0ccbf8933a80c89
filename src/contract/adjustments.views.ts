// Response schemas of the adjustment procedure (§9–§13): an application as the workspace shows it
// (modules/adjustments/present.ts), the list rows, attachments, batches, law changes and the inbox.
// The serializer encodes through these: a field missing here never reaches the workspace.
import { z } from 'zod';
import {
  ACTIONS,
  ADJUSTMENT_KINDS,
  ADJUSTMENT_STATUSES,
  DUPLICATE_CHOICES,
  STEP_IDS,
  WORKFLOW_ROLES,
} from './adjustments.js';
import {
  changedPowerSchema,
  exclusionFlagSchema,
  exclusionOverrideSchema,
  fieldChangeSchema,
  powerSchema,
} from './register.views.js';
import { timestamp } from './wire.js';

const kind = z.enum(ADJUSTMENT_KINDS);
const status = z.enum(ADJUSTMENT_STATUSES);
const stepId = z.enum(STEP_IDS);
const action = z.enum(ACTIONS);

/** One thing the actor may do now (the transition table decides; the UI never decides alone). */
export const abilitySchema = z.object({ action, step: stepId.nullable() });

/** §6 ¶2: one duty added, changed or removed by the application. */
export const dutyItemSchema = z.object({
  op: z.enum(['add', 'change', 'remove']),
  base: z.object({ name: z.string(), content: z.string() }).nullable(),
  proposed: z.object({ name: z.string(), content: z.string() }).nullable(),
});

/** A deadline with the article that sets it (§12 clocks; the working-day calendar). */
export const dueSchema = z.object({
  date: z.string(),
  provisional: z.boolean(),
  kind: z.enum(['deadline', 'minimumDuration']),
  amount: z.number(),
  unit: z.enum(['workday', 'calendarDay']),
  from: z.string(),
  citation: z.string(),
  articleText: z.string(),
  movedFrom: z.string().optional(),
  /** for a provisional date: the notice that would make it exact */
  exactNotice: z.string().optional(),
});

export const stepDeadlineSchema = z.object({
  step: stepId,
  label: z.string(),
  roles: z.array(z.enum(WORKFLOW_ROLES)),
  citation: z.string(),
  articleText: z.string().nullable(),
  state: z.enum(['done', 'open', 'pending']),
  due: dueSchema.nullable(),
  workdaysLeft: z.number().nullable(),
  overdue: z.boolean(),
  completedOn: z.string().nullable(),
  onTime: z.boolean().nullable(),
});

export const listDiffView = z.object({
  added: z.array(powerSchema),
  removed: z.array(powerSchema),
  changed: z.array(changedPowerSchema),
  unchangedCount: z.number(),
});

export const itemView = z.object({
  id: z.number(),
  ord: z.number(),
  targetCode: z.string().nullable(),
  resultCode: z.string().nullable(),
  base: powerSchema.nullable(),
  proposed: powerSchema.nullable(),
  changes: z.array(fieldChangeSchema),
  exclusionFlags: z.array(exclusionFlagSchema),
  exclusionOverride: exclusionOverrideSchema.nullable(),
});

export const historyRecordSchema = z.object({
  id: z.number(),
  adjustmentId: z.number().optional(),
  round: z.number(),
  step: stepId.nullable(),
  action: z.string(),
  reason: z.string().nullable(),
  data: z.unknown(),
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  at: timestamp,
  dueOn: z.string().nullable(),
  onTime: z.boolean().nullable(),
});

export const attachmentSchema = z.object({
  id: z.number(),
  filename: z.string(),
  media_type: z.string(),
  size_bytes: z.number(),
  sm3: z.string(),
  uploaded_at: timestamp,
  uploaded_by_name: z.string(),
});
/** What an upload answers: the stored file (the list adds who and when). */
export const attachmentAdded = attachmentSchema.pick({
  id: true,
  filename: true,
  media_type: true,
  size_bytes: true,
  sm3: true,
});

export const conflictSchema = z.object({
  id: z.number(),
  title: z.string(),
  kind: z.string(),
  status: z.string(),
  openSteps: z.array(stepId),
  codes: z.array(z.string()),
});

export const consultationRefSchema = z.object({
  id: z.number(),
  round: z.number(),
  opensOn: z.string(),
  closesOn: z.string(),
  status: z.enum(['open', 'closed', 'cancelled']),
  openedAt: timestamp,
  closedAt: timestamp.nullable(),
});

/** §13(五): a delegated power the receiving body's list already has, and the decision taken. */
export const duplicateSchema = z.object({
  ord: z.number(),
  targetCode: z.string(),
  name: z.string(),
  category: z.string(),
  existingCode: z.string(),
  existingName: z.string(),
  resolution: z
    .object({
      choice: z.enum(DUPLICATE_CHOICES),
      choiceLabel: z.string(),
      existingCode: z.string(),
      reason: z.string(),
      byName: z.string(),
      at: timestamp,
    })
    .nullable(),
});

export const adjustmentView = z.object({
  id: z.number(),
  bodyId: z.number(),
  bodyName: z.string(),
  bodySeq: z.number().nullable().optional(),
  regionCode: z.string(),
  regionPath: z.string(),
  regionName: z.string(),
  kind,
  kindLabel: z.string(),
  kindCitation: z.string(),
  status,
  statusLabel: z.string(),
  rulebookId: z.string(),
  rulebook: z.object({ id: z.string(), label: z.string(), managingOffice: z.string() }),
  round: z.number(),
  completedSteps: z.array(stepId),
  openSteps: z.array(stepId),
  title: z.string(),
  /** issue 10.8: bumped by every change; sent back with each save */
  version: z.number(),
  triggerKind: z.string(),
  triggerKindLabel: z.string(),
  triggerDate: timestamp,
  filingDue: timestamp,
  filingDueProvisional: z.boolean(),
  filing: z.object({
    due: z.string(),
    provisional: z.boolean(),
    exactNotice: z.string().nullable(),
    citation: z.string(),
    articleText: z.string(),
    late: z.boolean(),
    missing: z.boolean(),
    workdaysLeft: z.number().nullable(),
  }),
  reason: z.string(),
  legalBasis: z.string(),
  takeover: z.string(),
  specialNotes: z.string(),
  receivingBodyId: z.number().nullable(),
  receivingBodyName: z.string().nullable(),
  baseVersion: z.number().nullable(),
  currentVersion: z.number().nullable(),
  batchId: z.number().nullable(),
  lawChangeId: z.number().nullable(),
  late: z.boolean(),
  missingAt: timestamp.nullable(),
  firstSubmittedAt: timestamp.nullable(),
  submittedAt: timestamp.nullable(),
  normativeDocumentNumber: z.string().nullable(),
  approvedAt: timestamp.nullable(),
  publishedAt: timestamp.nullable(),
  publishedVersion: z.number().nullable(),
  receivingPublishedVersion: z.number().nullable(),
  closedReason: z.string().nullable(),
  closedAt: timestamp.nullable(),
  createdBy: z.number().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  updatedBy: z.number().nullable(),
  items: z.array(itemView),
  dutyItems: z.array(dutyItemSchema),
  preview: z
    .object({ diff: listDiffView, receivingDiff: listDiffView.nullable(), error: z.string().nullable() })
    .nullable(),
  stale: z.array(z.string()),
  conflicts: z.array(conflictSchema),
  /** §13(五): delegated powers the receiving body already lists (open 下放 only) */
  duplicates: z.array(duplicateSchema),
  consultation: consultationRefSchema.nullable(),
  deadlines: z.array(stepDeadlineSchema),
  history: z.array(historyRecordSchema),
  attachments: z.array(attachmentSchema),
  can: z.array(abilitySchema),
  today: z.string(),
});

/** The most pressing deadline of an application: an open step's, or filing. */
export const nextDueSchema = z.object({
  step: stepId,
  label: z.string(),
  date: z.string(),
  provisional: z.boolean(),
  citation: z.string(),
  /** the article's words, shown beside the citation */
  articleText: z.string(),
  /** for a provisional date: the notice that would make it exact */
  exactNotice: z.string().optional(),
  workdaysLeft: z.number(),
  overdue: z.boolean(),
});

export const adjustmentRow = z.object({
  id: z.number(),
  title: z.string(),
  kind,
  status,
  statusLabel: z.string(),
  rulebookId: z.string(),
  bodyId: z.number(),
  bodyName: z.string(),
  openSteps: z.array(stepId),
  triggerDate: timestamp,
  filingDue: timestamp,
  filingDueProvisional: z.boolean(),
  late: z.boolean(),
  missing: z.boolean(),
  publishedVersion: z.number().nullable(),
  updatedAt: timestamp,
  nextDue: nextDueSchema.nullable(),
  can: z.array(abilitySchema),
});
export const adjustmentList = z.object({ items: z.array(adjustmentRow) });

export const rebaseResult = z.object({
  fromVersion: z.number().nullable(),
  toVersion: z.number().nullable(),
  overlapping: z.array(z.object({ code: z.string(), field: z.string() })),
  today: z.string(),
  adjustment: adjustmentView,
});

export type Ability = z.input<typeof abilitySchema>;
export type DutyItem = z.input<typeof dutyItemSchema>;
export type Due = z.input<typeof dueSchema>;
export type StepDeadline = z.input<typeof stepDeadlineSchema>;
export type Item = z.input<typeof itemView>;
export type HistoryRecord = z.input<typeof historyRecordSchema>;
export type Attachment = z.input<typeof attachmentSchema>;
export type Conflict = z.input<typeof conflictSchema>;
export type ConsultationRef = z.input<typeof consultationRefSchema>;
export type Duplicate = z.input<typeof duplicateSchema>;
export type Adjustment = z.input<typeof adjustmentView>;
export type AdjustmentRow = z.input<typeof adjustmentRow>;
export type NextDue = z.input<typeof nextDueSchema>;
export type RebaseResult = z.input<typeof rebaseResult>;
