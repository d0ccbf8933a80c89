// Table types of migration 0073 (issue 14.3): webhook consumers, their queued deliveries and every attempt.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type TimestampN = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type WebhookDeliveryStatus = 'pending' | 'sent' | 'failed';

export interface WebhookConsumerTable {
  id: Generated<number>;
  name: string;
  url: string;
  secret: string;
  events: string[];
  region_level: number | null;
  active: Generated<boolean>;
  created_by: number;
  created_at: Timestamp;
  disabled_at: TimestampN;
}

export interface WebhookDeliveryTable {
  id: Generated<number>;
  consumer_id: number;
  event: string;
  version_id: number | null;
  status: Generated<WebhookDeliveryStatus>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_status: number | null;
  last_error: string | null;
  created_at: Timestamp;
  delivered_at: TimestampN;
}

export interface WebhookAttemptTable {
  id: Generated<number>;
  delivery_id: number;
  at: Timestamp;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

export interface OpenDataTables {
  webhook_consumer: WebhookConsumerTable;
  webhook_delivery: WebhookDeliveryTable;
  webhook_attempt: WebhookAttemptTable;
}
