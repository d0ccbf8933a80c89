-- Issue 14.4 (§15 ¶3): 权责清单发布网站遭非法入侵、篡改、内容异常等突发情况时，协调小组办公室应暂时关闭网站.
-- The portal's closures live in the database so that every server instance agrees: a row per
-- closing, open while reopened_at is null (at most one open at a time). The monitor closes with
-- closed_by null; only the office reopens, with its reason.
create table portal_closure (
  id integer generated always as identity primary key,
  closed_at timestamptz not null,
  closed_by integer references app_user (id),
  source text not null check (source in ('monitor', 'office')),
  reason text not null check (length(reason) between 1 and 2000),
  reopened_at timestamptz,
  reopened_by integer references app_user (id),
  reopen_reason text check (reopen_reason is null or length(reopen_reason) between 1 and 2000),
  check ((reopened_at is null) = (reopened_by is null) and (reopened_at is null) = (reopen_reason is null)),
  check (source = 'monitor' or closed_by is not null)
);
create unique index portal_closure_one_open on portal_closure ((true)) where reopened_at is null;

-- Each run of the integrity monitor: what it compared and what differed (mismatches: one object
-- per finding, {bodyId, bodyName, version, what, expected, found}).
create table integrity_check (
  id integer generated always as identity primary key,
  at timestamptz not null,
  trigger text not null check (trigger in ('schedule', 'command', 'office')),
  ok boolean not null,
  bodies integer not null,
  resources integer not null,
  served boolean not null,
  mismatches jsonb not null default '[]',
  duration_ms integer not null
);
create index integrity_check_at on integrity_check (at desc);
