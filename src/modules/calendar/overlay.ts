// Adding or correcting a year of the working-day calendar (spec §5, issue 9.2). The shipped years
// (the State Council's notices as compiled by chinese-days) are read-only; an administrator lays
// an overlay over a year — a new year's notice, or a correction of a shipped one — with a reason,
// and can remove it again (back to the shipped data). Nothing changes in one call: a plan first
// shows the before and after of the year and every running deadline it moves; the confirmation
// must carry that plan's digest, so what is confirmed is exactly what was seen.
import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Actor, RequestMeta } from '../../core/actor.js';
import {
  builtinYears,
  createWorkdayCalendar,
  validateYearOverride,
  type YearOverride,
} from '../../core/calendar/index.js';
import { AppError, notFound } from '../../core/errors.js';
import type { DB } from '../../db/schema.js';
import type { Db } from '../../platform/db.js';
import { recordAudit } from '../audit/audit.repo.js';
import { listEnteredYears } from './calendar.repo.js';
import { calendarChanged, deadlinesMovedBy, type MovedDeadline } from './calendar-hooks.js';

/** A year as the calendar has it: shipped, overlaid by an administrator, or not known at all. */
export interface YearState {
  origin: 'shipped' | 'overlay' | 'none';
  holidays: string[];
  makeupWorkdays: string[];
  source: string | null;
  reason: string | null;
  enteredAt: string | null;
}

export interface OverlayPlan {
  kind: 'set' | 'remove';
  year: number;
  reason: string;
  before: YearState;
  after: YearState;
  moved: MovedDeadline[];
  /** What the confirmation must quote: the plan as seen, including the deadlines it moves. */
  digest: string;
}

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();
const NONE: YearState = {
  origin: 'none',
  holidays: [],
  makeupWorkdays: [],
  source: null,
  reason: null,
  enteredAt: null,
};

function shippedState(year: number): YearState {
  const y = builtinYears().get(year);
  return y
    ? {
        origin: 'shipped',
        holidays: sorted(y.holidays),
        makeupWorkdays: sorted(y.makeupWorkdays),
        source: y.source,
        reason: null,
        enteredAt: null,
      }
    : NONE;
}

type Days = { holidays: readonly string[]; makeupWorkdays: readonly string[] };
const sameDays = (a: Days, b: Days) =>
  sorted(a.holidays).join() === sorted(b.holidays).join() &&
  sorted(a.makeupWorkdays).join() === sorted(b.makeupWorkdays).join();

async function plan(
  db: Db,
  kind: OverlayPlan['kind'],
  year: number,
  reason: string,
  entry: YearOverride | null,
): Promise<OverlayPlan> {
  const entered = await listEnteredYears(db);
  const overrides: YearOverride[] = entered.map(({ year: y, holidays, makeupWorkdays, source }) => ({
    year: y,
    holidays,
    makeupWorkdays,
    source,
  }));
  const mine = entered.find((e) => e.year === year);
  const before: YearState = mine
    ? {
        origin: 'overlay',
        holidays: sorted(mine.holidays),
        makeupWorkdays: sorted(mine.makeupWorkdays),
        source: mine.source,
        reason: mine.reason,
        enteredAt: mine.enteredAt.toISOString(),
      }
    : shippedState(year);
  const others = overrides.filter((o) => o.year !== year);
  let after: YearState;
  if (entry) {
    if (sameDays(entry, before) && entry.source === before.source) {
      throw new AppError('VALIDATION_FAILED', `所填安排与现行的${year}年节假日安排相同，无需录入`, [
        { field: 'holidays', message: '放假日期和调休上班日期与现行安排相同' },
      ]);
    }
    after = {
      origin: 'overlay',
      holidays: sorted(entry.holidays),
      makeupWorkdays: sorted(entry.makeupWorkdays),
      source: entry.source,
      reason,
      enteredAt: null,
    };
  } else {
    if (!mine) throw notFound(`${year}年录入的节假日安排`);
    after = shippedState(year);
  }
  const beforeCal = createWorkdayCalendar(overrides);
  const afterCal = createWorkdayCalendar(entry ? [...others, entry] : others);
  const moved = await deadlinesMovedBy(db, beforeCal, afterCal);
  const digest = createHash('sha256')
    .update(JSON.stringify({ kind, year, reason, before, after, moved }))
    .digest('hex');
  return { kind, year, reason, before, after, moved, digest };
}

