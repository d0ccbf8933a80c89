// How supervision hears the daily sweep (registered at assembly with onSweep): each 迟报/缓报/漏报
// fact opens its finding once (§14 ¶2, §16), and an order unreported past its period is marked
// 逾期未整改 and its finding escalated (§16 不按要求整改).
import type { SweepListener } from '../adjustments/sweep-hooks.js';
import { markMissedOrders } from './rectification.commands.js';
import { openSweepFindings } from './supervision.commands.js';

export const supervisionSweep: SweepListener = { facts: openSweepFindings, after: markMissedOrders };
