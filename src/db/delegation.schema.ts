// Table types of migrations 0050–0054 (src/modules/delegation): the prior assessment, the related
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
}

export interface DelegationEntrustmentTable {
  adjustment_id: number;
  basis_level: '法律' | '法规' | '规章';
  basis_document: string;
  basis_article: string;
  instrument_attachment_id: number | null;
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
}
