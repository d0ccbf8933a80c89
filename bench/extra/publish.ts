// A big list's first publication (issue 15.2, §12: the list published as one version): N powers
// of a fresh city body published by publishVersion — diff, rows inserted with their search columns
// computed in the application (0090: the per-row search trigger no longer runs), version row,
// audit event — beside the anchor: COPY of the very same rows into the same table and indexes.
// Target: 100,000 rows in under 15 s on PostgreSQL. BENCH_ROWS sets N (default 100,000).
import { fixed, ratio, times } from '../report.js';
import type { ExtraPhase } from './types.js';

const TARGET_S = 15;
const TARGET_ROWS = 100_000;

export const publishPhase: ExtraPhase = {
  name: 'publish',
  title: 'first publication of a big list beside COPY of the same rows',
  async run({ server, sizes, postgres, log }) {
    const call = <T>(op: string, args: unknown = {}) => server.call<T>({ cmd: 'extra', phase: 'publish', op, args });
    const prep = await call<{ bodyId: number; powers: number }>('prepare', { rows: sizes.rows });
    log(`  body ${prep.bodyId}: ${prep.powers.toLocaleString()} powers, codes issued`);
    const anchors: number[] = [];
    for (let i = 0; i < 3; i++) anchors.push((await call<{ ms: number }>('anchor')).ms);
    const anchor = Math.min(...anchors);
    log(`  anchor (COPY, rolled back): best ${fixed(anchor / 1000, 2)} s of 3`);
    const before = await call<{ ms: number }>('triggerPath');
    log(
      `  the same rows inserted the old way (trigger computing the search columns, rolled back): ${fixed(before.ms / 1000, 2)} s`,
    );
    const pub = await call<{
      ms: number;
      version: number;
      added: number;
      check: { checked: number; different: number };
    }>('publish');
    if (pub.version !== 1 || pub.added !== prep.powers)
      throw new Error(`the publication made version ${pub.version} with ${pub.added} rows, not 1 with ${prep.powers}`);
    if (pub.check.different !== 0)
      throw new Error(
        `${pub.check.different} of ${pub.check.checked} published rows differ from the trigger's search columns`,
      );
    log(
      `  publication: ${fixed(pub.ms / 1000, 2)} s; search columns checked on ${pub.check.checked} rows, 0 different`,
    );
    const scaled = (pub.ms / prep.powers) * TARGET_ROWS;
    return {
      rows: [
        {
          figure: `first publication of a ${prep.powers.toLocaleString()}-row list (diff, rows with search columns, version, audit)`,
          value: `${fixed(pub.ms / 1000, 2)} s`,
          anchor: `${fixed(anchor / 1000, 2)} s (COPY of the same rows)`,
          ratio: times(ratio(pub.ms, anchor)),
          target: `< ${TARGET_S} s at ${TARGET_ROWS.toLocaleString()} rows${postgres ? '' : ' (PostgreSQL)'}`,
          pass: (prep.powers >= TARGET_ROWS ? pub.ms : scaled) < TARGET_S * 1000,
        },
        {
          figure:
            '  diagnostic: the same rows by INSERT with the search trigger computing the columns (the path before 0090)',
          value: `${fixed(before.ms / 1000, 2)} s`,
          anchor: `${fixed(anchor / 1000, 2)} s (COPY of the same rows)`,
          ratio: times(ratio(before.ms, anchor)),
          target: '—',
          pass: null,
        },
      ],
      context: [
        `publish: ${prep.powers.toLocaleString()} rows in ${fixed(pub.ms / 1000, 2)} s (${fixed(scaled / 1000, 1)} s per ${TARGET_ROWS.toLocaleString()} at this rate${prep.powers < TARGET_ROWS ? ', scaled: this run is smaller than the target' : ''}); ` +
          `anchor best of 3 COPYs rolled back; search columns of every 97th row checked against the database's functions: 0 different`,
      ],
      details: { prep, pub, anchorMs: anchors, triggerPathMs: before.ms, per100kMs: scaled },
    };
  },
};
