-- Least-privilege PostgreSQL roles for the platform (等保2.0 安全审计 / 访问控制; issue 10.3).
--
--   qz_owner  owns the schema and every table; runs the migrations (npm run db:migrate with its
--             URL). Not a superuser.
--   qz_app    what the server connects as: reads and writes rows, nothing else. No TRUNCATE, no
--             DDL (it owns nothing and may not create in the schema), so it cannot disable the
--             append-only triggers; audit_event and audit_anchor are INSERT + SELECT only.
--
-- Run as a superuser (or the database's owner) in the platform's database, once before the
-- first migration and again after every migration (it is idempotent):
--   psql -v ON_ERROR_STOP=1 -d qz -f scripts/db-roles.sql
-- Then give both roles passwords (\password qz_owner, \password qz_app) and start the server
-- with DATABASE_URL=postgres://qz_app:…@host/qz. docs/SECURITY.md describes the whole setup.

do $$
begin
  if not exists (select from pg_roles where rolname = 'qz_owner') then create role qz_owner login; end if;
  if not exists (select from pg_roles where rolname = 'qz_app') then create role qz_app login; end if;
end $$;
alter role qz_owner nosuperuser nocreatedb nocreaterole noreplication nobypassrls;
alter role qz_app nosuperuser nocreatedb nocreaterole noreplication nobypassrls;

-- the database: both may connect; the owner may create the pg_trgm extension (a trusted one)
do $$
begin
  execute format('revoke all on database %I from public', current_database());
  execute format('grant connect on database %I to qz_owner, qz_app', current_database());
  execute format('grant create on database %I to qz_owner', current_database());
end $$;

-- the schema belongs to the owner; the application may only use it, not create in it
alter schema public owner to qz_owner;
revoke all on schema public from public;
grant usage on schema public to qz_app;

-- whatever an earlier setup (or a superuser's migration) created passes to the owner: tables
-- (their identity sequences follow), views and the trigger functions; extension members stay
do $$
declare r record;
begin
  for r in
    select c.oid::regclass as rel, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm')
      and not exists (select from pg_depend d where d.objid = c.oid and d.deptype = 'e')
  loop
    execute format('alter %s %s owner to qz_owner',
      case r.relkind when 'v' then 'view' when 'm' then 'materialized view' else 'table' end, r.rel);
  end loop;
  for r in
    select p.oid::regprocedure as fn from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'public' and not exists (select from pg_depend d where d.objid = p.oid and d.deptype = 'e')
  loop
    execute format('alter function %s owner to qz_owner', r.fn);
  end loop;
end $$;

-- the application's rights: rows only. Never TRUNCATE, REFERENCES or TRIGGER.
revoke all on all tables in schema public from qz_app;
grant select, insert, update, delete on all tables in schema public to qz_app;
grant usage, select on all sequences in schema public to qz_app;
-- tables the owner's later migrations create get the same row rights; re-running this script
-- after a migration applies the exceptions below to them
alter default privileges for role qz_owner in schema public grant select, insert, update, delete on tables to qz_app;
alter default privileges for role qz_owner in schema public grant usage, select on sequences to qz_app;

-- 等保2.0 安全审计: the audit trail and its published anchors are append-only for the application
do $$
begin
  if to_regclass('public.audit_event') is not null then revoke update, delete on public.audit_event from qz_app; end if;
  if to_regclass('public.audit_anchor') is not null then revoke update, delete on public.audit_anchor from qz_app; end if;
  -- the server reads which migrations ran (and refuses to run any itself); only the owner records them
  if to_regclass('public.kysely_migration') is not null then revoke insert, update, delete on public.kysely_migration from qz_app; end if;
  if to_regclass('public.kysely_migration_lock') is not null then revoke insert, update, delete on public.kysely_migration_lock from qz_app; end if;
end $$;
