-- 0086: §13.3 an entrustment may name an organisation outside the body register (0085) instead of
-- a receiving body, so only a 下放 must name its receiving body (0004's check asked it of both).
do $$
declare c text;
begin
  for c in
    select conname from pg_constraint
    where conrelid = 'adjustment'::regclass and contype = 'c'
      and pg_get_constraintdef(oid) like '%receiving_body_id IS NOT NULL%'
  loop
    execute format('alter table adjustment drop constraint %I', c);
  end loop;
end $$;
alter table adjustment add constraint adjustment_receiving_body_check
  check (kind <> 'delegate' or receiving_body_id is not null or status = 'due');
