-- Supervision (§14 ¶2, §16, §17; issue 12 item 2): each body's 牵头机构, findings (问题线索),
-- rectification orders (督促整改) with the body's report and evidence, and 通报批评.

-- §14 ¶2: 各部门应当……明确本部门权责清单动态调整工作牵头机构. A body-level fact: one row per body,
-- replaced when the body designates another unit (the audit trail keeps the history).
create table body_lead_unit (
  body_id         integer primary key references body(id),
  unit_name       text not null check (length(unit_name) between 1 and 100),
  contact_person  text,
  designated_at   timestamptz not null,
  designated_by   integer not null references app_user(id)
);

-- A finding (督查发现/问题线索): one fact about one body. source_key is the fact's identity for
-- findings opened by the platform (the sweep, a complaint found true): the unique index makes
-- opening them idempotent, so the sweep run twice opens each 迟报/缓报/漏报 exactly once.
create table finding (
  id              integer generated always as identity primary key,
  body_id         integer not null references body(id),
  kind            text not null check (kind in ('late', 'delayed', 'missing', 'unauthorisedChange',
                    'unlistedExercise', 'disguisedRetention', 'delegationObligation', 'noLeadUnit')),
  source          text not null check (source in ('sweep', 'office', 'feedback')),
  source_key      text,
  adjustment_id   integer references adjustment(id),
  feedback_id     integer,
  power_code      text,
  description     text not null check (length(description) between 1 and 2000),
  fact_date       date,
  status          text not null default 'open'
                    check (status in ('open', 'rectifying', 'rectified', 'escalated', 'dismissed')),
  opened_at       timestamptz not null,
  opened_by       integer references app_user(id),
  closed_at       timestamptz,
  closed_by       integer references app_user(id),
  close_reason    text
);
create unique index finding_source_key_idx on finding(source_key) where source_key is not null;
create index finding_body_idx on finding(body_id, status);

-- §16 督促整改 / §17 责令整改: the office's order with its requirement and its rulebook deadline;
-- the body reports once (report_text, evidence below), the office accepts or rejects. A rejected
-- or missed order escalates its finding to 通报批评.
create table rectification_order (
  id              integer generated always as identity primary key,
  finding_id      integer not null references finding(id),
  body_id         integer not null references body(id),
  requirement     text not null check (length(requirement) between 1 and 2000),
  due_on          date not null,
  due_provisional boolean not null default false,
  due_citation    text not null,
  status          text not null default 'issued'
                    check (status in ('issued', 'reported', 'accepted', 'rejected', 'missed')),
  issued_at       timestamptz not null,
  issued_by       integer not null references app_user(id),
  report_text     text,
  reported_at     timestamptz,
  reported_by     integer references app_user(id),
  decided_at      timestamptz,
  decided_by      integer references app_user(id),
  decision_note   text
);
-- one order at a time per finding: a second is refused while one is still running
create unique index rectification_order_running_idx on rectification_order(finding_id)
  where status in ('issued', 'reported');
create index rectification_order_body_idx on rectification_order(body_id, status);

-- The body's evidence (整改佐证材料), checked by content like an application's attachments.
create table rectification_evidence (
  id              integer generated always as identity primary key,
  order_id        integer not null references rectification_order(id),
  filename        text not null,
  media_type      text not null,
  size_bytes      integer not null check (size_bytes > 0),
  sm3             text not null,
  content         bytea not null,
  uploaded_by     integer not null references app_user(id),
  uploaded_at     timestamptz not null
);
create index rectification_evidence_order_idx on rectification_evidence(order_id);

-- §16: 对不按要求整改的，由协调小组办公室对其进行通报批评. Drafted, approved by another office user
-- (nobody approves their own), then published on the portal. One per finding.
create table public_reprimand (
  id              integer generated always as identity primary key,
  finding_id      integer not null unique references finding(id),
  body_id         integer not null references body(id),
  title           text not null check (length(title) between 1 and 200),
  text            text not null check (length(text) between 1 and 5000),
  status          text not null default 'draft' check (status in ('draft', 'approved', 'published')),
  drafted_at      timestamptz not null,
  drafted_by      integer not null references app_user(id),
  approved_at     timestamptz,
  approved_by     integer references app_user(id),
  published_at    timestamptz,
  published_by    integer references app_user(id),
  check (approved_by is null or approved_by <> drafted_by)
);
create index public_reprimand_published_idx on public_reprimand(published_at) where status = 'published';
