// Scheduled work run once across instances (issue 15.1). Every instance keeps its in-process
// timer (the embedded PGlite default has only one instance and no cron); before a run it claims
// the job's slot (the UTC hour for the hourly sweep) in `scheduled_run` (0091). The insert that
// wins runs the job; every other instance of the same slot skips. No lock is held while the job
// runs, so a webhook receiver that answers slowly blocks nobody. A crash after the claim loses the
// slot's run, not its work: the sweep is idempotent and the next slot catches up.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { sql } from 'kysely';
import type { Database } from '../../db/connect.js';

/** This process, as the claims name it. */
export const INSTANCE_ID = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/** The UTC hour of `now`, e.g. 2026-12-07T03: the slot of an hourly job. */
export const hourSlot = (now: Date) => now.toISOString().slice(0, 13);

export type ScheduledOutcome<T> = { ran: true; result: T } | { ran: false; claimedBy: string };

/** Run `job` for `slot` unless another instance (or an earlier run) has claimed it. */
export async function runScheduled<T>(
  db: Database,
  job: string,
  slot: string,
  fn: () => Promise<T>,
  instance = INSTANCE_ID,
): Promise<ScheduledOutcome<T>> {
  const won = await sql<{ job: string }>`
    insert into scheduled_run (job, slot, instance) values (${job}, ${slot}, ${instance})
    on conflict (job, slot) do nothing returning job`.execute(db);
  if (won.rows.length === 0) {
    const by = await sql<{ instance: string }>`
      select instance from scheduled_run where job = ${job} and slot = ${slot}`.execute(db);
    return { ran: false, claimedBy: by.rows[0]?.instance ?? '' };
  }
  const result = await fn();
  await sql`update scheduled_run set finished_at = now() where job = ${job} and slot = ${slot}`.execute(db);
  return { ran: true, result };
}
