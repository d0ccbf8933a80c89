// Table types of migration 0045 (issue 12.6): the e-mail outbox drained after commit.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type TimestampN = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type MailStatusValue = 'pending' | 'sent' | 'failed';

export interface MailOutboxTable {
  id: Generated<number>;
  inbox_item_id: number;
  recipient: string;
  status: Generated<MailStatusValue>;
  attempts: Generated<number>;
  last_error: string | null;
  next_attempt_at: Timestamp;
  created_at: Timestamp;
  sent_at: TimestampN;
}

/** 0062: whether the serving process has SMTP (one row; none = never configured) */
export interface MailTransportTable {
  singleton: Generated<boolean>;
  configured: boolean;
  recorded_at: Timestamp;
}

export interface MailTables {
  mail_outbox: MailOutboxTable;
  mail_transport: MailTransportTable;
}
