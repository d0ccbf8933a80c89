-- 0006: the search filters become terms of the gram index (0003). With level, body and
-- category as index terms ('l:2', 'b:123', 'c:XK' — at least three characters, so never equal
-- to a 1–2 character query gram), a filtered query is one GIN intersection that never reads the
-- wide power rows it rejects; joining through body/region instead read every power of the
-- level before filtering (seconds at a million powers).
-- A body's level is its region's, read when the row is inserted (rows are immutable, §13).

create or replace function power_search_fill() returns trigger language plpgsql as $$
declare
  s text := qz_search_short(new.name, new.code, new.legal_bases);
  lvl integer;
begin
  select r.level into lvl from body b join region r on r.code = b.region_code where b.id = new.body_id;
  new.search_grams := qz_search_grams(s) || array['b:' || new.body_id, 'c:' || new.category, 'l:' || coalesce(lvl, 0)];
  new.search_text := concat_ws(E'\n', s, nullif(qz_search_basis_text(new.legal_bases), ''));
  return new;
end $$;

-- rows inserted before this migration: derived search columns only, content unchanged
alter table power disable trigger power_immutable;
update power p set search_grams = p.search_grams || array['b:' || p.body_id, 'c:' || p.category, 'l:' || coalesce(
  (select r.level from body b join region r on r.code = b.region_code where b.id = p.body_id), 0)]
where not p.search_grams @> array['b:' || p.body_id];
alter table power enable trigger power_immutable;
