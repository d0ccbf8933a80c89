// Table types of migrations 0050–0054 and 0085 (src/modules/delegation): the prior assessment, the related
// bodies' answers, training, the handover and the delegation watch's findings (§13.2–§13.5).
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type TimestampN = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type DateCol = ColumnType<string, string, string>;
type Json = ColumnType<unknown, string, string>;

export interface DelegationAssessmentTable {
  adjustment_id: number;
  sections: Json;
  refusals: Json;
  assessed_on: DateCol;
  conclusion: string;
  recorded_by: number;
  recorded_at: Timestamp;
}

export interface DelegationRelatedTable {
  id: Generated<number>;
  adjustment_id: number;
  body_id: number;
  asked_on: DateCol;
  due_on: DateCol;
  due_citation: string;
  asked_by: number;
  answer: 'agree' | 'conditional' | 'disagree' | null;
  reason: string | null;
  own_approval_moves_down: boolean | null;
  answered_by: number | null;
  answered_at: TimestampN;
  waived_reason: string | null;
  waived_by: number | null;
  waived_at: TimestampN;
}

export interface DelegationTrainingTable {
  id: Generated<number>;
  adjustment_id: number;
  held_on: DateCol;
  organiser: string;
  attendees: Json;
  topics: Json;
  material_attachment_ids: Json;
  recorded_by: number;
  recorded_at: Timestamp;
}

export interface DelegationHandoverTable {
  adjustment_id: number;
  handover_on: DateCol;
  planned_by: number;
  planned_at: Timestamp;
}

export interface DelegationHandoverItemTable {
  adjustment_id: number;
  item: 'permissions' | 'data' | 'policyBasis' | 'caseFiles';
  count: number | null;
  note: Generated<string>;
  handed_by: number | null;
  handed_at: TimestampN;
  confirmed_by: number | null;
  confirmed_at: TimestampN;
}

export interface DelegationFindingTable {
  id: Generated<number>;
  kind: 'handoverMissed' | 'disguisedRetention';
  adjustment_id: number;
  source_adjustment_id: number | null;
  body_id: number;
  power_code: string | null;
  detail: string;
  dedupe_key: string;
  detected_at: Timestamp;
  // 0087: where the watch heard it
  source: ColumnType<
    'application' | 'exercise' | 'complaint',
    'application' | 'exercise' | 'complaint' | undefined,
    never
  >;
  source_ref: ColumnType<string | null, string | null | undefined, never>;
}

export interface DelegationEntrustmentTable {
  adjustment_id: number;
  basis_level: '法律' | '法规' | '规章';
  basis_document: string;
  basis_article: string;
  instrument_attachment_id: number | null;
  recorded_by: number;
  recorded_at: Timestamp;
  // 0085: an entrusted organisation outside the body register (§13.3)
  organisation_name: ColumnType<string | null, string | null | undefined, string | null>;
  organisation_credit_code: ColumnType<string | null, string | null | undefined, string | null>;
  organisation_function: ColumnType<string | null, string | null | undefined, string | null>;
}

/** 0085: the 委托公告 as published, which is the 报备 too, and the office's acknowledgement (§13.3). */
export interface DelegationAnnouncementTable {
  adjustment_id: number;
  body_id: number;
  party_name: string;
  party_kind: 'body' | 'organisation';
  powers: Json;
  basis: string;
  decision: string | null;
  announced_on: DateCol;
  announced_by: number;
  announced_at: Timestamp;
  acknowledged_by: ColumnType<number | null, number | null | undefined, number | null>;
  acknowledged_at: TimestampN;
  acknowledgement_note: ColumnType<string | null, string | null | undefined, string | null>;
}

/** 0085: the entrusting body's guidance and inspections of the entrusted party (§13.3). */
export interface DelegationSupervisionTable {
  id: Generated<number>;
  adjustment_id: number;
  kind: 'guidance' | 'inspection';
  held_on: DateCol;
  summary: string;
  problems: ColumnType<string, string | undefined, string>;
  recorded_by: number;
  recorded_at: Timestamp;
}

export interface DelegationTables {
  delegation_entrustment: DelegationEntrustmentTable;
  delegation_assessment: DelegationAssessmentTable;
  delegation_related: DelegationRelatedTable;
  delegation_training: DelegationTrainingTable;
  delegation_handover: DelegationHandoverTable;
  delegation_handover_item: DelegationHandoverItemTable;
  delegation_finding: DelegationFindingTable;
  delegation_announcement: DelegationAnnouncementTable;
  delegation_supervision: DelegationSupervisionTable;
}
