-- §13.1, §13.5 (issue 14.1): exchange with the 自治区事项管理平台 (regionalPlatform).
-- What item platforms carry that the register (§6) does not: a body's 统一社会信用代码 and a
-- power's 法定期限 / 承诺期限 (办事指南 facts, not list elements). Kept beside the register, keyed
-- as the register keys them, so published rows stay immutable.
create table regional_body_code (
  body_id      integer primary key references body(id),
  -- GB 32100-2015: 18 characters, no I, O, S, V, Z; the check character is verified in code
  credit_code  text not null check (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
  updated_at   timestamptz not null,
  updated_by   integer references app_user(id)
);

create table power_time_limit (
  body_id          integer not null references body(id),
  code             text not null,
  legal_amount     integer check (legal_amount > 0),
  legal_unit       text check (legal_unit in ('workday', 'day')),
  promised_amount  integer check (promised_amount > 0),
  promised_unit    text check (promised_unit in ('workday', 'day')),
  updated_at       timestamptz not null,
  updated_by       integer references app_user(id),
  primary key (body_id, code),
  check ((legal_amount is null) = (legal_unit is null)),
  check ((promised_amount is null) = (promised_unit is null))
);

-- One import of the other side's export, compared with our published lists of a body or a level.
create table regional_reconciliation (
  id            integer generated always as identity primary key,
  scope         text not null check (scope in ('body', 'level')),
  body_id       integer references body(id),
  region_code   text not null references region(code),
  file_name     text not null,
  file_sha256   text not null,
  file_format   text not null check (file_format in ('json', 'xlsx')),
  -- our side as compared: { "bodyId": version } of every body in scope with a published list
  versions      jsonb not null,
  our_count     integer not null,
  their_count   integer not null,
  diff_count    integer not null,
  created_by    integer not null references app_user(id),
  created_at    timestamptz not null,
  check ((scope = 'body') = (body_id is not null))
);
create index regional_reconciliation_body_idx on regional_reconciliation(body_id, created_at);
create index regional_reconciliation_region_idx on regional_reconciliation(region_code, created_at);

-- Every difference found: a power missing on one side, a field that differs, a status that disagrees.
create table regional_reconciliation_diff (
  id                 bigint generated always as identity primary key,
  reconciliation_id  integer not null references regional_reconciliation(id),
  body_id            integer references body(id),
  code               text not null,
  name               text not null,
  kind               text not null check (kind in ('missingThere', 'missingHere', 'field', 'status')),
  field              text,
  ours               text,
  theirs             text
);
create index regional_reconciliation_diff_idx on regional_reconciliation_diff(reconciliation_id, body_id, id);
create index regional_reconciliation_diff_code_idx on regional_reconciliation_diff(reconciliation_id, code);

-- §13.1: the platform-update step of an application rests on a reconciliation that shows its changes there.
create table regional_platform_sync (
  adjustment_id      integer primary key references adjustment(id),
  reconciliation_id  integer not null references regional_reconciliation(id),
  attached_by        integer not null references app_user(id),
  attached_at        timestamptz not null
);
