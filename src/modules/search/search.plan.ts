// How the hits are read. Power rows are wide (≈3 KB), so the cost is the rows touched and
// the GIN posting lists decoded (≈0.5 µs a match, whole lists: a gram or filter in 30 % of a
// million rows costs 100+ ms before the first row is read). PostgreSQL alone multiplies term
// frequencies as if independent and, with LIMIT, bets on a sequential scan: '罚' (30 %) in
// category XK (37 %) looks dense but is rare, and the bet read the whole table (10 s).
// So the terms' frequencies (the planner's own statistics) decide:
//   bitmap — some gram, filter or body-name term is rare (< DENSE): one GIN containment of all
//            grams, driven by the rarest posting list (GIN skips through the others), and only
//            the rows it yields are read; sequential scans are switched off;
//   probe  — every term frequent: the current rows in id order, filtered, stop at the cap;
//            at most PROBE_ROWS rows, then (strongly anti-correlated terms) the bitmap.
// DENSE balances the costs measured at a million rows: decoding a posting list (≈0.3 µs an
// entry) plus fetching the hits at random (≈30 µs each), against reading rows in order
// (≈3 µs a row, RESULT_CAP / share of them).
import { sql } from 'kysely';
import type { Database } from '../../db/connect.js';

/** Below this share of rows a term is "rare": its posting list is cheaper than a scan. */
export const DENSE = 0.03;
/** Rows the probe reads at most: finds the cap (200) when at least 2 % of rows match. */
export const PROBE_ROWS = 10_000;
const STATS_TTL_MS = 10 * 60_000;

export type ReadPlan = 'bitmap' | 'probe';

/**
 * @param grams grams every row must contain (its own text's, and the filters)
 * @param eitherShares for each term matched by text or by body name, its estimated share of rows
 */
export function choosePlan(
  grams: readonly string[],
  eitherShares: readonly number[],
  freq: (gram: string) => number,
): ReadPlan {
  return grams.some((g) => freq(g) < DENSE) || eitherShares.some((s) => s < DENSE) ? 'bitmap' : 'probe';
}

const cache = new WeakMap<object, { at: number; freq: Map<string, number> }>();

/**
 * Each frequent gram's share of power rows, from the planner's own statistics (pg_stats most
 * common elements; 0006 raised their number). A gram missing from them is rare. No statistics
 * (never analysed): every gram counts as rare, which is only slower, never wrong.
 */
export async function gramFrequencies(db: Database): Promise<(gram: string) => number> {
  const now = performance.now();
  let hit = cache.get(db);
  if (!hit || now - hit.at > STATS_TTL_MS) {
    const r = await sql<{ e: string[] | null; f: number[] | null }>`
      select most_common_elems::text::text[] as e, most_common_elem_freqs as f
      from pg_stats where schemaname = current_schema() and tablename = 'power' and attname = 'search_grams'`.execute(
      db,
    );
    const freq = new Map<string, number>();
    const row = r.rows[0];
    row?.e?.forEach((g, i) => freq.set(g, Number(row.f?.[i] ?? 0)));
    hit = { at: now, freq };
    cache.set(db, hit);
  }
  const freq = hit.freq;
  return (g) => freq.get(g) ?? 0;
}
