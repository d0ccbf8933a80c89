-- 0004: dynamic adjustment (regulation §9–§13; spec §3–§5): the rulebook in force, the
-- working-day calendar's admin-entered years, applications with their affected powers and
-- step records, consultations (their comments come in 0005), attachments, 集中调整 batches,
-- law-change triggers, and each user's in-app inbox.

-- The installation's rulebook: append-only, the newest row is in force. An application keeps
-- the rulebook it was created under (adjustment.rulebook_id), so a switch affects new ones only.
create table rulebook_selection (
  id           integer generated always as identity primary key,
  rulebook_id  text not null,
  selected_at  timestamptz not null,
  selected_by  integer not null references app_user(id),
  note         text
);

-- Spec §5: a year's State Council holiday notice as entered by an administrator; it replaces
-- the shipped (chinese-days) data for that year. Dates are 'YYYY-MM-DD' strings.
create table calendar_year (
  year             integer primary key check (year between 1900 and 9999),
  holidays         jsonb not null default '[]',
  makeup_workdays  jsonb not null default '[]',
  source           text not null,
  entered_by       integer not null references app_user(id),
  entered_at       timestamptz not null
);

-- §10.1, §11.1: a law, regulation or rule was issued, revised or repealed on change_date (the
-- 事由发生之日 of the due adjustments it opens), recorded by the office of region_code.
create table law_change (
  id                 integer generated always as identity primary key,
  legal_document_id  integer not null references legal_document(id),
  change_kind        text not null check (change_kind in ('issued', 'revised', 'repealed')),
  change_date        date not null,
  region_code        text not null references region(code),
  note               text not null default '',
  recorded_by        integer not null references app_user(id),
  recorded_at        timestamptz not null
);

-- 2025 rulebook: 集中调整 groups many applications of one level.
create table adjustment_batch (
  id           integer generated always as identity primary key,
  region_code  text not null references region(code),
  title        text not null,
  rulebook_id  text not null,
  created_by   integer not null references app_user(id),
  created_at   timestamptz not null
);

-- One application (§13.1). status: due (opened by a law change, not yet drafted), open (in
-- its procedure), withdrawn, rejected, done. The procedure is the rulebook's: completed_steps
-- are the steps done in the current round (a return starts a new round), open_steps what is
-- waiting now (derived from the rulebook, stored for inbox and list queries).
create table adjustment (
  id                           integer generated always as identity primary key,
  body_id                      integer not null references body(id),
  kind                         text not null check (kind in ('add', 'cancel', 'delegate', 'modify', 'merge', 'split', 'entrust')),
  status                       text not null check (status in ('due', 'open', 'withdrawn', 'rejected', 'done')),
  rulebook_id                  text not null,
  round                        integer not null default 1,
  completed_steps              jsonb not null default '[]',
  open_steps                   jsonb not null default '[]',
  title                        text not null,
  trigger_kind                 text not null,
  trigger_date                 date not null,
  filing_due                   date not null,            -- §12: 15 working days after trigger_date
  filing_due_provisional       boolean not null default false,
  reason                       text not null default '',
  legal_basis                  text not null default '',
  takeover                     text not null default '',  -- 下级承接情况 (§13.1)
  special_notes                text not null default '',
  receiving_body_id            integer references body(id),
  base_version                 integer,                   -- the body's list version the proposal was made against
  batch_id                     integer references adjustment_batch(id),
  law_change_id                integer references law_change(id),
  late                         boolean not null default false,  -- 迟报: first filed after filing_due
  missing_at                   timestamptz,                     -- 漏报: the sweep found it unfiled past filing_due
  first_submitted_at           timestamptz,
  submitted_at                 timestamptz,               -- this round's submission (clock 'submitted')
  normative_document_number    text,
  approved_at                  timestamptz,
  published_at                 timestamptz,
  published_version            integer,
  receiving_published_version  integer,
  closed_reason                text,
  closed_at                    timestamptz,
  created_by                   integer references app_user(id),  -- null when opened by a law change
  created_at                   timestamptz not null,
  updated_at                   timestamptz not null,
  check (kind not in ('delegate', 'entrust') or receiving_body_id is not null or status = 'due')
);
create index adjustment_body_idx on adjustment(body_id, status);
create index adjustment_status_idx on adjustment(status) where status in ('due', 'open');
create unique index adjustment_law_change_idx on adjustment(law_change_id, body_id) where law_change_id is not null;

-- The affected powers: target_code names a power of the body's published list (null for a new
-- power); base is that power as published in the base version; proposed the full new values
-- (null when only the status changes, e.g. cancel). result_code: the code it got at publication.
create table adjustment_item (
  id             integer generated always as identity primary key,
  adjustment_id  integer not null references adjustment(id),
  ord            integer not null,
  target_code    text,
  base           jsonb,
  proposed       jsonb,
  result_code    text,
  unique (adjustment_id, ord)
);
create index adjustment_item_target_idx on adjustment_item(target_code) where target_code is not null;

-- Every action on an application, in order: the history that survives returns and withdrawals,
-- and the on-time record per step for the yearly report.
create table adjustment_step_record (
  id             integer generated always as identity primary key,
  adjustment_id  integer not null references adjustment(id),
  round          integer not null,
  step           text,                 -- null for actions on the whole application (withdraw, rebase …)
  action         text not null,        -- start, complete, return, reject, withdraw, openConsultation, rebase
  reason         text,
  data           jsonb,
  actor_id       integer references app_user(id),
  actor_role     text,
  at             timestamptz not null,
  due_on         date,                 -- the step's deadline when it was acted on
  on_time        boolean
);
create index adjustment_step_record_adj_idx on adjustment_step_record(adjustment_id);

-- §12: public consultation on the portal (at least the rulebook's minimum). One per round;
-- the consultations module (0005) adds comments and dispositions against consultation.id.
create table consultation (
  id             integer generated always as identity primary key,
  adjustment_id  integer not null references adjustment(id),
  round          integer not null,
  opens_on       date not null,
  closes_on      date not null,      -- the last day comments are taken
  status         text not null check (status in ('open', 'closed', 'cancelled')),
  opened_at      timestamptz not null,
  opened_by      integer not null references app_user(id),
  closed_at      timestamptz,
  closed_by      integer references app_user(id),
  check (closes_on >= opens_on),
  unique (adjustment_id, round)
);
create index consultation_dates_idx on consultation(status, opens_on, closes_on);

-- §13.1 附相关依据: files kept in the database with their type, size and SM3 digest.
create table adjustment_attachment (
  id             integer generated always as identity primary key,
  adjustment_id  integer not null references adjustment(id),
  filename       text not null,
  media_type     text not null,
  size_bytes     integer not null check (size_bytes > 0),
  sm3            text not null,
  content        bytea not null,
  uploaded_by    integer not null references app_user(id),
  uploaded_at    timestamptz not null
);
create index adjustment_attachment_adj_idx on adjustment_attachment(adjustment_id);

-- Each user's in-app inbox. dedupe_key makes every notice idempotent: the daily sweep can run
-- twice and a transition can be retried without a second copy.
create table inbox_item (
  id             integer generated always as identity primary key,
  user_id        integer not null references app_user(id) on delete cascade,
  kind           text not null check (kind in ('task', 'reminder', 'overdue', 'missing', 'notice')),
  adjustment_id  integer references adjustment(id),
  step           text,
  title          text not null,
  body           text not null default '',
  due_on         date,
  dedupe_key     text not null,
  created_at     timestamptz not null,
  read_at        timestamptz,
  unique (user_id, dedupe_key)
);
create index inbox_item_user_idx on inbox_item(user_id, read_at);
