-- Issue 14.3 (§15 ¶2 畅通信息公开渠道): open data that others build on. A consumer registered by the
-- office or the system administrator receives signed webhooks of every publication; deliveries
-- are queued rows the scheduled sweep sends, retried with a growing pause, and every attempt is
-- kept for the delivery log.
create table webhook_consumer (
  id integer generated always as identity primary key,
  name text not null check (length(name) between 1 and 100),
  url text not null check (url ~ '^https?://'),
  -- the HMAC-SHA256 key, shown to the administrator once at registration (the sender needs it)
  secret text not null,
  events text[] not null check (cardinality(events) > 0),
  -- null: every level of the city; else 1 市本级, 2 旗县区, 3 苏木乡镇（街道）
  region_level smallint check (region_level between 1 and 3),
  active boolean not null default true,
  created_by integer not null references app_user (id),
  created_at timestamptz not null,
  disabled_at timestamptz
);

create table webhook_delivery (
  id integer generated always as identity primary key,
  consumer_id integer not null references webhook_consumer (id),
  event text not null,
  -- the publication announced (list.published); null for a test ping
  version_id integer references power_list_version (id),
  status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
  attempts int not null default 0,
  next_attempt_at timestamptz not null,
  last_status int,
  last_error text,
  created_at timestamptz not null,
  delivered_at timestamptz,
  unique (consumer_id, event, version_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'pending';
create index webhook_delivery_consumer on webhook_delivery (consumer_id, id desc);

create table webhook_attempt (
  id integer generated always as identity primary key,
  delivery_id integer not null references webhook_delivery (id),
  at timestamptz not null,
  -- the receiver's HTTP status; null when no answer came (refused, timed out, address not allowed)
  status_code int,
  error text,
  duration_ms int not null
);
create index webhook_attempt_delivery on webhook_attempt (delivery_id, id);
