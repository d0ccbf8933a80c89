-- 0007: one index for every search term. search_grams now holds the 1- and 2-character grams
-- of the whole search_text (name, code, cited documents' names AND the cited article texts)
-- plus the filter terms of 0006. A query of any length is then one GIN containment: 1–2
-- character terms by their gram, longer terms by their bigrams (then LIKE on search_text
-- confirms the order), filters by their terms. With a separate pg_trgm index the planner
-- used one index and fetched every row the other would have excluded (tens of thousands of
-- wide rows for a common term in one category); a single intersection fetches only matches.
-- The pg_trgm index is dropped: nothing queries it any more.

create or replace function power_search_fill() returns trigger language plpgsql as $$
declare
  s text := qz_search_short(new.name, new.code, new.legal_bases);
  lvl integer;
begin
  select r.level into lvl from body b join region r on r.code = b.region_code where b.id = new.body_id;
  new.search_text := concat_ws(E'\n', s, nullif(qz_search_basis_text(new.legal_bases), ''));
  new.search_grams := qz_search_grams(new.search_text) || array['b:' || new.body_id, 'c:' || new.category, 'l:' || coalesce(lvl, 0)];
  return new;
end $$;

drop index if exists power_search_text_idx;

-- rows inserted before this migration: derived search columns only, content unchanged
alter table power disable trigger power_immutable;
update power p set search_grams = qz_search_grams(p.search_text) || array['b:' || p.body_id, 'c:' || p.category, 'l:' || coalesce(
  (select r.level from body b join region r on r.code = b.region_code where b.id = p.body_id), 0)];
alter table power enable trigger power_immutable;
