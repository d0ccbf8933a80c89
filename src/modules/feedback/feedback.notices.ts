// Inbox tasks and reminders for opinions, complaints and reports (§15). Each notice has a dedupe
// key `feedback:<id>:…`, so a retried command or a second sweep delivers nothing twice; a state
// change marks the earlier tasks of that item read (they no longer ask anything).
import { FEEDBACK_KIND_LABELS, type FeedbackKind } from '../../contract/feedback.js';
import { todayInBeijing } from '../../core/calendar/index.js';
import { getRulebook, type Role } from '../../core/rulebook/index.js';
import type { Db } from '../../platform/db.js';
import { notify, peopleFor, type NoticeKind } from '../adjustments/inbox.repo.js';
import { loadCalendar } from '../calendar/calendar.repo.js';

export interface NoticeTarget {
  id: number;
  kind: FeedbackKind;
  bodyId: number;
  regionPath: string;
  routedTo: 'office' | 'body';
  dueOn: string;
}

const what = (f: NoticeTarget) => `${FEEDBACK_KIND_LABELS[f.kind]}（编号 ${f.id}）`;

/** The earlier tasks of this item are done: they leave the unread count. */
export async function closeTasks(db: Db, feedbackId: number, at: Date) {
  await db
    .updateTable('inbox_item')
    .set({ read_at: at })
    .where('dedupe_key', 'like', `feedback:${feedbackId}:%`)
    .where('read_at', 'is', null)
    .execute();
}

async function tell(
  db: Db,
  f: NoticeTarget,
  roles: Role[],
  kind: NoticeKind,
  tag: string,
  title: string,
  body: string,
  at: Date,
): Promise<number> {
  const people = await peopleFor(db, roles, { bodyId: f.bodyId, regionPath: f.regionPath });
  const ids = [...new Set(people.map((p) => p.userId))];
  // how many were new (notify skips a dedupe key a user already has)
  return notify(
    db,
    ids.map((userId) => ({ userId, kind, title, body, dueOn: f.dueOn, dedupeKey: `feedback:${f.id}:${tag}` })),
    at,
  );
}

/** A web submission waits in the level office's moderation queue. */
export const moderationTask = (db: Db, f: NoticeTarget, at: Date) =>
  tell(db, f, ['coordinator'], 'task', 'moderation', `待审核：网站收到${what(f)}`, '请审核后受理或不予受理', at);

/** Accepted or recorded: whoever assigns gets the task (§15: the office, or the body's 牵头机构). */
export const assignTask = (db: Db, f: NoticeTarget, at: Date) =>
  tell(
    db,
    f,
    f.routedTo === 'office' ? ['coordinator'] : ['leadUnit'],
    'task',
    'assign',
    `待分办：${what(f)}`,
    '请指定承办人',
    at,
  );

export async function handlerTask(db: Db, f: NoticeTarget, handlerId: number, at: Date) {
  await notify(
    db,
    [
      {
        userId: handlerId,
        kind: 'task',
        title: `待答复：${what(f)}`,
        body: '您被指定为承办人，请研究论证后书面答复（第十五条）',
        dueOn: f.dueOn,
        dedupeKey: `feedback:${f.id}:handler:${handlerId}`,
      },
    ],
    at,
  );
}

/**
 * The daily reminders: a handler whose answer falls due within the rulebook's reminder window
 * hears once; once overdue, the handler (or, unassigned, those who assign) hears once more.
 */
export async function sweepFeedback(db: Db, now: Date): Promise<number> {
  const today = todayInBeijing(now);
  const cal = await loadCalendar(db);
  const rows = await db
    .selectFrom('feedback as f')
    .innerJoin('body as b', 'b.id', 'f.body_id')
    .innerJoin('region as r', 'r.code', 'b.region_code')
    .select([
      'f.id',
      'f.kind',
      'f.body_id as bodyId',
      'r.path as regionPath',
      'f.routed_to as routedTo',
      'f.due_on as dueOn',
      'f.handler_id as handlerId',
      'f.rulebook_id as rulebookId',
    ])
    .where('f.status', 'in', ['moderation', 'open', 'assigned'])
    .execute();
  let sent = 0;
  for (const f of rows) {
    const window = getRulebook(f.rulebookId as 'baotou-2023').feedback.reminderWorkdays;
    const overdue = today > f.dueOn;
    const left = overdue ? -1 : cal.workdaysBetween(today, f.dueOn);
    if (!overdue && left > window) continue;
    const tag = overdue ? `overdue:${f.dueOn}` : `reminder:${f.dueOn}`;
    const title = overdue
      ? `已逾期：${FEEDBACK_KIND_LABELS[f.kind]}（编号 ${f.id}）应于 ${f.dueOn} 前答复`
      : `即将到期：${FEEDBACK_KIND_LABELS[f.kind]}（编号 ${f.id}）应于 ${f.dueOn} 前答复`;
    const kind: NoticeKind = overdue ? 'overdue' : 'reminder';
    if (f.handlerId) {
      sent += await notify(
        db,
        [{ userId: f.handlerId, kind, title, dueOn: f.dueOn, dedupeKey: `feedback:${f.id}:${tag}` }],
        now,
      );
    } else {
      sent += await tell(
        db,
        f,
        f.routedTo === 'office' ? ['coordinator'] : ['leadUnit'],
        kind,
        tag,
        title,
        '尚未指定承办人',
        now,
      );
    }
  }
  return sent;
}
