-- 0016: delegation the receiving body can trust (§13(三)(五), issue 9.6).
-- duplicate_resolution: for a 下放 item whose power has the same name and category as a power
-- already in the receiving body's list, the decision taken in the application —
-- { choice: 'merge' | 'replace' | 'keepBoth', existingCode, reason, byName, at }.
alter table adjustment_item add column duplicate_resolution jsonb;
-- §13.3: an entrustment can be taken back (收回委托) through an application of its own.
alter table adjustment drop constraint adjustment_kind_check;
alter table adjustment add constraint adjustment_kind_check
  check (kind in ('add', 'cancel', 'delegate', 'modify', 'merge', 'split', 'entrust', 'takeBack'));
