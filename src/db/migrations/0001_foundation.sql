-- 0001: regions, bodies, accounts, sessions, security policy, audit trail.
-- Frozen once released; later changes go in new numbered files.

create extension if not exists pg_trgm;

-- spec §1: levels 市 / 旗县区 / 苏木乡镇·街道. path = codes from the city down, '/'-joined,
-- so "this region and everything under it" is one prefix match.
create table region (
  code        text primary key,
  name        text not null,
  kind        text not null,            -- 地级市, 市辖区, 县, 旗, 开发区, 街道, 镇, 乡, 苏木 ...
  level       smallint not null check (level in (1, 2, 3)),
  parent_code text references region(code),
  path        text not null unique
);

-- spec §1: 职权行使机构 and the offices of each level.
create table body (
  id          integer generated always as identity primary key,
  region_code text not null references region(code),
  name        text not null,
  short_name  text,
  kind        text not null,            -- 政府工作部门, 保留权责清单的党委部门, 合并设立的部门, 苏木乡镇人民政府, 街道办事处, 人民政府, 协调小组办公室, 法制机构 ...
  office      text check (office in ('government', 'coordination', 'legal')),
  seq         smallint not null,        -- 3-digit body number used in power codes
  created_at  timestamptz not null default now(),
  unique (region_code, name),
  unique (region_code, seq)
);
create index body_region_idx on body(region_code);

create table app_user (
  id             integer generated always as identity primary key,
  username       text not null unique,
  display_name   text not null,
  home_body_id   integer not null references body(id),  -- the body the person works for
  password_hash  text not null,
  failed_logins  integer not null default 0,
  locked_until   timestamptz,
  disabled       boolean not null default false,
  created_at     timestamptz not null default now()
);

-- roles are held per body (spec §1: a person may hold roles in several bodies)
create table user_role (
  user_id  integer not null references app_user(id) on delete cascade,
  body_id  integer not null references body(id),
  role     text not null check (role in ('clerk','leadUnit','coordinator','legalReviewer','approver','sysAdmin','secAdmin','auditor')),
  primary key (user_id, body_id, role)
);
create index user_role_body_idx on user_role(body_id);

create table session (
  id            text primary key,       -- SM3 of the cookie token; the token itself is never stored
  user_id       integer not null references app_user(id) on delete cascade,
  csrf_token    text not null,
  created_at    timestamptz not null,
  last_seen_at  timestamptz not null,
  client_ip     text
);
create index session_user_idx on session(user_id);

-- one row: the password, lockout and session policy the security admin sets
create table security_policy (
  id                       smallint primary key default 1 check (id = 1),
  password_min_length      smallint not null default 8,
  password_min_classes     smallint not null default 3,
  max_failed_logins        smallint not null default 5,
  lockout_minutes          smallint not null default 15,
  session_idle_minutes     smallint not null default 30,
  session_absolute_minutes smallint not null default 480
);
insert into security_policy (id) values (1);

-- Append-only audit trail; each row's digest is SM3 over the previous digest and the row.
create table audit_event (
  seq          bigint generated always as identity primary key,
  at           timestamptz not null,
  actor_id     integer,
  actor_name   text,
  role         text,
  body_id      integer,
  action       text not null,
  object_type  text not null,
  object_id    text,
  before       jsonb,
  after        jsonb,
  client_ip    text,
  prev_digest  text not null,
  digest       text not null
);
create index audit_event_at_idx on audit_event(at);
create index audit_event_actor_idx on audit_event(actor_id);
create index audit_event_action_idx on audit_event(action);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_event is append-only';
end $$;
create trigger audit_event_no_update before update or delete on audit_event
  for each row execute function audit_event_append_only();
