-- 0011: the working-day calendar cannot be broken by one call (issue 9.2). The shipped years
-- (chinese-days) are read-only; a row of calendar_year is an overlay on them: a year added, or a
-- shipped year corrected, by a system administrator with a reason, after a preview of the open
-- deadlines it moves, and removable again (back to the shipped data). The audit trail keeps the
-- before and after of every change. Rows entered before this migration have no recorded reason.
alter table calendar_year add column reason text not null default '';
