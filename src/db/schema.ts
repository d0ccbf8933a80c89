// Table types for Kysely. One interface per table, names as in the migrations.
import type { ColumnType, Generated } from 'kysely';
import type { FeedbackTables } from './feedback.schema.js';
import type { SupervisionTables } from './supervision.schema.js';
import type { AssessmentTables } from './assessment.schema.js';
import type { JointMeetingTables } from './joint-meeting.schema.js';
import type { DelegationTables } from './delegation.schema.js';
import type { MailTables } from './mail.schema.js';
import type { OpenDataTables } from './open-data.schema.js';
import type { ExerciseTables } from './exercise.schema.js';
import type { ImportMappingTables } from './import-mapping.schema.js';
import type { IntegrityTables } from './integrity.schema.js';
import type { RegionalPlatformTables } from './regional-platform.schema.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string | null, string | null>;

export interface RegionTable {
  code: string;
  name: string;
  kind: string;
  level: number;
  parent_code: string | null;
  path: string;
}

export interface BodyTable {
  id: Generated<number>;
  region_code: string;
  name: string;
  short_name: string | null;
  kind: string;
  office: 'government' | 'coordination' | 'legal' | null;
  seq: number;
  created_at: Generated<Timestamp>;
}

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  home_body_id: number;
  password_hash: string;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  disabled: Generated<boolean>;
  created_at: Generated<Timestamp>;
  must_change_password: Generated<boolean>;
  /** 0045: where notices are e-mailed (issue 12.6); null = in-app only */
  email: Generated<string | null>;
}

export interface AdminChangeTable {
  id: Generated<number>;
  kind: 'user.update' | 'role.grant' | 'role.revoke';
  target_user_id: number;
  payload: Json;
  /** superseded (0022): closed because the same change, filed twice, took effect */
  status: Generated<'pending' | 'confirmed' | 'rejected' | 'superseded'>;
  requested_by: number;
  requested_at: Timestamp;
  decided_by: number | null;
  decided_at: Timestamp | null;
  /** why it was rejected (0020) */
  reason: string | null;
}

export interface ConsultationFormTokenUsedTable {
  mac: string;
  issued_at: Timestamp;
}

export interface UserRoleTable {
  user_id: number;
  body_id: number;
  role: string;
}

export interface SessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  client_ip: string | null;
}

export interface SecurityPolicyTable {
  id: Generated<number>;
  password_min_length: number;
  password_min_classes: number;
  max_failed_logins: number;
  lockout_minutes: number;
  session_idle_minutes: number;
  session_absolute_minutes: number;
}

export interface AuditEventTable {
  seq: Generated<number>;
  at: Timestamp;
  actor_id: number | null;
  actor_name: string | null;
  role: string | null;
  body_id: number | null;
  action: string;
  object_type: string;
  object_id: string | null;
  before: Json;
  after: Json;
  client_ip: string | null;
  prev_digest: string;
  digest: string;
  /** 1: unkeyed SM3 (rows before migration 0014); 2: HMAC-SM3 with the audit key */
  chain_version: 1 | 2;
}

export interface AuditAnchorTable {
  day: DateCol;
  at: Timestamp;
  head_seq: number;
  row_count: number;
  head_digest: string;
  key_id: string;
  mac: string;
}

type JsonArr = ColumnType<unknown[], string, string>;
type JsonObj = ColumnType<unknown, string | null, string | null>;
type DateCol = ColumnType<string, string, string>;

export interface LegalDocumentTable {
  id: Generated<number>;
  key: string;
  name: string;
  level: string;
  issuing_body: string | null;
  document_number: string | null;
  latest_version_date: DateCol | null;
  effective_date: DateCol | null;
  expiry_date: DateCol | null;
  status: Generated<'in_force' | 'repealed'>;
  created_at: Generated<Timestamp>;
}

export interface PowerCodeTable {
  code: string;
  body_id: number;
  issued_at: Generated<Timestamp>;
}

export interface PowerListVersionTable {
  id: Generated<number>;
  body_id: number;
  version: number;
  published_at: Timestamp;
  effective_date: DateCol;
  digest: string;
  power_count: number;
  source_type: 'compilation' | 'adjustment';
  source_id: number | null;
  rulebook_id: string;
  published_by: number | null;
  note: string | null;
}

