// §4 联席会议: the office of a level names the member bodies (权责清单涉及的各部门), calls meetings
// with an agenda (applications, findings, assessment), records attendance and decisions, and
// publishes the minutes where it chooses. One transaction each, audited in it.
import type { MeetingInput, RecordInput } from '../../contract/joint-meeting.js';
import type { Actor, RequestMeta } from '../../core/actor.js';
import { AppError, notFound } from '../../core/errors.js';
import { canManageJointMeeting, canViewJointMeeting } from '../../core/policies/supervision.js';
import type { Database } from '../../db/connect.js';
import type { Db } from '../../platform/db.js';
import { recordAudit } from '../audit/audit.repo.js';
import { candidates, findMeeting, findRegion, members } from './joint-meeting.repo.js';

/** The level's region, checked: a 市 or 旗县区 the actor's office keeps (404 outside its view). */
async function managedRegion(db: Db, actor: Actor, code: string) {
  const r = await findRegion(db, code);
  if (!r || r.level > 2 || !canViewJointMeeting(actor, r.path)) throw notFound('区划');
  if (!canManageJointMeeting(actor, r.path))
    throw new AppError('FORBIDDEN', '联席会议由本级协调小组办公室（联席会议办公室）负责');
  return r;
}

export async function setMembers(
  db: Database,
  actor: Actor,
  region: string,
  bodyIds: number[],
  meta: RequestMeta,
  at: Date,
) {
  await db.transaction().execute(async (trx) => {
    const r = await managedRegion(trx, actor, region);
    const allowed = new Set((await candidates(trx, r.code)).map((c) => c.bodyId));
    const wanted = [...new Set(bodyIds)];
    const stray = wanted.filter((id) => !allowed.has(id));
    if (stray.length)
      throw new AppError('VALIDATION_FAILED', `成员单位应为${r.name}的职权行使机构（编号 ${stray.join('、')} 不是）`);
    const before = (await members(trx, r.code)).map((m) => m.bodyId);
    await trx.deleteFrom('joint_meeting_member').where('region_code', '=', r.code).execute();
    if (wanted.length)
      await trx
        .insertInto('joint_meeting_member')
        .values(wanted.map((body_id) => ({ region_code: r.code, body_id, added_at: at, added_by: actor.userId })))
        .execute();
    await recordAudit(trx, {
      actor,
      role: 'coordinator',
      action: 'jointMeeting.membersSet',
      objectType: 'region',
      objectId: r.code,
      before: { bodyIds: before },
      after: { bodyIds: wanted },
      meta,
      at,
    });
  });
}

async function checkAgenda(db: Db, agenda: MeetingInput['agenda']) {
  for (const [i, item] of agenda.entries()) {
    if (!item.refId) continue;
    const table = item.kind === 'adjustment' ? 'adjustment' : item.kind === 'finding' ? 'finding' : null;
    if (!table) continue;
    const row = await db.selectFrom(table).select('id').where('id', '=', item.refId).executeTakeFirst();
    if (!row)
      throw new AppError(
        'VALIDATION_FAILED',
        `第${i + 1}项议题所指的${table === 'adjustment' ? '调整申请' : '督查发现'}不存在`,
        [{ field: `agenda.${i}.refId`, message: '编号不存在' }],
      );
  }
}

export async function createMeeting(db: Database, actor: Actor, input: MeetingInput, meta: RequestMeta, at: Date) {
  return db.transaction().execute(async (trx) => {
    const r = await managedRegion(trx, actor, input.region);
    await checkAgenda(trx, input.agenda);
    const row = await trx
      .insertInto('joint_meeting')
      .values({
        region_code: r.code,
        title: input.title,
        held_on: input.heldOn,
        place: input.place || null,
        agenda: JSON.stringify(input.agenda),
        created_at: at,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor,
      role: 'coordinator',
      action: 'jointMeeting.created',
      objectType: 'jointMeeting',
      objectId: row.id,
      after: { region: r.code, title: input.title, heldOn: input.heldOn, agenda: input.agenda.length },
      meta,
      at,
    });
    return row.id;
  });
}

async function managedMeeting(db: Db, actor: Actor, id: number) {
  await db.selectFrom('joint_meeting').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  const m = await findMeeting(db, actor, id);
  if (!m || !canViewJointMeeting(actor, m.regionPath)) throw notFound('联席会议');
  if (!m.manage) throw new AppError('FORBIDDEN', '联席会议由本级协调小组办公室（联席会议办公室）负责');
  return m;
}

/** After the meeting: who attended (members only) and what was decided. */
export async function recordMeeting(
  db: Database,
  actor: Actor,
  id: number,
  input: RecordInput,
  meta: RequestMeta,
  at: Date,
) {
  await db.transaction().execute(async (trx) => {
    const m = await managedMeeting(trx, actor, id);
    if (m.minutesPublishedAt) throw new AppError('INVALID_STATE', '会议纪要已公开，不能再修改会议记录');
    const memberIds = new Set((await members(trx, m.regionCode)).map((x) => x.bodyId));
    const stray = input.attendance.filter((a) => !memberIds.has(a.bodyId));
    if (stray.length) throw new AppError('VALIDATION_FAILED', '出席情况只能记录本级联席会议成员单位');
    await trx
      .updateTable('joint_meeting')
      .set({
        status: 'held',
        attendance: JSON.stringify(input.attendance),
        decisions: JSON.stringify(input.decisions),
        minutes: input.minutes || null,
        recorded_at: at,
        recorded_by: actor.userId,
      })
      .where('id', '=', m.id)
      .execute();
    await recordAudit(trx, {
      actor,
      role: 'coordinator',
      action: 'jointMeeting.recorded',
      objectType: 'jointMeeting',
      objectId: m.id,
      before: { status: m.status },
      after: { present: input.attendance.filter((a) => a.present).length, decisions: input.decisions },
      meta,
      at,
    });
  });
}

/** Publishing the minutes is the office's choice (§4 公开公示), once the meeting is recorded. */
export async function publishMinutes(db: Database, actor: Actor, id: number, meta: RequestMeta, at: Date) {
  await db.transaction().execute(async (trx) => {
    const m = await managedMeeting(trx, actor, id);
    if (m.status !== 'held') throw new AppError('INVALID_STATE', '会议尚未记录出席情况和议定事项，不能公开纪要');
    if (!m.minutes) throw new AppError('INVALID_STATE', '请先填写会议纪要');
    if (m.minutesPublishedAt) throw new AppError('INVALID_STATE', '会议纪要已公开');
    await trx.updateTable('joint_meeting').set({ minutes_published_at: at }).where('id', '=', m.id).execute();
    await recordAudit(trx, {
      actor,
      role: 'coordinator',
      action: 'jointMeeting.minutesPublished',
      objectType: 'jointMeeting',
      objectId: m.id,
      after: { title: m.title },
      meta,
      at,
    });
  });
}
