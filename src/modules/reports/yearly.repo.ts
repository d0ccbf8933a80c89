// The facts of one level's year, read from the adjustment records (0004) and the comments
// (0005), in the plain shape the report model takes. 本级 only (§12 本级协调小组): the bodies the
// level's offices serve — the region's own and, for a 旗县区, its 苏木乡镇·街道 (§18,
// officeLevelPath); each other level's office reports on its own.
import { sql, type Kysely } from 'kysely';
import { todayInBeijing } from '../../core/calendar/index.js';
import { DEFAULT_RULEBOOK_ID } from '../../core/rulebook/index.js';
import type { DB } from '../../db/schema.js';
import type { ApplicationOutcome, YearlyReportInput } from './yearly.model.js';

export interface ReportRegion {
  code: string;
  name: string;
  path: string;
  /** names from the city down: 包头市昆都仑区 */
  fullName: string;
}

export async function findReportRegion(db: Kysely<DB>, code: string): Promise<ReportRegion | undefined> {
  const region = await db
    .selectFrom('region')
    .select(['code', 'name', 'path'])
    .where('code', '=', code)
    .executeTakeFirst();
  if (!region) return undefined;
  const codes = region.path.split('/');
  const names = await db.selectFrom('region').select(['code', 'name']).where('code', 'in', codes).execute();
  const fullName = codes.map((c) => names.find((n) => n.code === c)?.name ?? '').join('');
  return { ...region, fullName };
}

// A step act that answers the step: done, sent back, or refused. Only these carry a met/missed deadline.
const ANSWERS = ['complete', 'return', 'reject'];

export async function yearlyReportInput(
  db: Kysely<DB>,
  region: ReportRegion,
  year: number,
  now: Date,
): Promise<YearlyReportInput> {
  const from = new Date(`${year}-01-01T00:00:00+08:00`);
  const to = new Date(`${year + 1}-01-01T00:00:00+08:00`);
  // a 旗县区 (two path segments) also serves the townships below it
  const servesTownships = region.path.split('/').length === 2;
  const ofLevel = db
    .selectFrom('adjustment as a')
    .innerJoin('body as b', 'b.id', 'a.body_id')
    .innerJoin('region as br', 'br.code', 'b.region_code')
    .where((eb) =>
      servesTownships
        ? eb.or([eb('br.path', '=', region.path), eb('br.path', 'like', `${region.path}/%`)])
        : eb('br.path', '=', region.path),
    );

  const [rulebook, apps, missing, acts, consultations] = await Promise.all([
    db.selectFrom('rulebook_selection').select('rulebook_id').orderBy('id', 'desc').limit(1).executeTakeFirst(),
    ofLevel
      .select(['b.name as body_name', 'a.kind', 'a.status', 'a.late'])
      .where('a.first_submitted_at', '>=', from)
      .where('a.first_submitted_at', '<', to)
      .execute(),
    ofLevel
      .select(sql<number>`count(*)::int`.as('n'))
      .where('a.missing_at', '>=', from)
      .where('a.missing_at', '<', to)
      .executeTakeFirstOrThrow(),
    ofLevel
      .innerJoin('adjustment_step_record as r', 'r.adjustment_id', 'a.id')
      .select(['r.step', 'r.on_time', 'a.rulebook_id', 'a.kind'])
      .where('r.at', '>=', from)
      .where('r.at', '<', to)
      .where('r.step', 'is not', null)
      .where('r.on_time', 'is not', null)
      .where('r.action', 'in', ANSWERS)
      .execute(),
    ofLevel
      .innerJoin('consultation as c', 'c.adjustment_id', 'a.id')
      .select(['c.id', 'a.title', 'b.name as body_name', 'c.opens_on', 'c.closes_on', 'c.status'])
      .where('c.opens_on', '>=', `${year}-01-01`)
      .where('c.opens_on', '<=', `${year}-12-31`)
      .orderBy('c.opens_on')
      .orderBy('c.id')
      .execute(),
  ]);
  const comments = consultations.length
    ? await db
        .selectFrom('consultation_comment')
        .select(['consultation_id', 'hidden_at', 'disposition'])
        .where(
          'consultation_id',
          'in',
          consultations.map((c) => c.id),
        )
        .orderBy('seq')
        .execute()
    : [];
  const day = (v: unknown) => (v instanceof Date ? todayInBeijing(v) : String(v).slice(0, 10));
  return {
    year,
    regionFullName: region.fullName,
    includesTownships: servesTownships,
    rulebookId: rulebook?.rulebook_id ?? DEFAULT_RULEBOOK_ID,
    generatedOn: todayInBeijing(now),
    // an application still 'due' was never filed, so it has no first submission in the year
    applications: apps.map((a) => ({
      bodyName: a.body_name,
      kind: a.kind,
      outcome: (a.status === 'due' ? 'open' : a.status) as ApplicationOutcome,
      late: a.late,
    })),
    missing: Number(missing.n),
    stepActs: acts.map((r) => ({
      step: r.step as YearlyReportInput['stepActs'][number]['step'],
      rulebookId: r.rulebook_id,
      kind: r.kind,
      onTime: r.on_time === true,
    })),
    consultations: consultations.map((c) => ({
      title: c.title,
      bodyName: c.body_name,
      opensOn: day(c.opens_on),
      closesOn: day(c.closes_on),
      cancelled: c.status === 'cancelled',
      comments: comments
        .filter((k) => k.consultation_id === c.id)
        .map((k) => ({ hidden: k.hidden_at !== null, disposition: k.disposition })),
    })),
  };
}
