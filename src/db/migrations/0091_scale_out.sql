-- 0091 (issue 15.1): state several stateless application instances share through the database.
-- Sessions and their CSRF tokens already live in `session` (0001); these two tables hold the rest.

-- The scheduled work (the hourly deadline sweep and its listeners: notices, webhooks) runs once
-- per slot across every instance: an instance runs it only if its insert of (job, slot) wins.
-- A crash after the claim loses that hour's run, not its work: the sweep is idempotent and the
-- next hour's run catches up.
create table scheduled_run (
  job        text not null,
  slot       text not null,
  instance   text not null,
  claimed_at timestamptz not null default now(),
  finished_at timestamptz,
  primary key (job, slot)
);

-- @fastify/rate-limit's counters (the login limit, feedback, downloads), one row per route and
-- client key, a fixed window on the database's clock so every instance counts the same hits.
create table rate_limit_hit (
  route        text not null,
  key          text not null,
  hits         integer not null,
  window_start timestamptz not null,
  primary key (route, key)
);
