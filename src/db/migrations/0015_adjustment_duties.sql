-- 0015: §6 ¶2 职责 through an application (issue 9.4). Each entry adds, changes or removes one
-- duty of the body's published list: { op, base (the duty as published, null for an addition),
-- proposed (null for a removal) }. Published with the application's new list version.
alter table adjustment add column duty_items jsonb not null default '[]';
