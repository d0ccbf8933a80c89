// Table types of migration 0060 (issue 12.4): exercise records (行使记录), their imports and the
// sending systems' keys.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type TimestampN = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type DateCol = ColumnType<string, string, string>;

export type ExerciseFlagValue = 'notInList' | 'retired' | 'wrongBody';

export interface ExerciseSourceTable {
  id: Generated<number>;
  name: string;
  region_path: string;
  key_hash: string;
  key_hint: string;
  created_at: Timestamp;
  created_by: number;
  revoked_at: TimestampN;
  revoked_by: number | null;
}

export interface ExerciseImportTable {
  id: Generated<number>;
  channel: 'xlsx' | 'csv' | 'api';
  source_id: number | null;
  region_path: string;
  file_name: string | null;
  sha256: string;
  imported_at: Timestamp;
  imported_by: number | null;
  record_count: Generated<number>;
  flagged_count: Generated<number>;
  finding_count: Generated<number>;
}

export interface ExerciseRecordTable {
  id: Generated<number>;
  import_id: number;
  row_no: number;
  case_ref: string | null;
  body_id: number;
  power_code: string | null;
  power_name: string | null;
  exercised_on: DateCol;
  outcome: string;
  list_version: number | null;
  power_id: number | null;
  flag: ExerciseFlagValue | null;
  flag_body_id: number | null;
  finding_id: number | null;
}

export interface ExerciseTables {
  exercise_source: ExerciseSourceTable;
  exercise_import: ExerciseImportTable;
  exercise_record: ExerciseRecordTable;
}
