-- 0087: the 明放暗不放 watch (§13.5, issue 13.6) hears three sources: a later application of the
-- delegating body (as since 0053), exercise records of the delegated power by the delegating body
-- (exercise_record, issue 12.4) and a complaint or report about it (feedback, §15).
alter table delegation_finding add column source text not null default 'application'
  check (source in ('application', 'exercise', 'complaint'));
-- the feedback id, or the first exercise record's id
alter table delegation_finding add column source_ref text;
