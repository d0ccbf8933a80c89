// Table types of migration 0030 (src/modules/feedback): opinions, complaints and reports (§15).
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type TimestampN = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type DateCol = ColumnType<string, string, string>;

export type FeedbackKindValue = 'suggestion' | 'complaint' | 'report';
export type FeedbackChannelValue = 'web' | 'hall' | 'phone' | 'letter' | 'email';
export type FeedbackStatusValue = 'moderation' | 'open' | 'assigned' | 'answered' | 'merged' | 'rejected';
export type FeedbackOutcomeValue =
  | 'adopted'
  | 'partlyAdopted'
  | 'notAdopted'
  | 'substantiated'
  | 'partlySubstantiated'
  | 'unsubstantiated';

export interface FeedbackTable {
  id: Generated<number>;
  receipt_code: string;
  kind: FeedbackKindValue;
  channel: FeedbackChannelValue;
  body_id: number;
  power_code: string | null;
  power_name: string | null;
  content: string;
  routed_to: 'office' | 'body';
  office_body_id: number;
  status: FeedbackStatusValue;
  rulebook_id: string;
  received_at: Timestamp;
  due_on: DateCol;
  due_provisional: Generated<boolean>;
  handler_id: number | null;
  assigned_at: TimestampN;
  contact_enc: string | null;
  answer: string | null;
  reasoning: string | null;
  outcome: FeedbackOutcomeValue | null;
  answered_at: TimestampN;
  answered_by: number | null;
  merged_into: number | null;
  decision_reason: string | null;
  decided_by: number | null;
  decided_at: TimestampN;
  adjustment_id: number | null;
  finding_id: number | null;
  client_key: string | null;
  intake_by: number | null;
  created_at: Timestamp;
}

export interface FeedbackAttachmentTable {
  id: Generated<number>;
  feedback_id: number;
  filename: string;
  media_type: string;
  size: number;
  sm3: string;
  content: Uint8Array;
  created_at: Timestamp;
}

export interface FeedbackTables {
  feedback: FeedbackTable;
  feedback_attachment: FeedbackAttachmentTable;
}
