// How webhooks ride on the scheduled sweep (registered at assembly with onSweep, like feedback's and
// supervision's listeners): after the sweep's transactions have committed, queue a delivery of every
// new publication for each subscriber and send what is due, retries included. No second scheduler:
// the server runs the sweep hourly, `npm run sweep` from cron does the same.
import type { Config } from '../../config.js';
import type { SweepListener } from '../adjustments/sweep-hooks.js';
import { allowList } from './outbound-url.js';
import { deliverDue, enqueuePublications, type DeliverySettings } from './webhook-delivery.js';

let settings: DeliverySettings = { allowed: allowList([]), publicUrl: '' };

const listener: SweepListener = {
  facts: async () => 0,
  afterCommit: async (db, ctx) => {
    await enqueuePublications(db, ctx.now);
    // the sweep's clock for "due"; attempts are stamped with it too, so a test moving the clock sees its retries
    return deliverDue(db, () => ctx.now, settings);
  },
};

/** The listener with this installation's settings (allow-list, public address for links). */
export function webhookSweep(config: Pick<Config, 'webhookAllowPrivate' | 'publicUrl'>): SweepListener {
  settings = { allowed: allowList(config.webhookAllowPrivate), publicUrl: config.publicUrl };
  return listener;
}
