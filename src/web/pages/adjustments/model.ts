// The adjustment procedure's shapes as these pages use them: the wire form of the contract's
// schemas (src/contract/adjustments*.ts, register.ts), which the server's routes declare as their
// responses. Nothing here is kept by hand.
import type { z } from 'zod';
import type { contentBody, dutyItemInput, itemInput } from '../../../contract/adjustments.ts';
import type { exclusionOverrideSchema } from '../../../contract/register.views.ts';

export type {
  Action,
  AdjustmentKind,
  AdjustmentStatus,
  DuplicateChoice,
  StepId,
  TriggerKind,
  WorkflowRole,
} from '../../../contract/adjustments.ts';
export type {
  Ability,
  Adjustment,
  AdjustmentRow,
  Attachment,
  Conflict,
  ConsultationRef,
  Due,
  Duplicate,
  DutyItem,
  HistoryRecord,
  Item,
  NextDue,
  RebaseResult,
  StepDeadline,
} from '../../../contract/adjustments.views.ts';
export type { InboxItem } from '../../../contract/adjustments.records.ts';
export type {
  Citation as LegalBasis,
  ExclusionFlag,
  FieldChange,
  ListDiff,
  PowerFields as Power,
  PublishedList,
  Responsibility,
} from '../../../contract/register.views.ts';

export type ExclusionOverride = z.input<typeof exclusionOverrideSchema>;
/** What a draft's content form sends (every field optional on a change). */
export type ContentInput = Partial<z.input<typeof contentBody>>;
export type ItemInput = z.input<typeof itemInput>;
export type DutyItemInput = z.input<typeof dutyItemInput>;
