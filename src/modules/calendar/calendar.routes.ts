// The working-day calendar (spec §5): read by everyone signed in. The shipped years are read-only;
// a system administrator of the top-level region adds a year's State Council notice, or corrects
// a shipped year, as an overlay with a reason — previewed first, then confirmed — and can remove it
// (overlay.ts). Entering a year turns provisional deadlines in it into exact ones.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  daysQuery,
  daysSchema,
  overlayBody,
  overlayPlanSchema,
  removalBody,
  workdaysQuery,
  workdaysSchema,
  yearParam,
  yearsSchema,
} from '../../contract/calendar.js';
import { errorResponses } from '../../contract/common.js';
import {
  addCalendarDays,
  BUILTIN_SOURCE,
  builtinYears,
  calendarDaysBetween,
  STATUTORY_BASIS,
} from '../../core/calendar/index.js';
import { AppError, forbidden } from '../../core/errors.js';
import { canConfigureInstallation } from '../../core/policies/index.js';
import type { AppDeps } from '../../platform/deps.js';
import { actorOf, metaOf } from '../../platform/http.js';
import { removeOverlay, setOverlay } from './calendar.commands.js';
import { listEnteredYears, loadCalendar } from './calendar.repo.js';

export async function calendarRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/calendar/years',
    {
      schema: {
        tags: ['工作日'],
        summary: '有节假日数据的年份（内置与附加录入）',
        response: { 200: yearsSchema, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const entered = await listEnteredYears(db);
      const byYear = new Map(entered.map((y) => [y.year, y]));
      const shipped = builtinYears();
      const years = [...new Set([...shipped.keys(), ...byYear.keys()])]
        .sort((a, b) => a - b)
        .map((year) => {
          const e = byYear.get(year);
          const base = { year, shipped: shipped.has(year), shippedSource: shipped.has(year) ? BUILTIN_SOURCE : null };
          return e
            ? {
                ...base,
                entered: true,
                source: e.source,
                reason: e.reason,
                holidays: [...e.holidays],
                makeupWorkdays: [...e.makeupWorkdays],
                enteredByName: e.enteredByName,
                enteredAt: e.enteredAt,
              }
            : { ...base, entered: false, source: BUILTIN_SOURCE };
        });
      return { years, canEdit: canConfigureInstallation(actor) };
    },
  );

  // The shipped years are read-only, and no year changes in one call (issue 9.2).
  r.put(
    '/api/calendar/years/:year',
    {
      schema: {
        tags: ['工作日'],
        summary: '（已停用）直接改写某年节假日安排',
        params: yearParam,
        // it only ever refuses: a shipped year is read-only, any other year goes through the overlay's preview
        response: errorResponses,
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!canConfigureInstallation(actor)) throw forbidden('只有市级系统管理员可以录入节假日安排');
      const { year } = req.params;
      if (builtinYears().has(year)) {
        throw new AppError(
          'SHIPPED_YEAR_READONLY',
          `${year}年的节假日安排为内置数据（国务院办公厅通知），不能改写；如需更正，请以附加安排录入并说明理由，预览受影响的期限后确认`,
        );
      }
      throw new AppError('PREVIEW_REQUIRED', `${year}年的节假日安排须以附加安排录入：填写理由，预览受影响的期限后确认`);
    },
  );

  r.put(
    '/api/calendar/overlays/:year',
    {
      schema: {
        tags: ['工作日'],
        summary: '录入或更正某年节假日安排（附加于内置数据；先预览，再确认）',
        params: yearParam,
        body: overlayBody,
        response: { 200: overlayPlanSchema, ...errorResponses },
      },
    },
    async (req) => setOverlay(db, req.params.year, req.body, { actor: actorOf(req), meta: metaOf(req), at: clock() }),
  );

  r.delete(
    '/api/calendar/overlays/:year',
    {
      schema: {
        tags: ['工作日'],
        summary: '撤销某年录入的节假日安排，恢复内置数据（先预览，再确认）',
        params: yearParam,
        body: removalBody,
        response: { 200: overlayPlanSchema, ...errorResponses },
      },
    },
    async (req) =>
      removeOverlay(db, req.params.year, req.body, { actor: actorOf(req), meta: metaOf(req), at: clock() }),
  );

  r.get(
    '/api/calendar/workdays',
    {
      schema: {
        tags: ['工作日'],
        summary: '从某日起第N个工作日（起算日不计入）',
        querystring: workdaysQuery,
        response: { 200: workdaysSchema, ...errorResponses },
      },
    },
    async (req) => {
      actorOf(req);
      const cal = await loadCalendar(db);
      const r = cal.addWorkdays(req.query.from, req.query.add);
      // a provisional result names the notices that would make it exact, and what it rests on meanwhile
      const exactAfter = r.provisional ? cal.pendingNotices(req.query.from, r.date) : [];
      return {
        from: req.query.from,
        add: req.query.add,
        date: r.date,
        provisional: r.provisional,
        exactAfter,
        basis: r.provisional ? STATUTORY_BASIS : null,
        coveredYears: cal.knownYears(),
      };
    },
  );

  r.get(
    '/api/calendar/days',
    {
      schema: {
        tags: ['工作日'],
        summary: '日期区间内每一天是否工作日',
        querystring: daysQuery,
        response: { 200: daysSchema, ...errorResponses },
      },
    },
    async (req) => {
      actorOf(req);
      const { from, to } = req.query;
      const span = calendarDaysBetween(from, to);
      if (span < 0 || span > 400)
        throw new AppError('VALIDATION_FAILED', '日期区间应在400天以内，且结束日期不早于开始日期');
      const cal = await loadCalendar(db);
      const days = Array.from({ length: span + 1 }, (_, i) => cal.dayInfo(addCalendarDays(from, i)));
      return { from, to, workdays: cal.workdaysBetween(from, to), days };
    },
  );
}
