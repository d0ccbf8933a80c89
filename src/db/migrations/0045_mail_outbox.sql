-- Issue 12.6: notifications by e-mail. A user's address (set by the system administrator or by the
-- user), and an outbox written in the same transaction as the inbox item it announces, so a mail
-- is sent only after that transaction commits and a failing SMTP server never undoes the action.
alter table app_user add column email text check (email is null or email ~ '^[^@\s]+@[^@\s]+$');

create table mail_outbox (
  id integer generated always as identity primary key,
  inbox_item_id integer not null references inbox_item (id) on delete cascade,
  recipient text not null,
  status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
  attempts int not null default 0,
  last_error text,
  next_attempt_at timestamptz not null,
  created_at timestamptz not null,
  sent_at timestamptz,
  unique (inbox_item_id)
);
create index mail_outbox_due on mail_outbox (next_attempt_at) where status = 'pending';