/** the 职权信息表 fields shared by published powers and draft powers */
interface PowerFields {
  code: string;
  parent_code: string | null;
  name: string;
  category: string;
  responsible_subject: string;
  implementing_agency: string;
  legal_bases: JsonArr;
  responsibilities: JsonArr;
  accountability_cases: JsonArr;
  accountability_basis: string;
  remarks: string;
  status: string;
  ord: number;
}

export interface PowerTable extends PowerFields {
  id: Generated<number>;
  body_id: number;
  predecessor_codes: JsonArr;
  links: JsonArr;
  valid_from: number;
  valid_to: number | null;
  /** 0003_search: filled by a BEFORE INSERT trigger from name, code and legal bases */
  search_text: Generated<string>;
  search_grams: Generated<string[]>;
}

export interface DutyTable {
  id: Generated<number>;
  body_id: number;
  name: string;
  content: string;
  ord: number;
  valid_from: number;
  valid_to: number | null;
}

export interface ListDraftTable {
  id: Generated<number>;
  body_id: number;
  status: 'drafting' | 'submitted' | 'returned' | 'reviewed' | 'published' | 'withdrawn';
  rulebook_id: string;
  created_by: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  submitted_by: number | null;
  submitted_at: Timestamp | null;
  preliminary_passed_at: Timestamp | null;
  legality_passed_at: Timestamp | null;
  published_version: number | null;
  /** issue 10.8: the duties list's version, and who saved it last */
  duties_version: Generated<number>;
  duties_updated_by: number | null;
  duties_updated_at: Timestamp | null;
}

export interface DraftPowerTable extends PowerFields {
  id: Generated<number>;
  draft_id: number;
  exclusion_flags: JsonArr;
  exclusion_override: JsonObj;
  /** issue 10.8: bumped by every save; who saved it last */
  version: Generated<number>;
  updated_by: number | null;
  updated_at: Timestamp | null;
}

export interface DraftDutyTable {
  id: Generated<number>;
  draft_id: number;
  name: string;
  content: string;
  ord: number;
}

export interface ListReviewTable {
  id: Generated<number>;
  draft_id: number;
  step: 'submit' | 'preliminaryReview' | 'legalityReview' | 'publish' | 'withdraw';
  decision: 'pass' | 'return' | 'done';
  reason: string | null;
  actor_id: number;
  at: Timestamp;
}

// 0004: dynamic adjustment (src/modules/adjustments)
type DateColN = ColumnType<string | null, string | null | undefined, string | null>;
type JsonArrD = ColumnType<unknown[], string | undefined, string>;

export interface RulebookSelectionTable {
  id: Generated<number>;
  rulebook_id: string;
  selected_at: Timestamp;
  selected_by: number;
  note: string | null;
}

export interface CalendarYearTable {
  year: number;
  holidays: JsonArrD;
  makeup_workdays: JsonArrD;
  source: string;
  entered_by: number;
  entered_at: Timestamp;
  /** 0011: why the year was added or corrected (overlay on the shipped data). */
  reason: Generated<string>;
}

export interface LawChangeTable {
  id: Generated<number>;
  legal_document_id: number;
  change_kind: 'issued' | 'revised' | 'repealed';
  change_date: DateCol;
  region_code: string;
  note: Generated<string>;
  recorded_by: number;
  recorded_at: Timestamp;
}

export interface AdjustmentBatchTable {
  id: Generated<number>;
  region_code: string;
  title: string;
  rulebook_id: string;
  created_by: number;
  created_at: Timestamp;
}

export interface AdjustmentTable {
  id: Generated<number>;
  body_id: number;
  kind: 'add' | 'cancel' | 'delegate' | 'modify' | 'merge' | 'split' | 'entrust' | 'takeBack';
  status: 'due' | 'open' | 'withdrawn' | 'rejected' | 'done';
  rulebook_id: string;
  round: Generated<number>;
  completed_steps: JsonArrD;
  open_steps: JsonArrD;
  title: string;
  /** issue 10.8: bumped by every save of the content or the affected powers; who saved it last */
  version: Generated<number>;
  updated_by: number | null;
  trigger_kind: string;
  trigger_date: DateCol;
  filing_due: DateCol;
  filing_due_provisional: Generated<boolean>;
  reason: Generated<string>;
  legal_basis: Generated<string>;
  takeover: Generated<string>;
  special_notes: Generated<string>;
  receiving_body_id: number | null;
  base_version: number | null;
  batch_id: number | null;
  law_change_id: number | null;
  late: Generated<boolean>;
  missing_at: Timestamp | null;
  first_submitted_at: Timestamp | null;
  submitted_at: Timestamp | null;
  normative_document_number: string | null;
  approved_at: Timestamp | null;
  published_at: Timestamp | null;
  published_version: number | null;
  receiving_published_version: number | null;
  closed_reason: string | null;
  closed_at: Timestamp | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** §6 ¶2: duties added, changed or removed by the application (0015). */
  duty_items: JsonArrD;
}

