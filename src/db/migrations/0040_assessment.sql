-- 0040: performance assessment (regulation §5 协调小组办公室负责对权责清单实施情况开展绩效考核; §16 ¶1).
-- The score itself is computed from the facts by the rulebook's formula and never stored; what is
-- stored is the office's adjustment of it, with its reason. Append-only: the newest row per body and
-- year is in force, the computed score and every earlier adjustment stay readable.
create table assessment_adjustment (
  id           integer generated always as identity primary key,
  body_id      integer not null references body(id),
  year         integer not null check (year between 2000 and 9999),
  score        numeric(5, 2) not null check (score between 0 and 100),
  reason       text not null check (length(btrim(reason)) > 0),
  adjusted_by  integer not null references app_user(id),
  adjusted_at  timestamptz not null
);
create index assessment_adjustment_body_year_idx on assessment_adjustment(body_id, year, id);
