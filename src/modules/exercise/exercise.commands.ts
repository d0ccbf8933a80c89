// Importing exercise records (§14 ¶1, §16 ¶2, §17; issue 12.4): one transaction stages every
// record, matches them all against the lists in force on their dates, opens one supervision
// finding per fact through supervision's own openFinding (once per fact, over every import), links
// the records to it and writes the import's audit row. A bad record refuses it all before any write.
import { EXERCISE_FLAG_LABELS, type ExerciseChannel } from '../../contract/exercise.js';
import { POWER_STATUS_LABELS, type PowerStatus } from '../../contract/register.js';
import type { Actor, RequestMeta } from '../../core/actor.js';
import { exerciseFactKey } from '../../core/policies/index.js';
import type { Database } from '../../db/connect.js';
import type { Db } from '../../platform/db.js';
import { recordAudit } from '../audit/audit.repo.js';
import { openFinding } from '../supervision/supervision.commands.js';
import { flaggedFacts, linkAndCount, stageAndMatch, type FlaggedFact } from './match.repo.js';
import { RecordChecker, type BodyEntry } from './records.js';

/** Every body by name, with its region path, for resolving a record's 实施机构 (one query). */
export async function bodiesByName(db: Db): Promise<Map<string, BodyEntry[]>> {
  const rows = await db
    .selectFrom('body as b')
    .innerJoin('region as r', 'r.code', 'b.region_code')
    .select(['b.id', 'b.name', 'r.path'])
    .execute();
  const map = new Map<string, BodyEntry[]>();
  for (const r of rows) map.set(r.name, [...(map.get(r.name) ?? []), { id: r.id, regionPath: r.path }]);
  return map;
}

/** A checker for the records of one import, reaching the bodies `inReach` allows. */
export async function recordChecker(db: Db, inReach: (b: BodyEntry) => boolean, unit: '行' | '条') {
  return new RecordChecker(await bodiesByName(db), inReach, unit);
}

export interface ImportInput {
  channel: ExerciseChannel;
  /** the level imported for: the office's, or the sending system's */
  regionPath: string;
  checker: RecordChecker;
  fileName: string | null;
  sha256: string;
  actor: Actor | null;
  source: { id: number; name: string } | null;
  meta?: RequestMeta;
  at: Date;
}

export interface ImportOutcome {
  id: number;
  records: number;
  flagged: number;
  findings: number;
  newFindings: number;
}

function describe(f: FlaggedFact): string {
  const power = f.powerCode ? `“${f.powerName ?? f.listedName ?? ''}”（编码 ${f.powerCode}）` : `“${f.powerName}”`;
  const when = f.firstOn === f.lastOn ? f.firstOn : `${f.firstOn}至${f.lastOn}`;
  const list = f.listVersion ? `当日施行的权责清单（第${f.listVersion}版）` : '当日该机构尚无公布的权责清单';
  const why =
    f.flag === 'retired'
      ? `${list}中该职权已${POWER_STATUS_LABELS[(f.status ?? 'cancelled') as PowerStatus] ?? '不在用'}，仍在行使，属变相实施`
      : f.flag === 'wrongBody'
        ? `该职权列在${f.otherBody}的权责清单中，不在本机构${list.startsWith('当日施行') ? list : '清单'}中`
        : `${list}${f.listVersion ? '中没有该职权' : ''}`;
  return `行使记录比对：${f.bodyName}于${when}办理${power}${f.records}件；${why}（${EXERCISE_FLAG_LABELS[f.flag].article}）。`;
}

export async function importExercise(db: Database, input: ImportInput): Promise<ImportOutcome> {
  const records = input.checker.finish(); // IMPORT_INVALID before any write
  return db.transaction().execute(async (trx) => {
    const imp = await trx
      .insertInto('exercise_import')
      .values({
        channel: input.channel,
        source_id: input.source?.id ?? null,
        region_path: input.regionPath,
        file_name: input.fileName,
        sha256: input.sha256,
        imported_at: input.at,
        imported_by: input.actor?.userId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await stageAndMatch(trx, imp.id, records);
    // §16: each fact once — a fact already found (this import or an earlier one) keeps its finding
    let newFindings = 0;
    for (const f of await flaggedFacts(trx, imp.id)) {
      const r = await openFinding(trx, {
        bodyId: f.bodyId,
        kind: EXERCISE_FLAG_LABELS[f.flag].finding,
        source: 'exercise',
        description: describe(f).slice(0, 2000),
        powerCode: f.powerCode,
        factDate: f.firstOn,
        sourceKey: exerciseFactKey(f.flag, f.bodyId, f.powerCode, f.powerName),
        actor: input.actor,
        role: input.actor ? 'coordinator' : null,
        meta: input.meta,
        at: input.at,
      });
      if (r.created) newFindings++;
    }
    const counts = await linkAndCount(trx, imp.id);
    await recordAudit(trx, {
      actor: input.actor,
      role: input.actor ? 'coordinator' : null,
      action: 'exercise.imported',
      objectType: 'exercise_import',
      objectId: imp.id,
      after: {
        channel: input.channel,
        source: input.source?.name ?? null,
        fileName: input.fileName,
        sha256: input.sha256,
        ...counts,
        newFindings,
      },
      meta: input.meta,
      at: input.at,
    });
    return { id: imp.id, ...counts, newFindings };
  });
}
