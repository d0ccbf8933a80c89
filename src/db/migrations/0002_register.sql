-- 0002: the register (spec §2; regulation §6–§8): legal documents, issued codes, published
-- list versions with their powers and duties, and first-compilation drafts with reviews.

-- §7: one record per law, regulation or rule, cited by many powers
create table legal_document (
  id                  integer generated always as identity primary key,
  key                 text not null unique,     -- the title without 《》, normalised
  name                text not null,            -- 《…》 as published
  level               text not null,            -- 法律, 行政法规, 国务院决定, 地方性法规, 自治区政府规章, 市政府规章, 临时性行政许可 …
  issuing_body        text,
  document_number     text,                     -- 文号, e.g. 国务院令第412号
  latest_version_date date,
  effective_date      date,
  expiry_date         date,                     -- §7: a 临时性行政许可 lapses after one year
  status              text not null default 'in_force' check (status in ('in_force', 'repealed')),
  created_at          timestamptz not null default now()
);

-- §6 code scheme: every code ever issued, so none is reused after cancellation
create table power_code (
  code       text primary key,
  body_id    integer not null references body(id),
  issued_at  timestamptz not null default now()
);
create index power_code_body_idx on power_code(body_id);

-- each publication of a body's list: immutable, numbered, with an SM3 digest of its content
create table power_list_version (
  id            integer generated always as identity primary key,
  body_id       integer not null references body(id),
  version       integer not null check (version > 0),
  published_at  timestamptz not null,
  effective_date date not null,                 -- the Beijing date from which this version is the list
  digest        text not null,
  power_count   integer not null,
  source_type   text not null check (source_type in ('compilation', 'adjustment')),
  source_id     integer,
  rulebook_id   text not null,
  published_by  integer references app_user(id),
  note          text,
  unique (body_id, version)
);

-- Power rows are temporal: a row is part of versions valid_from ≤ v < valid_to (valid_to null =
-- still current). A new version closes the rows it changes and adds new ones; unchanged rows
-- are shared by both versions.
create table power (
  id                    integer generated always as identity primary key,
  body_id               integer not null references body(id),
  code                  text not null,
  parent_code           text,
  name                  text not null,
  category              text not null,
  responsible_subject   text not null,
  implementing_agency   text not null,
  legal_bases           jsonb not null default '[]',
  responsibilities      jsonb not null default '[]',
  accountability_cases  jsonb not null default '[]',
  accountability_basis  text not null default '',
  remarks               text not null default '',
  status                text not null default 'active' check (status in ('active', 'cancelled', 'delegated', 'entrusted', 'merged')),
  predecessor_codes     jsonb not null default '[]',
  links                 jsonb not null default '[]',  -- §13.5 delegation links, both ways: [{direction, bodyId, code}]
  ord                   integer not null default 0,
  valid_from            integer not null,
  valid_to              integer,
  check (valid_to is null or valid_to > valid_from)
);
create unique index power_current_code_idx on power(body_id, code) where valid_to is null;
create index power_body_range_idx on power(body_id, valid_from, valid_to);
create index power_current_bases_idx on power using gin (legal_bases jsonb_path_ops) where valid_to is null;

create table duty (
  id          integer generated always as identity primary key,
  body_id     integer not null references body(id),
  name        text not null,
  content     text not null default '',
  ord         integer not null default 0,
  valid_from  integer not null,
  valid_to    integer
);
create index duty_body_range_idx on duty(body_id, valid_from, valid_to);

-- §13 未经批准不得擅自调整: a published row never changes; the only write allowed is closing
-- it once (valid_to from null to a later version).
create function published_row_immutable() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception '已公布的权责清单内容不可删除';
  end if;
  if old.valid_to is not null or new.valid_to is null
     or (to_jsonb(new) - 'valid_to') is distinct from (to_jsonb(old) - 'valid_to') then
    raise exception '已公布的权责清单内容不可修改，只能通过经批准的调整形成新版本';
  end if;
  return new;
end $$;
create trigger power_immutable before update or delete on power for each row execute function published_row_immutable();
create trigger duty_immutable before update or delete on duty for each row execute function published_row_immutable();
create trigger version_immutable before update or delete on power_list_version for each row execute function audit_event_append_only();

-- 编制公布 (§2, §4, §12): a body's first list, drafted, submitted and reviewed before version 1
create table list_draft (
  id                    integer generated always as identity primary key,
  body_id               integer not null references body(id),
  status                text not null check (status in ('drafting', 'submitted', 'returned', 'reviewed', 'published', 'withdrawn')),
  rulebook_id           text not null,
  created_by            integer not null references app_user(id),
  created_at            timestamptz not null,
  updated_at            timestamptz not null,
  submitted_by          integer references app_user(id),
  submitted_at          timestamptz,
  preliminary_passed_at timestamptz,
  legality_passed_at    timestamptz,
  published_version     integer
);
create unique index list_draft_open_idx on list_draft(body_id) where status in ('drafting', 'submitted', 'returned', 'reviewed');

create table draft_power (
  id                    integer generated always as identity primary key,
  draft_id              integer not null references list_draft(id) on delete cascade,
  code                  text not null,
  parent_code           text,
  name                  text not null,
  category              text not null,
  responsible_subject   text not null,
  implementing_agency   text not null,
  legal_bases           jsonb not null default '[]',
  responsibilities      jsonb not null default '[]',
  accountability_cases  jsonb not null default '[]',
  accountability_basis  text not null default '',
  remarks               text not null default '',
  status                text not null default 'active',
  ord                   integer not null default 0,
  exclusion_flags       jsonb not null default '[]',  -- §8 screening result
  exclusion_override    jsonb,                        -- {note, by, byName, at}: a coordinator's recorded decision
  unique (draft_id, code)
);

create table draft_duty (
  id        integer generated always as identity primary key,
  draft_id  integer not null references list_draft(id) on delete cascade,
  name      text not null,
  content   text not null default '',
  ord       integer not null default 0
);

create table list_review (
  id        integer generated always as identity primary key,
  draft_id  integer not null references list_draft(id) on delete cascade,
  step      text not null check (step in ('submit', 'preliminaryReview', 'legalityReview', 'publish', 'withdraw')),
  decision  text not null check (decision in ('pass', 'return', 'done')),
  reason    text,
  actor_id  integer not null references app_user(id),
  at        timestamptz not null
);
create index list_review_draft_idx on list_review(draft_id);
