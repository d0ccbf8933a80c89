-- §13.1 (issue 14.1): a 下放 across levels changes two bodies' lists (the delegating body's and the
-- receiving one's), which two reconciliations may show; an application keeps each one attached.
alter table regional_platform_sync drop constraint regional_platform_sync_pkey;
alter table regional_platform_sync add primary key (adjustment_id, reconciliation_id);
