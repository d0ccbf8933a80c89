// State changes of public comments, each one command in one transaction with its audit event.
import { sql, type Transaction } from 'kysely';
import type { Actor, RequestMeta } from '../../core/actor.js';
import { todayInBeijing } from '../../core/calendar/index.js';
import { AppError, forbidden, notFound } from '../../core/errors.js';
import type { Database } from '../../db/connect.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../audit/audit.repo.js';
import { COMMENT_LIMITS, DISPOSITION_LABELS, type Disposition } from './comment-rules.js';
import { canModerate, canReadComments, ownLevelCoordinator } from '../../core/policies/index.js';
import { findConsultation, phaseOf, type ConsultationRow } from './consultations.repo.js';

export interface NewComment {
  consultationId: number;
  name: string | null;
  contact: string | null;
  content: string;
  clientKey: string;
  meta: RequestMeta;
  at: Date;
}

/**
 * §12 公开征求意见: a citizen's comment, accepted only while the consultation takes comments
 * and while the client address is under its hourly limit. Returns the public number.
 */
export async function addComment(db: Database, c: NewComment): Promise<{ seq: number }> {
  return db.transaction().execute(async (trx) => {
    // lock the consultation row: numbers are handed out one at a time, and a concurrent close waits
    const locked = await trx
      .selectFrom('consultation')
      .select('id')
      .where('id', '=', c.consultationId)
      .forUpdate()
      .executeTakeFirst();
    const cons = locked && (await findConsultation(trx, c.consultationId));
    if (!cons) throw notFound('征求意见');
    const phase = phaseOf(cons, todayInBeijing(c.at));
    if (phase === 'upcoming') throw new AppError('INVALID_STATE', `本次征求意见自${cons.opensOn}起接收意见，尚未开始`);
    if (phase !== 'open') throw new AppError('INVALID_STATE', '本次征求意见已结束，不再接收意见');
    const since = new Date(c.at.getTime() - 3_600_000);
    const recent = await trx
      .selectFrom('consultation_comment')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('client_key', '=', c.clientKey)
      .where('created_at', '>', since)
      .executeTakeFirstOrThrow();
    if (Number(recent.n) >= COMMENT_LIMITS.perAddressPerHour)
      throw new AppError(
        'RATE_LIMITED',
        `提交过于频繁：同一网络地址每小时最多提交${COMMENT_LIMITS.perAddressPerHour}条意见，请稍后再试`,
      );
    const { next } = await trx
      .selectFrom('consultation_comment')
      .select(sql<number>`coalesce(max(seq), 0)::int + 1`.as('next'))
      .where('consultation_id', '=', c.consultationId)
      .executeTakeFirstOrThrow();
    const row = await trx
      .insertInto('consultation_comment')
      .values({
        consultation_id: c.consultationId,
        seq: next,
        author_name: c.name,
        contact: c.contact,
        content: c.content,
        client_key: c.clientKey,
        created_at: c.at,
      })
      .returning(['id', 'seq'])
      .executeTakeFirstOrThrow();
    // The contact is personal data: the audit trail records that it was given, not what it is.
    await recordAudit(trx, {
      actor: null,
      bodyId: cons.bodyId,
      action: 'consultation.commentReceived',
      objectType: 'consultationComment',
      objectId: row.id,
      after: {
        consultationId: cons.id,
        seq: row.seq,
        named: c.name !== null,
        contactGiven: c.contact !== null,
        length: c.content.length,
      },
      meta: c.meta,
      at: c.at,
    });
    return { seq: row.seq };
  });
}

export interface StaffAct {
  actor: Actor;
  consultationId: number;
  commentId: number;
  meta: RequestMeta;
  at: Date;
}

/** Scope first (404 outside it), then the right to act (403 for an office above the level). */
async function authorize(db: Database, a: StaffAct): Promise<ConsultationRow> {
  const cons = await findConsultation(db, a.consultationId);
  if (!cons || !canReadComments(a.actor, cons.regionPath)) throw notFound('征求意见');
  if (!canModerate(a.actor, cons.regionPath)) throw forbidden('公众意见由本级协调小组办公室处理');
  return cons;
}

async function lockComment(trx: Transaction<DB>, a: StaffAct) {
  const row = await trx
    .selectFrom('consultation_comment')
    .selectAll()
    .where('id', '=', a.commentId)
    .where('consultation_id', '=', a.consultationId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('意见');
  return row;
}

/** Moderation: the comment leaves the public page; the page says how many were hidden. */
export async function setCommentHidden(db: Database, a: StaffAct & { hidden: boolean; reason: string }): Promise<void> {
  const cons = await authorize(db, a);
  const grant = ownLevelCoordinator(a.actor, cons.regionPath)!;
  await db.transaction().execute(async (trx) => {
    const row = await lockComment(trx, a);
    if ((row.hidden_at !== null) === a.hidden)
      throw new AppError('INVALID_STATE', a.hidden ? '该意见已被隐藏' : '该意见当前未被隐藏');
    await trx
      .updateTable('consultation_comment')
      .set(
        a.hidden
          ? { hidden_at: a.at, hidden_by: a.actor.userId, hidden_reason: a.reason }
          : { hidden_at: null, hidden_by: null, hidden_reason: null },
      )
      .where('id', '=', row.id)
      .execute();
    await recordAudit(trx, {
      actor: a.actor,
      role: 'coordinator',
      bodyId: grant.bodyId,
      action: a.hidden ? 'consultation.commentHidden' : 'consultation.commentRestored',
      objectType: 'consultationComment',
      objectId: row.id,
      before: { hidden: row.hidden_at !== null, reason: row.hidden_reason },
      after: { consultationId: cons.id, seq: row.seq, hidden: a.hidden, reason: a.reason },
      meta: a.meta,
      at: a.at,
    });
  });
}

/** §15 吸收采纳合理内容: 采纳 / 部分采纳 / 不予采纳 with a reason; may be revised, each time audited. */
export async function disposeComment(
  db: Database,
  a: StaffAct & { disposition: Disposition; reason: string },
): Promise<void> {
  const cons = await authorize(db, a);
  const grant = ownLevelCoordinator(a.actor, cons.regionPath)!;
  if (cons.status === 'cancelled') throw new AppError('INVALID_STATE', '本次征求意见已终止，无需处理意见');
  await db.transaction().execute(async (trx) => {
    const row = await lockComment(trx, a);
    if (row.hidden_at !== null)
      throw new AppError('INVALID_STATE', '已隐藏的意见不公开，无需填写处理结果；如需处理请先恢复显示');
    await trx
      .updateTable('consultation_comment')
      .set({ disposition: a.disposition, disposition_reason: a.reason, disposed_at: a.at, disposed_by: a.actor.userId })
      .where('id', '=', row.id)
      .execute();
    await recordAudit(trx, {
      actor: a.actor,
      role: 'coordinator',
      bodyId: grant.bodyId,
      action: 'consultation.commentDisposed',
      objectType: 'consultationComment',
      objectId: row.id,
      before: row.disposition ? { disposition: row.disposition, reason: row.disposition_reason } : null,
      after: {
        consultationId: cons.id,
        seq: row.seq,
        disposition: a.disposition,
        label: DISPOSITION_LABELS[a.disposition],
        reason: a.reason,
      },
      meta: a.meta,
      at: a.at,
    });
  });
}
