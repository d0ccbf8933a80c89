-- 0085: entrustment by law, the rest of §13.3 (issue 13.3).
-- 委托行政机关或者具有管理公共事务职能的组织: the entrusted party is a body of the register
-- (adjustment.receiving_body_id) or an organisation outside it, named here with its 统一社会信用代码
-- and the public-affairs function that makes it fit to be entrusted.
alter table delegation_entrustment
  add column organisation_name text check (organisation_name is null or length(organisation_name) between 2 and 100);
alter table delegation_entrustment
  add column organisation_credit_code text
    check (organisation_credit_code is null or organisation_credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$');
alter table delegation_entrustment
  add column organisation_function text check (organisation_function is null or length(organisation_function) between 1 and 500);

-- 向社会公告，同时向本级协调小组办公室报备: the announcement as published (the party and the powers,
-- fixed when published) is the filing too; the office acknowledges it.
create table delegation_announcement (
  adjustment_id        integer primary key references adjustment(id),
  body_id              integer not null references body(id),
  party_name           text not null,
  party_kind           text not null check (party_kind in ('body', 'organisation')),
  -- [{ code, name, category }]
  powers               jsonb not null,
  basis                text not null,
  decision             text,
  announced_on         date not null,
  announced_by         integer not null references app_user(id),
  announced_at         timestamptz not null,
  acknowledged_by      integer references app_user(id),
  acknowledged_at      timestamptz,
  acknowledgement_note text
);
create index delegation_announcement_body_idx on delegation_announcement(body_id);

-- 对受委托主体行使的行政权力进行指导和监督: the entrusting body's record of guidance and inspections.
create table delegation_supervision (
  id                      integer generated always as identity primary key,
  adjustment_id           integer not null references adjustment(id),
  kind                    text not null check (kind in ('guidance', 'inspection')),
  held_on                 date not null,
  summary                 text not null check (length(summary) between 1 and 2000),
  problems                text not null default '',
  recorded_by             integer not null references app_user(id),
  recorded_at             timestamptz not null
);
create index delegation_supervision_adjustment_idx on delegation_supervision(adjustment_id);
