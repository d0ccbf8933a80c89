-- Issue 10.5 (QA): a pending change to an administrator whose effect already holds — because the
-- same change, filed twice, was confirmed — is closed as 'superseded' when that one is confirmed.
-- It has no deciding administrator (decided_by stays null); its reason names the change that took effect.
alter table admin_change drop constraint admin_change_status_check;
alter table admin_change add constraint admin_change_status_check check (status in ('pending', 'confirmed', 'rejected', 'superseded'));
