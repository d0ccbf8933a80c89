-- 0052: training of the receiving body's staff before the handover (§13.4, issue 13.4).
create table delegation_training (
  id                      integer generated always as identity primary key,
  adjustment_id           integer not null references adjustment(id),
  held_on                 date not null,
  organiser               text not null check (length(organiser) between 1 and 100),
  attendees               jsonb not null,
  topics                  jsonb not null,
  material_attachment_ids jsonb not null,
  recorded_by             integer not null references app_user(id),
  recorded_at             timestamptz not null
);
create index delegation_training_adjustment_idx on delegation_training(adjustment_id);
