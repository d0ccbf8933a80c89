-- 0014: the audit chain is keyed (HMAC-SM3 with a key the database does not hold) and
-- anchored outside the database (等保2.0 安全审计: protect audit records from deletion,
-- modification and overwriting).
--
-- chain_version 1: digest = SM3(prev + canonical row), the unkeyed chain of 0001. Rows
-- written before this migration keep it and keep verifying as such.
-- chain_version 2: digest = HMAC-SM3(key, prev + canonical row). The application writes it
-- explicitly (no default); its first version-2 row after version-1 rows is the marker event
-- 'audit.chainKeyed', whose MAC covers the last unkeyed digest and so seals the old rows.
alter table audit_event add column chain_version smallint not null default 1
  check (chain_version in (1, 2));
alter table audit_event alter column chain_version drop default;

-- The head of the chain as published once a day on the portal (/audit-anchor). The auditor's
-- anchor file outside the database is the authoritative copy; this table is what the public
-- sees. mac = HMAC-SM3(key, the other fields), so a rewritten row here is detected too.
create table audit_anchor (
  day          date primary key,
  at           timestamptz not null,
  head_seq     bigint not null,
  row_count    bigint not null,
  head_digest  text not null,
  key_id       text not null,
  mac          text not null
);
create trigger audit_anchor_no_update before update or delete on audit_anchor
  for each row execute function audit_event_append_only();
