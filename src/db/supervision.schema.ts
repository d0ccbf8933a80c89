// Table types of migration 0035 (src/modules/supervision): 牵头机构, findings, rectification, 通报批评.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type TimestampN = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type DateCol = ColumnType<string, string, string>;
type DateColN = ColumnType<string | null, string | null | undefined, string | null>;

export interface BodyLeadUnitTable {
  body_id: number;
  unit_name: string;
  contact_person: string | null;
  designated_at: Timestamp;
  designated_by: number;
}

export interface FindingTable {
  id: Generated<number>;
  body_id: number;
  kind: string;
  source: 'sweep' | 'office' | 'feedback' | 'exercise';
  source_key: string | null;
  adjustment_id: number | null;
  feedback_id: number | null;
  power_code: string | null;
  description: string;
  fact_date: DateColN;
  status: Generated<'open' | 'rectifying' | 'rectified' | 'escalated' | 'dismissed'>;
  opened_at: Timestamp;
  opened_by: number | null;
  closed_at: TimestampN;
  closed_by: number | null;
  close_reason: string | null;
}

export interface RectificationOrderTable {
  id: Generated<number>;
  finding_id: number;
  body_id: number;
  requirement: string;
  due_on: DateCol;
  due_provisional: Generated<boolean>;
  due_citation: string;
  status: Generated<'issued' | 'reported' | 'accepted' | 'rejected' | 'missed'>;
  issued_at: Timestamp;
  issued_by: number;
  report_text: string | null;
  reported_at: TimestampN;
  reported_by: number | null;
  decided_at: TimestampN;
  decided_by: number | null;
  decision_note: string | null;
}

export interface RectificationEvidenceTable {
  id: Generated<number>;
  order_id: number;
  filename: string;
  media_type: string;
  size_bytes: number;
  sm3: string;
  content: Uint8Array;
  uploaded_by: number;
  uploaded_at: Timestamp;
}

export interface PublicReprimandTable {
  id: Generated<number>;
  finding_id: number;
  body_id: number;
  title: string;
  text: string;
  status: Generated<'draft' | 'approved' | 'published'>;
  drafted_at: Timestamp;
  drafted_by: number;
  approved_at: TimestampN;
  approved_by: number | null;
  published_at: TimestampN;
  published_by: number | null;
}

export interface SupervisionTables {
  body_lead_unit: BodyLeadUnitTable;
  finding: FindingTable;
  rectification_order: RectificationOrderTable;
  rectification_evidence: RectificationEvidenceTable;
  public_reprimand: PublicReprimandTable;
}
