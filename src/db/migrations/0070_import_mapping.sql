-- Issue 14 item 2: a body's saved column mappings for importing its own spreadsheet layout
-- (序号 / 权力分类 / 项目名称 / 子项 / 实施依据 …) into its draft. One mapping per body and name;
-- `headers` (the sheet's header texts, normalised) lets the wizard offer it for the next file
-- of the same layout.
create table import_mapping (
  id integer generated always as identity primary key,
  body_id integer not null references body (id),
  name text not null check (length(name) between 1 and 60),
  headers text[] not null,
  mapping jsonb not null,
  created_by integer not null references app_user (id),
  created_at timestamptz not null,
  updated_by integer not null references app_user (id),
  updated_at timestamptz not null,
  unique (body_id, name)
);
create index import_mapping_body on import_mapping (body_id);
