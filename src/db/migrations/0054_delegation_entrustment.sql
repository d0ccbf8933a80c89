-- 0054: entrustment by law (§13.3, issue 13.3, in part): the 法律/法规/规章 basis of a 委托 and, for
-- a 行政处罚, the written instrument (书面委托, one of the application's attachments).
create table delegation_entrustment (
  adjustment_id            integer primary key references adjustment(id),
  basis_level              text not null check (basis_level in ('法律', '法规', '规章')),
  basis_document           text not null check (length(basis_document) between 1 and 200),
  basis_article            text not null check (length(basis_article) between 1 and 100),
  instrument_attachment_id integer references adjustment_attachment(id),
  recorded_by              integer not null references app_user(id),
  recorded_at              timestamptz not null
);
