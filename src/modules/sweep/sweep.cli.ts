// npm run sweep — the daily sweep with the assembly's listeners (as src/server/app.ts registers
// them): supervision hears 迟报/缓报/漏报 (§14 ¶2) and the rectification deadlines (§16), delegation
// and feedback their own deadlines, then the adjustments module's command-line sweep runs. Like
// app.ts this file only assembles: no module imports it, so the listeners' modules may import one
// another one way without a loop (issue 11.3).
import { onSweep } from '../adjustments/sweep-hooks.js';
import { supervisionSweep } from '../supervision/sweep.listener.js';
import { delegationSweep } from '../delegation/sweep.listener.js';
import { feedbackSweep } from '../feedback/sweep.listener.js';
import { webhookSweep } from '../open-data/webhooks.sweep.js';
import { loadConfig } from '../../config.js';

onSweep(supervisionSweep);
onSweep(delegationSweep);
onSweep(feedbackSweep);
// issue 14.3: webhook deliveries (and their retries) after the sweep's transactions have committed
onSweep(webhookSweep(loadConfig()));
await import('../adjustments/sweep.cli.js');
// §15 ¶3: with INTEGRITY_URL (a running server) the cron sweep also runs the integrity check over
// HTTP; each server runs it hourly on its own sweep timer (src/server/main.ts)
await import('../integrity/check.cli.js');
