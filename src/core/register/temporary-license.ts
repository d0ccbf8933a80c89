// 临时性行政许可 expiry (spec §2; regulation 第七条: "有效期一年的临时性行政许可").
// A power resting on a temporary licence lapses when the licence does; the platform flags
// it ahead of time. The validity (一年 under the 2023 rulebook) and the warning window
// (60 days) are rulebook parameters, passed in — never literals here.
// All dates are Beijing calendar dates 'YYYY-MM-DD' (spec §5); arithmetic is on UTC day
// numbers so the process time zone does not matter.

import type { LegalBasisCitation, Power } from './power.js';

export interface Validity {
  years?: number;
  months?: number;
  days?: number;
}

export interface LapseParams {
  /** §7: how long a 临时性行政许可 is valid (rulebook). */
  validity: Validity;
  /** Flag a power this many calendar days before its basis lapses (rulebook). */
  warningDays: number;
  /** Also report powers whose basis has already lapsed (default true). */
  includeLapsed?: boolean;
}

export interface LapsingPower {
  power: Power;
  citation: LegalBasisCitation;
  /** First day on which the basis no longer holds. */
  expiryDate: string;
  /** Calendar days from asOf to expiryDate; 0 or less when already lapsed. */
  daysRemaining: number;
  state: 'lapsing' | 'lapsed';
}

export const TEMPORARY_LICENSE_LEVEL = '临时性行政许可';
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function parts(date: string): [number, number, number] {
  const m = ISO.exec(date);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const t = new Date(Date.UTC(y, mo - 1, d));
    if (t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d) return [y, mo, d];
  }
  throw new RangeError(`日期格式无效（应为 YYYY-MM-DD）：${date}`);
}

function dayNumber(date: string): number {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/**
 * `date` plus a validity. Years and months are added first, clamping to the month's last
 * day (2024-02-29 + 1 year = 2025-02-28), then days.
 */
export function addValidity(date: string, v: Validity): string {
  const [y, m, d] = parts(date);
  for (const n of [v.years ?? 0, v.months ?? 0, v.days ?? 0]) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`有效期必须是非负整数：${JSON.stringify(v)}`);
  }
  const totalMonths = y * 12 + (m - 1) + (v.years ?? 0) * 12 + (v.months ?? 0);
  const ny = Math.floor(totalMonths / 12);
  const nm = totalMonths % 12; // 0-based
  const lastDay = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  const base = Date.UTC(ny, nm, Math.min(d, lastDay)) / DAY_MS;
  return fromDayNumber(base + (v.days ?? 0));
}

export function isTemporaryLicense(c: LegalBasisCitation): boolean {
  return c.level === TEMPORARY_LICENSE_LEVEL;
}

/**
 * §7: expiry of a 临时性行政许可 citation = its effective date + validity, unless the
 * citation states an expiry. null when the citation is not a temporary licence or has no date.
 */
export function temporaryLicenseExpiry(c: LegalBasisCitation, validity: Validity): string | null {
  if (!isTemporaryLicense(c)) return null;
  if (c.expiryDate) {
    parts(c.expiryDate);
    return c.expiryDate;
  }
  if (!c.effectiveDate) return null;
  return addValidity(c.effectiveDate, validity);
}

/**
 * Active powers whose 临时性行政许可 basis lapses within `warningDays` after `asOf`
 * (0 < daysRemaining ≤ warningDays → 'lapsing'), and — unless includeLapsed is false —
 * those already lapsed (daysRemaining ≤ 0 → 'lapsed'). One entry per power: its earliest
 * lapsing temporary basis. Sorted by expiry date, then code.
 */
export function findLapsingPowers(powers: Iterable<Power>, asOf: string, params: LapseParams): LapsingPower[] {
  if (!Number.isInteger(params.warningDays) || params.warningDays < 0) {
    throw new RangeError(`预警天数必须是非负整数：${params.warningDays}`);
  }
  const today = dayNumber(asOf);
  const includeLapsed = params.includeLapsed ?? true;
  const out: LapsingPower[] = [];
  for (const power of powers) {
    if (power.status !== 'active') continue;
    let best: LapsingPower | null = null;
    for (const citation of power.legalBases) {
      const expiryDate = temporaryLicenseExpiry(citation, params.validity);
      if (!expiryDate) continue;
      const daysRemaining = dayNumber(expiryDate) - today;
      if (daysRemaining > params.warningDays) continue;
      if (daysRemaining <= 0 && !includeLapsed) continue;
      if (!best || daysRemaining < best.daysRemaining) {
        best = { power, citation, expiryDate, daysRemaining, state: daysRemaining <= 0 ? 'lapsed' : 'lapsing' };
      }
    }
    if (best) out.push(best);
  }
  return out.sort((a, b) =>
    a.expiryDate !== b.expiryDate ? (a.expiryDate < b.expiryDate ? -1 : 1) : a.power.code < b.power.code ? -1 : 1,
  );
}
