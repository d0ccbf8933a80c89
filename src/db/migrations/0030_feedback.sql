-- 0030: opinions, suggestions, complaints and reports from the public (regulation §15 ¶1–2;
-- src/modules/feedback). §15 ¶1: anyone may give opinions on a power and its exercise, and may
-- complain of or report a body's violation to the 协调小组办公室 or the body. ¶2: the office and
-- the body collect them by the service hall, the web, telephone and mail, study them (研究论证)
-- and adopt what is reasonable.

create table feedback (
  id                 integer generated always as identity primary key,
  -- 查询码: the citizen's only key to the public status page; random, never derived from the id
  receipt_code       text not null unique,
  kind               text not null check (kind in ('suggestion', 'complaint', 'report')),
  channel            text not null check (channel in ('web', 'hall', 'phone', 'letter', 'email')),
  -- what it is about: a body, or one power of that body (code and name as shown when received)
  body_id            integer not null references body(id),
  power_code         text,
  power_name         text,
  content            text not null,
  -- §15 routing: 'office' = the coordination office of the body's level, 'body' = the body itself
  routed_to          text not null check (routed_to in ('office', 'body')),
  office_body_id     integer not null references body(id),
  status             text not null check (status in ('moderation', 'open', 'assigned', 'answered', 'merged', 'rejected')),
  rulebook_id        text not null,
  received_at        timestamptz not null,
  due_on             date not null,
  due_provisional    boolean not null default false,
  handler_id         integer references app_user(id),
  assigned_at        timestamptz,
  -- the contact details, SM4-encrypted (feedback/contact-crypto.ts); nothing about them in clear
  contact_enc        text,
  answer             text,
  reasoning          text,           -- 研究论证
  outcome            text check (outcome in ('adopted', 'partlyAdopted', 'notAdopted', 'substantiated', 'partlySubstantiated', 'unsubstantiated')),
  answered_at        timestamptz,
  answered_by        integer references app_user(id),
  merged_into        integer references feedback(id),
  decision_reason    text,           -- why rejected in moderation, or why merged
  decided_by         integer references app_user(id),
  decided_at         timestamptz,
  adjustment_id      integer references adjustment(id),
  -- a complaint found true becomes a supervision finding (§16 ¶2); the supervision module sets it
  finding_id         integer,
  client_key         text,           -- HMAC of the sender's address (web only): rate limits without the address
  intake_by          integer references app_user(id),
  created_at         timestamptz not null,
  check ((status = 'merged') = (merged_into is not null)),
  check ((status = 'answered') = (answered_at is not null)),
  check (merged_into is null or merged_into <> id),
  check (channel = 'web' or intake_by is not null)
);
create index feedback_body_idx on feedback(body_id, status);
create index feedback_office_idx on feedback(office_body_id, status);
create index feedback_client_idx on feedback(client_key, created_at);

-- Files attached to a submission, checked by content (adjustments/attachments.ts) before storing.
create table feedback_attachment (
  id            integer generated always as identity primary key,
  feedback_id   integer not null references feedback(id),
  filename      text not null,
  media_type    text not null,
  size          integer not null,
  sm3           text not null,
  content       bytea not null,
  created_at    timestamptz not null
);
create index feedback_attachment_feedback_idx on feedback_attachment(feedback_id);
