// Table types for Kysely. One interface per table, names as in the migrations.
import type { ColumnType, Generated } from 'kysely';

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
}

export interface DB {
  region: RegionTable;
  body: BodyTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  session: SessionTable;
  security_policy: SecurityPolicyTable;
  audit_event: AuditEventTable;
}
