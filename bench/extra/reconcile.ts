// Reconciliation with the regional item platform (issue 14.1, §13.1, §13.5): the level with the most
// powers, exported in the exchange format with three changes (one missing, one field, one status) as
// the other platform might send it back, read as it streams into the staging table and reconciled in
// one join — beside the anchor, the bare full join of the same two sides in SQL.
// Target: a level with 1,000,000 powers within a minute.
import { join } from 'node:path';
import { fixed, ratio, times } from '../report.js';
import type { ReconcileArgs } from './reconcile-ops.js';
import type { ExtraPhase } from './types.js';

const TARGET_S = 60;

export const reconcilePhase: ExtraPhase = {
  name: 'reconcile',
  title: 'regional platform reconciliation of a level beside the bare SQL join',
  async run({ server, work, log }) {
    const path = join(work, 'regional-level.json');
    const call = <T>(op: string, args: unknown) => server.call<T>({ cmd: 'extra', phase: 'reconcile', op, args });
    const prep = await call<{ regionCode: string; powers: number; bytes: number }>('prepare', { path });
    log(
      `  level ${prep.regionCode}: ${prep.powers.toLocaleString()} powers, ${(prep.bytes / 1024 / 1024).toFixed(1)} MB of JSON`,
    );
    const args: ReconcileArgs = { path, regionCode: prep.regionCode };
    const rec = await call<{ ms: number; diffCount: number; parts: { stage: number; join: number } }>(
      'reconcile',
      args,
    );
    if (rec.diffCount !== 3) throw new Error(`the reconciliation found ${rec.diffCount} differences, not the 3 made`);
    log(
      `  reconciliation: ${fixed(rec.ms / 1000, 2)} s (read and stage ${fixed(rec.parts.stage / 1000, 2)} s, join ${fixed(rec.parts.join / 1000, 2)} s), ${rec.diffCount} differences`,
    );
    const anchors: number[] = [];
    for (let i = 0; i < 3; i++) {
      const a = await call<{ ms: number; n: number }>('anchor', args);
      if (a.n !== prep.powers) throw new Error(`the anchor joined ${a.n} rows, not ${prep.powers}`);
      anchors.push(a.ms);
    }
    const anchor = Math.min(...anchors);
    // the target is for a million powers: the run's size scaled linearly (the join is hash-based)
    const perMillion = (rec.ms / prep.powers) * 1_000_000;
    return {
      rows: [
        {
          figure: `reconciliation of a level, ${prep.powers.toLocaleString()} powers (read, stage, join, differences)`,
          value: `${fixed(rec.ms / 1000, 2)} s`,
          anchor: `${fixed(anchor / 1000, 3)} s (the bare full join in SQL)`,
          ratio: times(ratio(rec.ms, anchor)),
          target: `≤ ${TARGET_S} s at 1,000,000 powers`,
          pass: prep.powers >= 1_000_000 ? rec.ms <= TARGET_S * 1000 : perMillion <= TARGET_S * 1000,
        },
      ],
      context: [
        `reconcile: level ${prep.regionCode}, ${prep.powers.toLocaleString()} powers as ${(prep.bytes / 1024 / 1024).toFixed(1)} MB of JSON with 3 changes; ` +
          `${fixed(rec.ms / 1000, 2)} s end to end in the server child (read and stage ${fixed(rec.parts.stage / 1000, 2)} s, the difference join ${fixed(rec.parts.join / 1000, 2)} s; ${fixed(perMillion / 1000, 1)} s per million at this rate${prep.powers < 1_000_000 ? ', scaled: this run is smaller than the target' : ''}); anchor best of 3`,
      ],
      details: { prep, rec, anchorMs: anchors, perMillionMs: perMillion },
    };
  },
};
