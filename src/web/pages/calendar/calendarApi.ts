// The working-day calendar API (src/modules/calendar/calendar.routes.ts).
import { http } from '../../api.ts';

export interface YearRow {
  year: number;
  source: string;
  entered: boolean;
  holidays?: string[];
  makeupWorkdays?: string[];
  enteredByName?: string;
  enteredAt?: string;
}
export interface DayInfo { date: string; known: boolean; source: string | null; workday: boolean; kind: 'workday' | 'weekend' | 'holiday' | 'makeupWorkday' }
export interface YearInput { holidays: string[]; makeupWorkdays: string[]; source: string }

export const calendarApi = {
  years: () => http.get<{ years: YearRow[]; canEdit: boolean }>('/api/calendar/years'),
  saveYear: (year: number, body: YearInput) => http.put<YearInput & { year: number; refreshedDeadlines: number }>(`/api/calendar/years/${year}`, body),
  days: (from: string, to: string) => http.get<{ from: string; to: string; workdays: number; days: DayInfo[] }>('/api/calendar/days', { from, to }),
  workdays: (from: string, add: number) => http.get<{ date: string; provisional: boolean; coveredYears: number[] }>('/api/calendar/workdays', { from, add }),
};
