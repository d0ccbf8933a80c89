-- 0012: §8 exclusion screening of adjustment items (issue 9.4). An 增加, or a 修改 that renames a
-- power, is screened like a first compilation: the flags are stored with the item, and the
-- coordination office's decision to keep the item (a note, who, when) beside them.
alter table adjustment_item add column exclusion_flags jsonb not null default '[]';
alter table adjustment_item add column exclusion_override jsonb;
