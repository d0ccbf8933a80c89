-- 0062 (issue 12 flaw a): whether the serving process has an SMTP transport (SMTP_URL), recorded
-- when it starts (registerMailSender). notify() queues a mail_outbox row only while it is true, so
-- a platform run without SMTP keeps no backlog that configuring SMTP later would suddenly send.
-- One row; no row = never configured.
create table mail_transport (
  singleton    boolean primary key default true check (singleton),
  configured   boolean not null,
  recorded_at  timestamptz not null
);