/** Check an entry as the calendar would (dates in the year, 调休 on weekends), in Chinese. */
function checked(entry: YearOverride): YearOverride {
  const issues = validateYearOverride(entry);
  if (issues.length) {
    const field = (code: string) =>
      code.startsWith('makeupWorkday') ? 'makeupWorkdays' : code.startsWith('source') ? 'source' : 'holidays';
    throw new AppError(
      'VALIDATION_FAILED',
      issues[0].message,
      issues.map((i) => ({ field: field(i.code), message: i.message })),
    );
  }
  return entry;
}

/** The plan of laying `entry` over its year (a new year, or a correction of a shipped one). */
export function planOverlay(db: Db, entry: YearOverride, reason: string): Promise<OverlayPlan> {
  return plan(db, 'set', entry.year, reason, checked(entry));
}

/** The plan of removing a year's overlay: the shipped data (or none) applies again. */
export function planRemoval(db: Db, year: number, reason: string): Promise<OverlayPlan> {
  return plan(db, 'remove', year, reason, null);
}

export interface ConfirmContext {
  actor: Actor;
  bodyId: number | undefined;
  meta: RequestMeta;
  at: Date;
}

/**
 * Carry out a plan in one transaction with its audit row, if it is still the plan the
 * administrator saw (same year data, same deadlines moved); otherwise nothing changes.
 */
export async function confirmPlan(
  trx: Transaction<DB>,
  again: (db: Db) => Promise<OverlayPlan>,
  previewDigest: string | undefined,
  ctx: ConfirmContext,
) {
  // one calendar change at a time, so the plan cannot change between the check and the write
  await sql`select pg_advisory_xact_lock(hashtext('calendar_year'))`.execute(trx);
  const p = await again(trx);
  if (!previewDigest || previewDigest !== p.digest) {
    throw new AppError(
      'PREVIEW_REQUIRED',
      previewDigest
        ? '预览之后节假日安排或受影响的期限已有变化，请重新预览，核对后再确认'
        : '请先预览将受影响的期限，核对后再确认',
    );
  }
  if (p.kind === 'set') {
    const values = {
      holidays: JSON.stringify(p.after.holidays),
      makeup_workdays: JSON.stringify(p.after.makeupWorkdays),
      source: p.after.source!,
      reason: p.reason,
      entered_by: ctx.actor.userId,
      entered_at: ctx.at,
    };
    if (p.before.origin === 'overlay')
      await trx.updateTable('calendar_year').set(values).where('year', '=', p.year).execute();
    else
      await trx
        .insertInto('calendar_year')
        .values({ year: p.year, ...values })
        .execute();
  } else {
    await trx.deleteFrom('calendar_year').where('year', '=', p.year).execute();
  }
  const calendar = createWorkdayCalendar(
    (await listEnteredYears(trx)).map(({ year, holidays, makeupWorkdays, source }) => ({
      year,
      holidays,
      makeupWorkdays,
      source,
    })),
  );
  // §12: running deadlines follow the calendar (each module that keeps some registered at assembly)
  const refreshed = await calendarChanged(trx, calendar);
  const after = p.kind === 'set' ? { ...p.after, enteredAt: ctx.at.toISOString() } : p.after;
  await recordAudit(trx, {
    actor: ctx.actor,
    role: 'sysAdmin',
    bodyId: ctx.bodyId,
    action: p.kind === 'set' ? 'calendar.overlaySet' : 'calendar.overlayRemoved',
    objectType: 'calendar_year',
    objectId: p.year,
    before: { ...p.before },
    meta: ctx.meta,
    at: ctx.at,
    after: {
      ...after,
      reason: p.reason,
      moved: p.moved.map((m) => ({ adjustmentId: m.adjustmentId, step: m.step, from: m.from, to: m.to })),
    },
  });
  return { ...p, after, applied: true as const, refreshedFilingDeadlines: refreshed };
}
