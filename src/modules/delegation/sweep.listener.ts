// How the delegation watch hears the daily sweep (registered at assembly with onSweep): once per
// run, each handover whose date (时间结点) passed with the checklist incomplete becomes a finding
// (§13.5 防止出现监管真空), and so does each exercise record or complaint showing the delegating
// body still holding a power it handed down (§13.5 明放暗不放).
import type { SweepListener } from '../adjustments/sweep-hooks.js';
import { sweepMissedHandovers } from './delegation.watch.js';
import { watchComplaints, watchExercise } from './watch-sources.js';

export const delegationSweep: SweepListener = {
  facts: async () => 0,
  after: async (trx, ctx) =>
    (await sweepMissedHandovers(trx, ctx.now)) +
    (await watchExercise(trx, ctx.now)) +
    (await watchComplaints(trx, ctx.now)),
};
