// The working-day calendar (spec §5): read by everyone signed in; a year's State Council notice
// entered by a system administrator of the top-level region. Entering a year turns provisional
// deadlines in it into exact ones.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addCalendarDays, BUILTIN_SOURCE, builtinYears, calendarDaysBetween, isIsoDate, validateYearOverride } from '../../core/calendar/index.js';
import { AppError, forbidden } from '../../core/errors.js';
import { canConfigureInstallation } from '../../core/policies.js';
import type { AppDeps } from '../../server/deps.js';
import { actorOf, metaOf } from '../../server/http.js';
import { refreshFilingDue } from '../adjustments/filing-due.js';
import { recordAudit } from '../audit/audit.repo.js';
import { listEnteredYears, loadCalendar } from './calendar.repo.js';

const isoDate = (what: string) => z.string().refine(isIsoDate, `${what}应为有效日期（YYYY-MM-DD）`);
const yearParam = z.object({ year: z.coerce.number({ message: '年份应为数字' }).int().min(1900, '年份无效').max(9999, '年份无效') });
const yearBody = z.object({
  holidays: z.array(z.string(), { message: '请填写放假日期列表' }).max(366, '放假日期过多'),
  makeupWorkdays: z.array(z.string(), { message: '请填写调休上班日期列表' }).max(366, '调休上班日期过多'),
  source: z.string().trim().min(1, '请填写依据（国务院办公厅通知文号或标题）').max(200, '依据不能超过200个字'),
});

export async function calendarRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/calendar/years', { schema: { tags: ['工作日'], summary: '有节假日数据的年份（内置与录入）' } }, async (req) => {
    actorOf(req);
    const entered = await listEnteredYears(db);
    const enteredSet = new Set(entered.map((y) => y.year));
    const builtin = [...builtinYears().keys()].filter((y) => !enteredSet.has(y)).map((year) => ({ year, source: BUILTIN_SOURCE, entered: false }));
    return {
      years: [...builtin, ...entered.map((y) => ({ ...y, entered: true }))].sort((a, b) => a.year - b.year),
      canEdit: canConfigureInstallation(actorOf(req)),
    };
  });

  r.put('/api/calendar/years/:year', {
    schema: { tags: ['工作日'], summary: '录入某年国务院节假日安排（系统管理员）', params: yearParam, body: yearBody },
  }, async (req) => {
    const actor = actorOf(req);
    if (!canConfigureInstallation(actor)) throw forbidden('只有市级系统管理员可以录入节假日安排');
    const entry = { year: req.params.year, ...req.body };
    const issues = validateYearOverride(entry);
    if (issues.length) {
      throw new AppError('VALIDATION_FAILED', issues[0].message, issues.map((i) => ({ field: i.date ?? i.code, message: i.message })));
    }
    const at = clock();
    const sysGrant = actor.grants.find((g) => g.role === 'sysAdmin' && !g.regionPath.includes('/'));
    const refreshed = await db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('calendar_year').selectAll().where('year', '=', entry.year).executeTakeFirst();
      const values = { holidays: JSON.stringify(entry.holidays), makeup_workdays: JSON.stringify(entry.makeupWorkdays), source: entry.source, entered_by: actor.userId, entered_at: at };
      if (before) await trx.updateTable('calendar_year').set(values).where('year', '=', entry.year).execute();
      else await trx.insertInto('calendar_year').values({ year: entry.year, ...values }).execute();
      await recordAudit(trx, {
        actor, role: 'sysAdmin', bodyId: sysGrant?.bodyId, action: 'calendar.yearEntered', objectType: 'calendar_year', objectId: entry.year,
        before: before ? { holidays: before.holidays, makeupWorkdays: before.makeup_workdays, source: before.source } : null,
        after: { holidays: entry.holidays, makeupWorkdays: entry.makeupWorkdays, source: entry.source }, meta: metaOf(req), at,
      });
      // deadlines that were provisional for want of this year become exact
      return refreshFilingDue(trx, await loadCalendar(trx));
    });
    return { ...entry, refreshedDeadlines: refreshed };
  });

  r.get('/api/calendar/workdays', {
    schema: {
      tags: ['工作日'], summary: '从某日起第N个工作日（起算日不计入）',
      querystring: z.object({ from: isoDate('起算日'), add: z.coerce.number({ message: '工作日数应为整数' }).int().min(-2500).max(2500, '工作日数过大') }),
    },
  }, async (req) => {
    actorOf(req);
    const cal = await loadCalendar(db);
    const r = cal.addWorkdays(req.query.from, req.query.add);
    return { from: req.query.from, add: req.query.add, date: r.date, provisional: r.provisional, coveredYears: cal.knownYears() };
  });

  r.get('/api/calendar/days', {
    schema: { tags: ['工作日'], summary: '日期区间内每一天是否工作日', querystring: z.object({ from: isoDate('开始日期'), to: isoDate('结束日期') }) },
  }, async (req) => {
    actorOf(req);
    const { from, to } = req.query;
    const span = calendarDaysBetween(from, to);
    if (span < 0 || span > 400) throw new AppError('VALIDATION_FAILED', '日期区间应在400天以内，且结束日期不早于开始日期');
    const cal = await loadCalendar(db);
    const days = Array.from({ length: span + 1 }, (_, i) => cal.dayInfo(addCalendarDays(from, i)));
    return { from, to, workdays: cal.workdaysBetween(from, to), days };
  });
}
