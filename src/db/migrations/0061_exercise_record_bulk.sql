-- 0061: exercise records are written in bulk (100,000 in one import, issue 12.4): the per-row
-- foreign-key checks on exercise_record cost more than the matching itself (a trigger query per
-- row and key). The one writer (stageAndMatch in src/modules/exercise/match.repo.ts) writes the
-- import row in the same transaction and only bodies the import's edge check resolved, so the
-- checks are dropped; finding_id stays checked (set once per fact by one UPDATE).
alter table exercise_record drop constraint exercise_record_import_id_fkey;
alter table exercise_record drop constraint exercise_record_body_id_fkey;
alter table exercise_record drop constraint exercise_record_flag_body_id_fkey;
