-- Issue 10.5: an administrator who rejects another's pending change says why; the requester
-- reads the reason beside the decision on the 管理员变更确认 page.
alter table admin_change add column reason text check (reason is null or char_length(reason) between 1 and 200);
