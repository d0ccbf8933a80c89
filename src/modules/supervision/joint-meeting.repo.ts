// §4 联席会议: reading a level's members and meetings (the office's own level; the city sees all).
import type { Actor } from '../../core/actor.js';
import { canManageJointMeeting } from '../../core/policies/supervision.js';
import { readJsonbArray, type Db } from '../../platform/db.js';

export interface RegionRow {
  code: string;
  name: string;
  path: string;
  level: number;
}

export async function findRegion(db: Db, code: string): Promise<RegionRow | undefined> {
  return db.selectFrom('region').select(['code', 'name', 'path', 'level']).where('code', '=', code).executeTakeFirst();
}

/** §4 权责清单涉及的各部门: the level's own bodies that exercise powers (not its offices). */
export function candidates(db: Db, regionCode: string) {
  return db
    .selectFrom('body')
    .select(['id as bodyId', 'name as bodyName'])
    .where('region_code', '=', regionCode)
    .where('office', 'is', null)
    .orderBy('seq')
    .orderBy('id')
    .execute();
}

export function members(db: Db, regionCode: string) {
  return db
    .selectFrom('joint_meeting_member as m')
    .innerJoin('body as b', 'b.id', 'm.body_id')
    .select(['m.body_id as bodyId', 'b.name as bodyName', 'm.added_at as addedAt'])
    .where('m.region_code', '=', regionCode)
    .orderBy('b.seq')
    .orderBy('b.id')
    .execute();
}

interface Attendance {
  bodyId: number;
  present: boolean;
  attendee: string;
}

function meetingQuery(db: Db) {
  return db
    .selectFrom('joint_meeting as j')
    .innerJoin('region as r', 'r.code', 'j.region_code')
    .innerJoin('app_user as u', 'u.id', 'j.created_by')
    .select([
      'j.id',
      'j.region_code',
      'r.name as region_name',
      'r.path as region_path',
      'j.title',
      'j.held_on',
      'j.place',
      'j.agenda',
      'j.status',
      'j.attendance',
      'j.decisions',
      'j.minutes',
      'j.minutes_published_at',
      'u.display_name as created_by_name',
    ]);
}

async function present(
  db: Db,
  actor: Actor | null,
  rows: Awaited<ReturnType<ReturnType<typeof meetingQuery>['execute']>>,
) {
  const ids = [...new Set(rows.flatMap((r) => readJsonbArray<Attendance>(r.attendance).map((a) => a.bodyId)))];
  const names = new Map(
    ids.length
      ? (await db.selectFrom('body').select(['id', 'name']).where('id', 'in', ids).execute()).map((b) => [b.id, b.name])
      : [],
  );
  return rows.map((r) => ({
    id: r.id,
    regionCode: r.region_code,
    regionName: r.region_name,
    regionPath: r.region_path,
    title: r.title,
    heldOn: r.held_on,
    place: r.place,
    agenda: readJsonbArray<{
      kind: 'adjustment' | 'finding' | 'assessment' | 'other';
      refId: number | null;
      text: string;
    }>(r.agenda),
    status: r.status,
    attendance: readJsonbArray<Attendance>(r.attendance).map((a) => ({ ...a, bodyName: names.get(a.bodyId) ?? '' })),
    decisions: readJsonbArray<string>(r.decisions),
    minutes: r.minutes,
    minutesPublishedAt: r.minutes_published_at,
    createdByName: r.created_by_name,
    manage: canManageJointMeeting(actor, r.region_path),
  }));
}
export type MeetingRecord = Awaited<ReturnType<typeof present>>[number];

export async function findMeeting(db: Db, actor: Actor | null, id: number): Promise<MeetingRecord | undefined> {
  return (await present(db, actor, await meetingQuery(db).where('j.id', '=', id).execute()))[0];
}

/** The meetings of the levels the actor's coordination office reaches, newest first. */
export async function listMeetings(db: Db, actor: Actor, regionPaths: string[]): Promise<MeetingRecord[]> {
  if (regionPaths.length === 0) return [];
  const rows = await meetingQuery(db)
    .where((eb) => eb.or(regionPaths.flatMap((p) => [eb('r.path', '=', p), eb('r.path', 'like', `${p}/%`)])))
    .orderBy('j.held_on', 'desc')
    .orderBy('j.id', 'desc')
    .limit(200)
    .execute();
  return present(db, actor, rows);
}

/** The portal: meetings whose minutes the office published. */
export async function publishedMinutes(db: Db): Promise<MeetingRecord[]> {
  const rows = await meetingQuery(db)
    .where('j.minutes_published_at', 'is not', null)
    .orderBy('j.held_on', 'desc')
    .execute();
  return present(db, null, rows);
}
