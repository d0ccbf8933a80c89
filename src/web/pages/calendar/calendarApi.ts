// The working-day calendar API (src/modules/calendar/calendar.routes.ts).
import { http } from '../../api.ts';

export interface YearRow {
  year: number;
  source: string;
  /** shipped with the software (read-only) */
  shipped: boolean;
  /** an overlay entered by an administrator (a new year, or a correction of a shipped one) */
  entered: boolean;
  reason?: string;
  holidays?: string[];
  makeupWorkdays?: string[];
  enteredByName?: string;
  enteredAt?: string;
}
export interface DayInfo {
  date: string;
  known: boolean;
  source: string | null;
  workday: boolean;
  kind: 'workday' | 'weekend' | 'holiday' | 'makeupWorkday';
  /** a year without its notice: the statutory festival, and the notice that makes the day exact */
  festival?: string;
  exactAfter?: string;
}
export interface OverlayInput {
  holidays: string[];
  makeupWorkdays: string[];
  source: string;
  reason: string;
}
export interface YearState {
  origin: 'shipped' | 'overlay' | 'none';
  holidays: string[];
  makeupWorkdays: string[];
  source: string | null;
  reason: string | null;
}
export interface MovedDeadline {
  adjustmentId: number;
  title: string;
  bodyName: string;
  step: string;
  label: string;
  citation: string;
  from: { date: string; provisional: boolean };
  to: { date: string; provisional: boolean };
}
export interface OverlayPlan {
  kind: 'set' | 'remove';
  year: number;
  reason: string;
  before: YearState;
  after: YearState;
  moved: MovedDeadline[];
  digest: string;
  applied: boolean;
  refreshedFilingDeadlines?: number;
}
export interface Confirmation {
  confirm: boolean;
  previewDigest?: string;
}

export const calendarApi = {
  years: () => http.get<{ years: YearRow[]; canEdit: boolean }>('/api/calendar/years'),
  /** confirm false: only the plan (what would change); true with the plan's digest: carry it out */
  setOverlay: (year: number, body: OverlayInput & Confirmation) =>
    http.put<OverlayPlan>(`/api/calendar/overlays/${year}`, body),
  removeOverlay: (year: number, body: { reason: string } & Confirmation) =>
    http.del<OverlayPlan>(`/api/calendar/overlays/${year}`, body),
  days: (from: string, to: string) =>
    http.get<{ from: string; to: string; workdays: number; days: DayInfo[] }>('/api/calendar/days', { from, to }),
  workdays: (from: string, add: number) =>
    http.get<{
      date: string;
      provisional: boolean;
      exactAfter: string[];
      basis: string | null;
      coveredYears: number[];
    }>('/api/calendar/workdays', { from, add }),
};
