// Each user's in-app inbox (spec §3 deadlines; issue item 5). Every notice has a dedupe key, so
// the daily sweep can run twice and a retried command writes nothing twice.
import { type RawBuilder, sql } from 'kysely';
import { actingGrants, RECEIVER_GRANT } from '../../core/policies/index.js';
import type { Role } from '../../core/rulebook/index.js';
import type { Db } from '../../platform/db.js';

export type NoticeKind = 'task' | 'reminder' | 'overdue' | 'missing' | 'notice';

export interface Notice {
  userId: number;
  kind: NoticeKind;
  adjustmentId?: number | null;
  step?: string | null;
  title: string;
  body?: string;
  dueOn?: string | null;
  /** Unique per user: the same key is never delivered twice. */
  dedupeKey: string;
}

/**
 * Deliver notices; returns how many were new. Each new item for a user with an e-mail address also
 * queues one mail in mail_outbox, in the same statement and so the same transaction (issue 12.6):
 * the mail leaves only after the action commits (inbox.mail.ts drains the outbox), and a rolled-back
 * action sends nothing. Nothing is queued while the platform runs without SMTP (mail_transport,
 * recorded at start by registerMailSender): no backlog waits for SMTP to be configured.
 */
export async function notify(db: Db, notices: readonly Notice[], at: Date): Promise<number> {
  let added = 0;
  for (let i = 0; i < notices.length; i += 200) {
    const part = notices.slice(i, i + 200);
    const res = await db
      .with('ins', (qb) =>
        qb
          .insertInto('inbox_item')
          .values(
            part.map((n) => ({
              user_id: n.userId,
              kind: n.kind,
              adjustment_id: n.adjustmentId ?? null,
              step: n.step ?? null,
              title: n.title,
              body: n.body ?? '',
              due_on: n.dueOn ?? null,
              dedupe_key: n.dedupeKey,
              created_at: at,
            })),
          )
          .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
          .returning(['id', 'user_id']),
      )
      .with('mail', (qb) =>
        qb
          .insertInto('mail_outbox')
          .columns(['inbox_item_id', 'recipient', 'next_attempt_at', 'created_at'])
          .expression((eb) =>
            eb
              .selectFrom('ins')
              .innerJoin('app_user as u', 'u.id', 'ins.user_id')
              .select([
                'ins.id',
                'u.email',
                sql<Date>`${at}::timestamptz`.as('n'),
                sql<Date>`${at}::timestamptz`.as('c'),
              ])
              .where('u.email', 'is not', null)
              .where('u.disabled', '=', false)
              .where(sql<boolean>`exists (select 1 from mail_transport where configured)`),
          ),
      )
      .selectFrom('ins')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    added += Number(res.n);
  }
  return added;
}

/**
 * The people who act in `roles` for an application of body `bodyId` in region `regionPath`:
 * body roles at the body itself, office roles at the body's level (officeLevelPath), and the
 * receiving body (§13(五) 承接部门) through its lead unit.
 */
export async function peopleFor(
  db: Db,
  roles: readonly Role[],
  body: { bodyId: number; regionPath: string; receivingBodyId?: number | null },
): Promise<{ userId: number; role: Role }[]> {
  const { bodyRoles, officeRoles, level, receivingBodyId: receiving } = actingGrants(roles, body);
  if (!bodyRoles.length && !officeRoles.length && !receiving) return [];
  const rows = await db
    .selectFrom('user_role as ur')
    .innerJoin('app_user as u', 'u.id', 'ur.user_id')
    .innerJoin('body as b', 'b.id', 'ur.body_id')
    .innerJoin('region as r', 'r.code', 'b.region_code')
    .select(['ur.user_id', 'ur.role', 'ur.body_id'])
    .where('u.disabled', '=', false)
    .where((eb) =>
      eb.or([
        ...(bodyRoles.length ? [eb.and([eb('ur.role', 'in', bodyRoles), eb('ur.body_id', '=', body.bodyId)])] : []),
        ...(officeRoles.length ? [eb.and([eb('ur.role', 'in', officeRoles), eb('r.path', '=', level)])] : []),
        ...(receiving ? [eb.and([eb('ur.role', '=', RECEIVER_GRANT), eb('ur.body_id', '=', receiving)])] : []),
      ]),
    )
    .orderBy('ur.user_id')
    .execute();
  return rows.map((r) => ({
    userId: r.user_id,
    role: (receiving && r.body_id === receiving && r.role === RECEIVER_GRANT ? 'receiver' : r.role) as Role,
  }));
}

