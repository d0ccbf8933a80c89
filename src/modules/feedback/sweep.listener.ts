// How feedback hears the daily sweep (registered at assembly with onSweep): once per run, the
// §15 answer clocks — a reminder to the handler before the due day, an overdue notice after it.
import type { SweepListener } from '../adjustments/sweep-hooks.js';
import { sweepFeedback } from './feedback.notices.js';

export const feedbackSweep: SweepListener = {
  facts: async () => 0,
  after: (trx, ctx) => sweepFeedback(trx, ctx.now),
};
