// How the delegation watch hears the daily sweep (registered at assembly with onSweep): once per
// run, each handover whose date (时间结点) passed with the checklist incomplete becomes a finding
// (§13.5 防止出现监管真空).
import type { SweepListener } from '../adjustments/sweep-hooks.js';
import { sweepMissedHandovers } from './delegation.watch.js';

export const delegationSweep: SweepListener = {
  facts: async () => 0,
  after: (trx, ctx) => sweepMissedHandovers(trx, ctx.now),
};
