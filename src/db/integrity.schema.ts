// Table types of migration 0077 (issue 14.4, §15 ¶3): the portal's closures and the integrity
// monitor's runs.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type TimestampN = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json = ColumnType<unknown, string, string>;

export interface PortalClosureTable {
  id: Generated<number>;
  closed_at: Timestamp;
  closed_by: number | null;
  source: 'monitor' | 'office';
  reason: string;
  reopened_at: TimestampN;
  reopened_by: number | null;
  reopen_reason: string | null;
}

export interface IntegrityCheckTable {
  id: Generated<number>;
  at: Timestamp;
  trigger: 'schedule' | 'command' | 'office';
  ok: boolean;
  bodies: number;
  resources: number;
  served: boolean;
  mismatches: Json;
  duration_ms: number;
}

export interface IntegrityTables {
  portal_closure: PortalClosureTable;
  integrity_check: IntegrityCheckTable;
}
