// The working-day calendar API (src/modules/calendar/calendar.routes.ts).
import type { z } from 'zod';
import { http } from '../../api.ts';
import type {
  daysSchema,
  OverlayBody,
  OverlayPlan,
  RemovalBody,
  workdaysSchema,
  yearsSchema,
} from '../../../contract/calendar.ts';
import type { Wire } from '../../../contract/wire.ts';

// the shapes are the contract's (src/contract/calendar.ts), in their wire form
export type { DayInfo, MovedDeadline, OverlayPlan, YearRow, YearState } from '../../../contract/calendar.ts';
/** What an overlay asks for, besides the confirmation */
export type OverlayInput = Omit<OverlayBody, 'confirm' | 'previewDigest'>;
export type Confirmation = Pick<OverlayBody, 'confirm' | 'previewDigest'>;

export const calendarApi = {
  years: () => http.get<Wire<typeof yearsSchema>>('/api/calendar/years'),
  /** confirm false: only the plan (what would change); true with the plan's digest: carry it out */
  setOverlay: (year: number, body: OverlayBody) => http.put<OverlayPlan>(`/api/calendar/overlays/${year}`, body),
  removeOverlay: (year: number, body: RemovalBody) => http.del<OverlayPlan>(`/api/calendar/overlays/${year}`, body),
  days: (from: string, to: string) => http.get<z.infer<typeof daysSchema>>('/api/calendar/days', { from, to }),
  workdays: (from: string, add: number) =>
    http.get<z.infer<typeof workdaysSchema>>('/api/calendar/workdays', { from, add }),
};
