-- 0009: a body's first current power, found by index: the search probe (search.plan.ts) reads
-- current powers in id order from the first one of the body or level filtered on, since a
-- body's powers lie together in id order (0.1 ms a body instead of reading its rows).
create index power_current_body_idx on power (body_id, id) where valid_to is null;
