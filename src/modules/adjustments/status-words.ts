// An application's status in words. 'due' (opened by a trigger, not yet filed) reads 待申报 while
// the filing deadline runs, and 应申报未申报 only once it has passed (§12: 15 working days from the
// trigger; §16 不按规定时限提出权责清单调整意见) — the same day the daily sweep records 漏报.
import type { IsoDate } from '../../core/calendar/index.js';
import { STATUS_LABELS, type AdjustmentStatus } from './transitions.js';

export const DUE_BEFORE_DEADLINE = '待申报';

export function statusLabelOf(a: { status: AdjustmentStatus; filingDue: IsoDate }, today: IsoDate): string {
  if (a.status === 'due' && today <= a.filingDue) return DUE_BEFORE_DEADLINE;
  return STATUS_LABELS[a.status];
}
