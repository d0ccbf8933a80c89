-- 0060: how powers are exercised (§14 ¶1, §16 ¶2, §17; issue 12 item 4). Exercise records (行使记录:
-- case or 办件 records of the 政务服务 and 执法 systems) are imported, matched against the list in force
-- on their date, and the records that do not fit it become supervision findings.

-- A sending system (政务服务系统, 执法系统 …) and its key for the JSON API. Only the SHA-256 of the key
-- is kept; the key itself is shown once, when an administrator issues it. region_path: the level
-- whose bodies it may report on.
create table exercise_source (
  id          integer generated always as identity primary key,
  name        text not null unique check (length(name) between 1 and 100),
  region_path text not null,
  key_hash    text not null unique,
  key_hint    text not null,                  -- the key's first characters, to tell keys apart
  created_at  timestamptz not null,
  created_by  integer not null references app_user(id),
  revoked_at  timestamptz,
  revoked_by  integer references app_user(id)
);

-- One import: a file (xlsx, csv) uploaded by an office, or one JSON request of a sending system.
-- region_path: the level it was imported for (the uploading office's, or the system's).
create table exercise_import (
  id              integer generated always as identity primary key,
  channel         text not null check (channel in ('xlsx', 'csv', 'api')),
  source_id       integer references exercise_source(id),
  region_path     text not null,
  file_name       text,
  sha256          text not null,
  imported_at     timestamptz not null,
  imported_by     integer references app_user(id),
  record_count    integer not null default 0,
  flagged_count   integer not null default 0,
  finding_count   integer not null default 0,
  check ((channel = 'api') = (source_id is not null))
);
create index exercise_import_region_idx on exercise_import(region_path, id);

-- One exercise record as it came, with what matching found: the list version in force on its date,
-- the power it names there (if any), and its flag:
--   notInList  the body's list in force that day has no such power (§14, §17 超出清单)
--   retired    the power was cancelled, delegated or merged in the list in force (§16 ¶2 变相实施)
--   wrongBody  the power is in another body's list that day, not this body's (§17)
create table exercise_record (
  id            bigint generated always as identity primary key,
  import_id     integer not null references exercise_import(id),
  row_no        integer not null,
  case_ref      text,                          -- 办件编号 / 案件编号 in the sending system
  body_id       integer not null references body(id),
  power_code    text,
  power_name    text,
  exercised_on  date not null,
  outcome       text not null,
  list_version  integer,
  power_id      integer,
  flag          text check (flag in ('notInList', 'retired', 'wrongBody')),
  flag_body_id  integer references body(id),
  finding_id    integer references finding(id),
  check (power_code is not null or power_name is not null)
);
create index exercise_record_import_idx on exercise_record(import_id, flag);
create index exercise_record_finding_idx on exercise_record(finding_id) where finding_id is not null;

-- matching looks powers up by code and by name across every body and version
create index power_code_any_idx on power(code);
create index power_name_any_idx on power(name);

-- findings found from exercise records (one per body, power and flag: source_key exercise:…)
alter table finding drop constraint finding_source_check;
alter table finding add constraint finding_source_check
  check (source in ('sweep', 'office', 'feedback', 'exercise'));