/**
 * Whether an inbox row still asks something of its reader. A task, reminder or overdue notice
 * of a step is finished once that step is no longer open in the round it was delivered for
 * (the round is the third part of its dedupe key, e.g. `task:12:2:legalityReview`); one about
 * filing (step submit, 漏报) once the application has been submitted; any of them once the
 * application is done, withdrawn or rejected. Notices (returned, published…) stay: they are news.
 */
const stillCurrent = sql<boolean>`(
  inbox_item.kind = 'notice' or inbox_item.adjustment_id is null or exists (
    select 1 from adjustment a where a.id = inbox_item.adjustment_id and a.status in ('due', 'open') and (
      inbox_item.step is null
      or (inbox_item.step = 'submit' and a.first_submitted_at is null)
      or (inbox_item.kind <> 'missing' and a.status = 'open' and a.open_steps @> jsonb_build_array(inbox_item.step)
          and (split_part(inbox_item.dedupe_key, ':', 4) = '' or split_part(inbox_item.dedupe_key, ':', 3) = a.round::text))
    )
  )
)`;

/**
 * The supervision finding a notice is about (issue 12, flaw b): the rectification tasks are keyed
 * rectification:<order> and rectificationReview:<order> (src/modules/supervision/
 * rectification.commands.ts); their order names the finding. The inbox and the mail link to it.
 */
export const findingOfNotice = (key: RawBuilder<unknown>) => sql<number | null>`case
  when ${key} ~ '^(rectification|rectificationReview):[0-9]+$' then
    (select o.finding_id from rectification_order o where o.id = split_part(${key}, ':', 2)::int)
  end`;

/** The reader's inbox: only what still asks something of them (finished tasks leave it). */
export async function listInbox(db: Db, userId: number, opts: { unreadOnly?: boolean; limit?: number } = {}) {
  let q = db
    .selectFrom('inbox_item')
    .select([
      'id',
      'kind',
      'adjustment_id',
      'step',
      'title',
      'body',
      sql<string | null>`due_on::text`.as('due_on'),
      // §15: the feedback module's notices are keyed feedback:<id>:… (src/modules/feedback/feedback.notices.ts)
      sql<number | null>`case when dedupe_key ~ '^feedback:[0-9]+:' then split_part(dedupe_key, ':', 2)::int end`.as(
        'feedback_id',
      ),
      findingOfNotice(sql.ref('dedupe_key')).as('finding_id'),
      'created_at',
      'read_at',
    ])
    .where('user_id', '=', userId)
    .where(stillCurrent);
  if (opts.unreadOnly) q = q.where('read_at', 'is', null);
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(opts.limit ?? 100)
    .execute();
  const unread = await db
    .selectFrom('inbox_item')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .where(stillCurrent)
    .executeTakeFirstOrThrow();
  return {
    unread: Number(unread.n),
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      adjustmentId: r.adjustment_id,
      feedbackId: r.feedback_id,
      findingId: r.finding_id,
      step: r.step,
      title: r.title,
      body: r.body,
      dueOn: r.due_on,
      createdAt: r.created_at,
      readAt: r.read_at,
    })),
  };
}

/** Marks one of the user's own items read; false when the user has no such item (another's is not theirs). */
export async function markRead(db: Db, userId: number, id: number, at: Date): Promise<boolean> {
  const row = await db
    .updateTable('inbox_item')
    .set({ read_at: at })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (row) return true;
  const mine = await db
    .selectFrom('inbox_item')
    .select('id')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return !!mine;
}

/** Marks every unread item of the user read; how many were. */
export async function markAllRead(db: Db, userId: number, at: Date): Promise<number> {
  const res = await db
    .updateTable('inbox_item')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows ?? 0);
}
