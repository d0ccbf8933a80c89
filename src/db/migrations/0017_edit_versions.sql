-- Issue 10.8: no silent lost updates. Each editable object carries a version, bumped by every
-- save, with who saved it and when: a save that names an older version is refused (409) and
-- the message says who changed it meanwhile.
alter table draft_power add column version integer not null default 1;
alter table draft_power add column updated_by integer references app_user (id);
alter table draft_power add column updated_at timestamptz;

-- the duties of a draft are saved as one list: one version for the list
alter table list_draft add column duties_version integer not null default 1;
alter table list_draft add column duties_updated_by integer references app_user (id);
alter table list_draft add column duties_updated_at timestamptz;

-- an application's title, content and affected powers (updated_at exists already)
alter table adjustment add column version integer not null default 1;
alter table adjustment add column updated_by integer references app_user (id);
