// Exercise-record matching (issue 12.4, §14 ¶1, §16 ¶2, §17): 100,000 records of a sending
// system posted to /api/exercise/intake — validated, staged, matched against the list in force on
// each record's date and turned into findings, in one transaction — beside the anchor: the same
// join as a bare SELECT in the server child. Target: within a minute at a million powers.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fixed, ratio, times } from '../report.js';
import { BENCH_KEY, type PrepareArgs } from './exercise-ops.js';
import type { ExtraPhase } from './types.js';

const TARGET_S = 60;

export const exercisePhase: ExtraPhase = {
  name: 'exercise',
  title: 'exercise-record matching: an API import of exercise records beside the bare SQL join',
  async run({ server, work, sizes, log }) {
    const records = Number(process.env.BENCH_EXERCISE_RECORDS ?? 100_000);
    const path = join(work, 'exercise-records.json');
    const prep = await server.call<{ regionPath: string; sampled: number; retired: number }>({
      cmd: 'extra',
      phase: 'exercise',
      op: 'prepare',
      args: { records, path } satisfies PrepareArgs,
    });
    const body = await readFile(path);
    log(
      `  ${records.toLocaleString()} records (${(body.length / 1024 / 1024).toFixed(1)} MB of JSON) over ${prep.sampled.toLocaleString()} sampled powers, ${prep.retired} cancelled in a version 2`,
    );
    const t0 = performance.now();
    const res = await fetch(`${server.base}/api/exercise/intake`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${BENCH_KEY}` },
      body,
    });
    const answer = (await res.json()) as {
      id: number;
      recordCount: number;
      flaggedCount: number;
      findingCount: number;
    };
    const ms = performance.now() - t0;
    if (res.status !== 201)
      throw new Error(`the intake answered ${res.status}: ${JSON.stringify(answer).slice(0, 300)}`);
    log(
      `  import: ${fixed(ms / 1000)} s, ${answer.flaggedCount.toLocaleString()} flagged, ${answer.findingCount} findings`,
    );
    // the anchor, warm like the import's own join was: best of three
    const anchors: number[] = [];
    for (let i = 0; i < 3; i++) {
      const a = await server.call<{ ms: number; n: number; flagged: number }>({
        cmd: 'extra',
        phase: 'exercise',
        op: 'anchor',
        args: { importId: answer.id },
      });
      if (a.n !== records) throw new Error(`the anchor read ${a.n} records, not ${records}`);
      // the anchor is the same join only if it flags the same records
      if (a.flagged !== answer.flaggedCount)
        throw new Error(`the anchor flags ${a.flagged} records, the import ${answer.flaggedCount}`);
      anchors.push(a.ms);
    }
    const anchor = Math.min(...anchors);
    const r = ratio(ms, anchor);
    return {
      rows: [
        {
          figure: `exercise-record matching at ${records.toLocaleString()} records (API import end to end)`,
          value: `${fixed(ms / 1000, 2)} s`,
          anchor: `${fixed(anchor / 1000, 2)} s (the same join, bare SQL)`,
          ratio: times(r),
          target: `≤ ${TARGET_S} s at 1,000,000 powers`,
          pass: ms <= TARGET_S * 1000,
        },
      ],
      context: [
        `exercise: ${records.toLocaleString()} records posted as one JSON request (${(body.length / 1024 / 1024).toFixed(1)} MB) to /api/exercise/intake over ${sizes.powers.toLocaleString()} powers; ` +
          `${answer.flaggedCount.toLocaleString()} flagged, ${answer.findingCount} findings opened; the anchor is stageAndMatch's join as a SELECT over the stored records (best of 3)`,
      ],
      details: { records, ms, anchorMs: anchors, answer, prep },
    };
  },
};