export interface AdjustmentItemTable {
  id: Generated<number>;
  adjustment_id: number;
  ord: number;
  target_code: string | null;
  base: JsonObj;
  proposed: JsonObj;
  result_code: string | null;
  /** §8 screening (0012): flags, and the coordination office's decision to keep the item. */
  exclusion_flags: JsonArrD;
  exclusion_override: JsonObj;
  /** §13(五) (0016): how a 下放 item that duplicates a power of the receiving body is resolved. */
  duplicate_resolution: JsonObj;
}

export interface AdjustmentStepRecordTable {
  id: Generated<number>;
  adjustment_id: number;
  round: number;
  step: string | null;
  action: string;
  reason: string | null;
  data: JsonObj;
  actor_id: number | null;
  actor_role: string | null;
  at: Timestamp;
  due_on: DateColN;
  on_time: boolean | null;
}

export interface ConsultationTable {
  id: Generated<number>;
  adjustment_id: number;
  round: number;
  opens_on: DateCol;
  closes_on: DateCol;
  status: 'open' | 'closed' | 'cancelled';
  opened_at: Timestamp;
  opened_by: number;
  closed_at: Timestamp | null;
  closed_by: number | null;
}

export interface AdjustmentAttachmentTable {
  id: Generated<number>;
  adjustment_id: number;
  filename: string;
  media_type: string;
  size_bytes: number;
  sm3: string;
  content: Uint8Array;
  uploaded_by: number;
  uploaded_at: Timestamp;
}

export interface InboxItemTable {
  id: Generated<number>;
  user_id: number;
  kind: 'task' | 'reminder' | 'overdue' | 'missing' | 'notice';
  adjustment_id: number | null;
  step: string | null;
  title: string;
  body: Generated<string>;
  due_on: DateColN;
  dedupe_key: string;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

// 0005: public comments on a consultation (src/modules/consultations)
export interface ConsultationCommentTable {
  id: Generated<number>;
  consultation_id: number;
  seq: number;
  author_name: string | null;
  contact: string | null;
  content: string;
  client_key: string;
  created_at: Timestamp;
  hidden_at: Timestamp | null;
  hidden_by: number | null;
  hidden_reason: string | null;
  disposition: 'adopted' | 'partlyAdopted' | 'notAdopted' | null;
  disposition_reason: string | null;
  disposed_at: Timestamp | null;
  disposed_by: number | null;
}

export interface ServerSecretTable {
  name: string;
  secret: string;
}

export interface DB
  extends SupervisionTables,
    FeedbackTables,
    DelegationTables,
    JointMeetingTables,
    AssessmentTables,
    MailTables,
    OpenDataTables,
    RegionalPlatformTables,
    ImportMappingTables,
    IntegrityTables,
    ExerciseTables {
  region: RegionTable;
  body: BodyTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  session: SessionTable;
  security_policy: SecurityPolicyTable;
  audit_event: AuditEventTable;
  audit_anchor: AuditAnchorTable;
  legal_document: LegalDocumentTable;
  power_code: PowerCodeTable;
  power_list_version: PowerListVersionTable;
  power: PowerTable;
  duty: DutyTable;
  list_draft: ListDraftTable;
  draft_power: DraftPowerTable;
  draft_duty: DraftDutyTable;
  list_review: ListReviewTable;
  rulebook_selection: RulebookSelectionTable;
  calendar_year: CalendarYearTable;
  law_change: LawChangeTable;
  adjustment_batch: AdjustmentBatchTable;
  adjustment: AdjustmentTable;
  adjustment_item: AdjustmentItemTable;
  adjustment_step_record: AdjustmentStepRecordTable;
  consultation: ConsultationTable;
  adjustment_attachment: AdjustmentAttachmentTable;
  inbox_item: InboxItemTable;
  consultation_comment: ConsultationCommentTable;
  server_secret: ServerSecretTable;
  admin_change: AdminChangeTable;
  consultation_form_token_used: ConsultationFormTokenUsedTable;
}
