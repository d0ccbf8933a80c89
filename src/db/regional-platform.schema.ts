// Table types of migration 0065 (issue 14.1, §13.1, §13.5): exchange with the 自治区事项管理平台.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;
type TimeUnit = 'workday' | 'day';

export interface RegionalBodyCodeTable {
  body_id: number;
  credit_code: string;
  updated_at: Timestamp;
  updated_by: number | null;
}

export interface PowerTimeLimitTable {
  body_id: number;
  code: string;
  legal_amount: number | null;
  legal_unit: TimeUnit | null;
  promised_amount: number | null;
  promised_unit: TimeUnit | null;
  updated_at: Timestamp;
  updated_by: number | null;
}

export interface RegionalReconciliationTable {
  id: Generated<number>;
  scope: 'body' | 'level';
  body_id: number | null;
  region_code: string;
  file_name: string;
  file_sha256: string;
  file_format: 'json' | 'xlsx';
  versions: Json;
  our_count: number;
  their_count: number;
  diff_count: number;
  created_by: number;
  created_at: Timestamp;
}

export interface RegionalReconciliationDiffTable {
  id: Generated<string>;
  reconciliation_id: number;
  body_id: number | null;
  code: string;
  name: string;
  kind: 'missingThere' | 'missingHere' | 'field' | 'status';
  field: string | null;
  ours: string | null;
  theirs: string | null;
}

export interface RegionalPlatformSyncTable {
  adjustment_id: number;
  reconciliation_id: number;
  attached_by: number;
  attached_at: Timestamp;
}

export interface RegionalPlatformTables {
  regional_body_code: RegionalBodyCodeTable;
  power_time_limit: PowerTimeLimitTable;
  regional_reconciliation: RegionalReconciliationTable;
  regional_reconciliation_diff: RegionalReconciliationDiffTable;
  regional_platform_sync: RegionalPlatformSyncTable;
}
