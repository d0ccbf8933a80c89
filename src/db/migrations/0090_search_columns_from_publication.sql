-- 0090 (issue 15.2): the publication computes search_text and search_grams in the application
-- (src/core/search/columns.ts, equal to this trigger's result: src/modules/search/columns.test.ts)
-- and inserts them with the row. The trigger cost about 0.65 ms a row (15 s of a 100,000-row
-- list); it now fires only for a row inserted without them (still at the column defaults '' and
-- '{}'), so any other writer still gets correct columns. A search_text is never '' for a real
-- row: it always holds the power's name and code.
drop trigger power_search_fill on power;
create trigger power_search_fill before insert on power for each row
  when (coalesce(new.search_text, '') = '' or coalesce(cardinality(new.search_grams), 0) = 0)
  execute function power_search_fill();
