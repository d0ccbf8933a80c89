// The reconciliation report of the workspace page: per body, the count of each kind of
// difference and its first differences (the xlsx has every one).
import type { Database } from '../../db/connect.js';
import { DIFF_KINDS } from '../../contract/regional-platform.js';
import { diffCounts, diffsOf } from './report.repo.js';

/** differences shown per body on the page */
export const PAGE_DIFFS = 500;

export async function reportOf(db: Database, recId: number) {
  const bodies = await diffCounts(db, recId);
  return Promise.all(
    bodies.map(async (b) => {
      const total = DIFF_KINDS.reduce((n, k) => n + b.counts[k], 0);
      const diffs = await diffsOf(db, recId, { bodyId: b.bodyId, limit: PAGE_DIFFS });
      return {
        ...b,
        diffs: diffs.map(({ id: _id, ...d }) => d),
        more: Math.max(0, total - diffs.length),
      };
    }),
  );
}
