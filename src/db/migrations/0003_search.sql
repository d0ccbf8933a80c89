-- 0003: public search over the published (current) powers (issue 3 item 8; spec §2).
--
-- Two paths, both computed once when a power row is inserted (rows are immutable, §13):
--   search_grams  every 1- and 2-character gram of the short fields (name, code, the cited
--                 documents' names): a GIN index answers 1–2 character queries exactly, which
--                 pg_trgm cannot (it needs three characters);
--   search_text   the short fields plus the cited article texts: a pg_trgm GIN index answers
--                 queries of 3+ characters with LIKE '%…%'.
-- Both are normalised the same way as the query (NFKC, ASCII lower case; see query.ts).
-- Not generated columns: a BEFORE UPDATE trigger sees generated columns as null, which the
-- immutability trigger of 0002 would take for a change when a row is closed.

create function qz_search_norm(t text) returns text language sql immutable parallel safe
  as $$ select lower(normalize(coalesce(t, ''), NFKC) collate "C") $$;

-- the short fields, one per line (a gram never spans two fields)
create function qz_search_short(name text, code text, bases jsonb) returns text language sql immutable parallel safe as $$
  select qz_search_norm(concat_ws(E'\n', name, code, (
    select string_agg(e->>'documentName', E'\n')
    from jsonb_array_elements(case when jsonb_typeof(bases) = 'array' then bases else '[]'::jsonb end) e)))
$$;

create function qz_search_basis_text(bases jsonb) returns text language sql immutable parallel safe as $$
  select qz_search_norm((
    select string_agg(e->>'text', E'\n')
    from jsonb_array_elements(case when jsonb_typeof(bases) = 'array' then bases else '[]'::jsonb end) e))
$$;

-- distinct 1- and 2-character grams, none containing white space
create function qz_search_grams(t text) returns text[] language sql immutable parallel safe as $$
  select coalesce(array_agg(distinct g), '{}') from (
    select substr(t, i, 1) as g from generate_series(1, length(t)) i
    union all
    select substr(t, i, 2) from generate_series(1, length(t) - 1) i
  ) x where g !~ '\s'
$$;

alter table power add column search_text text not null default '';
alter table power add column search_grams text[] not null default '{}';

create function power_search_fill() returns trigger language plpgsql as $$
declare
  s text := qz_search_short(new.name, new.code, new.legal_bases);
begin
  new.search_grams := qz_search_grams(s);
  new.search_text := concat_ws(E'\n', s, nullif(qz_search_basis_text(new.legal_bases), ''));
  return new;
end $$;
create trigger power_search_fill before insert on power for each row execute function power_search_fill();

-- rows published before this migration: the one sanctioned rewrite of published rows, adding
-- derived search columns only (content unchanged)
alter table power disable trigger power_immutable;
update power set
  search_grams = qz_search_grams(qz_search_short(name, code, legal_bases)),
  search_text = concat_ws(E'\n', qz_search_short(name, code, legal_bases), nullif(qz_search_basis_text(legal_bases), ''));
alter table power enable trigger power_immutable;

create index power_search_grams_idx on power using gin (search_grams) where valid_to is null;
create index power_search_text_idx on power using gin (search_text gin_trgm_ops) where valid_to is null;
-- frequent terms: walk current powers in result order and stop after one page
create index power_current_order_idx on power (id) where valid_to is null;
create index power_current_category_idx on power (category, id) where valid_to is null;
-- more common grams in the statistics, so the planner knows a frequent gram from a rare one
alter table power alter column search_grams set statistics 1000;
