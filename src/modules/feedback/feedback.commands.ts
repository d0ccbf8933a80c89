// Receiving opinions, complaints and reports (§15 ¶1–2) and putting them in hand: the web form,
// staff intake of the other channels, moderation of the web queue, assigning a handler. Each
// command is one transaction with its audit row; a refusal changes nothing.
import { createHash, randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { FeedbackChannel, FeedbackKind } from '../../contract/feedback.js';
import { FEEDBACK_LIMITS } from '../../contract/feedback.js';
import type { Actor, RequestMeta } from '../../core/actor.js';
import { todayInBeijing } from '../../core/calendar/index.js';
import { AppError, forbidden, notFound } from '../../core/errors.js';
import {
  canAssign,
  canIntake,
  canModerateFeedback,
  canSeeFeedback,
  handlerBodyOf,
  routeOf,
  type FeedbackRef,
} from '../../core/policies/index.js';
import { dueFor, getRulebook } from '../../core/rulebook/index.js';
import type { Database } from '../../db/connect.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../audit/audit.repo.js';
import { currentRulebookId } from '../rulebook/rulebook.repo.js';
import { loadCalendar } from '../calendar/calendar.repo.js';
import { sealContact, type Contact } from './contact-crypto.js';
import { assignTask, closeTasks, handlerTask, moderationTask, type NoticeTarget } from './feedback.notices.js';
import {
  bodyWithOffice,
  currentPower,
  handlersAt,
  lockFeedback,
  recentFromClient,
  refOf,
  type FeedbackRow,
} from './feedback.repo.js';

// Crockford's base32 without I, L, O, U: read aloud over the phone without confusion.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 查询码: 80 random bits as XXXX-XXXX-XXXX-XXXX; the only key to the public status page. */
export function newReceiptCode(): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let s = '';
  for (let i = 0; i < 16; i++) s += ALPHABET[Number((bits >> BigInt(75 - i * 5)) & 31n)];
  return s.match(/.{4}/g)!.join('-');
}

/** What a citizen types back: case, spaces and dashes do not matter; O→0, I/L→1. */
export function normalReceiptCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{16}$/.test(s)) return null;
  return s.match(/.{4}/g)!.join('-');
}

export interface NewFileIn {
  filename: string;
  mediaType: string;
  bytes: Buffer;
}

export interface NewFeedback {
  kind: FeedbackKind;
  bodyId: number;
  powerCode?: string | null;
  content: string;
  contact: Contact;
  files?: NewFileIn[];
}

async function receive(
  trx: Transaction<DB>,
  v: NewFeedback & { channel: FeedbackChannel; clientKey: string | null; intakeBy: number | null },
  at: Date,
) {
  const body = await bodyWithOffice(trx, v.bodyId);
  if (!body)
    throw new AppError('VALIDATION_FAILED', '请选择所反映的职权行使机构', [{ field: 'bodyId', message: '机构无效' }]);
  let power: { code: string; name: string } | undefined;
  if (v.powerCode) {
    power = await currentPower(trx, body.id, v.powerCode);
    if (!power)
      throw new AppError('VALIDATION_FAILED', `${body.name}现行权责清单中没有编码为 ${v.powerCode} 的行政职权`, [
        { field: 'powerCode', message: '权力编码无效' },
      ]);
  }
  const rulebookId = await currentRulebookId(trx);
  const rb = getRulebook(rulebookId);
  // §15: the answer clock runs from the day it was received (working days, rulebook.feedback)
  const due = dueFor(rb, rb.feedback.answer, todayInBeijing(at), await loadCalendar(trx));
  const routedTo = routeOf(v.kind);
  const row = await trx
    .insertInto('feedback')
    .values({
      receipt_code: newReceiptCode(),
      kind: v.kind,
      channel: v.channel,
      body_id: body.id,
      power_code: power?.code ?? null,
      power_name: power?.name ?? null,
      content: v.content,
      routed_to: routedTo,
      office_body_id: body.office.id,
      // the web is open to anyone: it waits for moderation; what staff record is real at once
      status: v.channel === 'web' ? 'moderation' : 'open',
      rulebook_id: rulebookId,
      received_at: at,
      due_on: due.date,
      due_provisional: due.provisional,
      contact_enc: sealContact(v.contact),
      client_key: v.clientKey,
      intake_by: v.intakeBy,
      created_at: at,
    })
    .returning(['id', 'receipt_code', 'status'])
    .executeTakeFirstOrThrow();
  for (const f of v.files ?? []) {
    await trx
      .insertInto('feedback_attachment')
      .values({
        feedback_id: row.id,
        filename: f.filename,
        media_type: f.mediaType,
        size: f.bytes.length,
        sm3: createHash('sm3').update(f.bytes).digest('hex'),
        content: f.bytes,
        created_at: at,
      })
      .execute();
  }
  const notice = { id: row.id, kind: v.kind, bodyId: body.id, regionPath: body.regionPath, routedTo, dueOn: due.date };
  if (row.status === 'moderation') await moderationTask(trx, notice, at);
  else await assignTask(trx, notice, at);
  return { row, body, power, routedTo, due };
}

/** §15 ¶2 网络: the portal's form. Rate-limited per client address; lands in moderation. */
export async function submitFeedback(
  db: Database,
  v: NewFeedback & { clientKey: string; meta: RequestMeta; at: Date },
): Promise<{ id: number; receiptCode: string }> {
  return db.transaction().execute(async (trx) => {
    const n = await recentFromClient(trx, v.clientKey, new Date(v.at.getTime() - 3_600_000));
    if (n >= FEEDBACK_LIMITS.perAddressPerHour)
      throw new AppError(
        'RATE_LIMITED',
        `提交过于频繁：同一网络地址每小时最多提交${FEEDBACK_LIMITS.perAddressPerHour}件，请稍后再试`,
      );
    const { row, body, power, routedTo } = await receive(trx, { ...v, channel: 'web', intakeBy: null }, v.at);
    // personal data stays out of the audit trail: that a contact was given, not what it is
    await recordAudit(trx, {
      actor: null,
      bodyId: body.id,
      action: 'feedback.received',
      objectType: 'feedback',
      objectId: row.id,
      after: {
        kind: v.kind,
        powerCode: power?.code ?? null,
        routedTo,
        contactGiven: !!(v.contact.name || v.contact.contact),
        files: v.files?.length ?? 0,
      },
      meta: v.meta,
      at: v.at,
    });
    return { id: row.id, receiptCode: row.receipt_code };
  });
}

/** §15 ¶2 政务大厅现场、电话、邮箱 (and letters): recorded by staff, with the channel. */
export async function intakeFeedback(
  db: Database,
  actor: Actor,
  v: NewFeedback & { channel: Exclude<FeedbackChannel, 'web'>; meta: RequestMeta; at: Date },
) {
  const body = await bodyWithOffice(db, v.bodyId);
  if (!body || !canIntake(actor, { id: body.id, regionPath: body.regionPath }))
    throw forbidden('只有本级协调小组办公室或该机构的工作人员可以登记');
  return db.transaction().execute(async (trx) => {
    const { row, power, routedTo, due } = await receive(trx, { ...v, clientKey: null, intakeBy: actor.userId }, v.at);
    await recordAudit(trx, {
      actor,
      bodyId: body.id,
      action: 'feedback.intake',
      objectType: 'feedback',
      objectId: row.id,
      after: { kind: v.kind, channel: v.channel, powerCode: power?.code ?? null, routedTo, dueOn: due.date },
      meta: v.meta,
      at: v.at,
    });
    return { id: row.id, receiptCode: row.receipt_code };
  });
}

export interface Act {
  actor: Actor;
  id: number;
  meta: RequestMeta;
  at: Date;
}

export interface Gate {
  /** the state it must be in (INVALID_STATE otherwise) */
  state: (f: FeedbackRef) => boolean;
  stateMessage: string;
  /** who may act (FORBIDDEN otherwise) */
  allowed: (f: FeedbackRef) => boolean;
  forbidden: string;
}

/** Lock, check scope (404 outside it), state (409) and the right to act (403), inside the transaction. */
export async function guarded(trx: Transaction<DB>, a: Act, g: Gate): Promise<FeedbackRow> {
  const f = await lockFeedback(trx, a.id);
  if (!f || !canSeeFeedback(a.actor, refOf(f))) throw notFound('反映事项');
  const ref = refOf(f);
  if (!g.state(ref)) throw new AppError('INVALID_STATE', g.stateMessage);
  if (!g.allowed(ref)) throw forbidden(g.forbidden);
  return f;
}

const noticeOf = (f: FeedbackRow): NoticeTarget => ({
  id: f.id,
  kind: f.kind,
  bodyId: f.bodyId,
  regionPath: f.regionPath,
  routedTo: f.routedTo,
  dueOn: f.dueOn,
});

/** The moderation queue: accept into handling, or refuse with a reason (shown on the status page). */
export async function moderateFeedback(db: Database, a: Act & { decision: 'accept' | 'reject'; reason?: string }) {
  if (a.decision === 'reject' && !a.reason?.trim())
    throw new AppError('VALIDATION_FAILED', '不予受理须说明理由', [{ field: 'reason', message: '请填写理由' }]);
  return db.transaction().execute(async (trx) => {
    const f = await guarded(trx, a, {
      state: (r) => r.status === 'moderation',
      stateMessage: '该事项不在待审核状态',
      allowed: (r) => canModerateFeedback(a.actor, r),
      forbidden: '只有本级协调小组办公室可以审核网站收到的事项',
    });
    const accept = a.decision === 'accept';
    await trx
      .updateTable('feedback')
      .set({
        status: accept ? 'open' : 'rejected',
        decision_reason: a.reason?.trim() || null,
        decided_by: a.actor.userId,
        decided_at: a.at,
      })
      .where('id', '=', f.id)
      .execute();
    await closeTasks(trx, f.id, a.at);
    if (accept) await assignTask(trx, noticeOf(f), a.at);
    await recordAudit(trx, {
      actor: a.actor,
      role: 'coordinator',
      bodyId: f.officeBodyId,
      action: accept ? 'feedback.accepted' : 'feedback.rejected',
      objectType: 'feedback',
      objectId: f.id,
      before: { status: f.status },
      after: { status: accept ? 'open' : 'rejected', reason: a.reason?.trim() || null },
      meta: a.meta,
      at: a.at,
    });
  });
}

/** A handler from the body it is routed to; re-assigning is allowed until it is answered. */
export async function assignFeedback(db: Database, a: Act & { handlerId: number }) {
  return db.transaction().execute(async (trx) => {
    const f = await guarded(trx, a, {
      state: (r) => r.status === 'open' || r.status === 'assigned',
      stateMessage: '只有待分办或办理中的事项可以指定承办人',
      allowed: (r) => canAssign(a.actor, r),
      forbidden: '只有本级协调小组办公室或该机构的牵头机构可以指定承办人',
    });
    const pool = await handlersAt(trx, handlerBodyOf(refOf(f)));
    if (!pool.some((p) => p.id === a.handlerId))
      throw new AppError(
        'VALIDATION_FAILED',
        `承办人须为${f.routedTo === 'office' ? f.officeName : f.bodyName}的工作人员`,
        [{ field: 'handlerId', message: '承办人无效' }],
      );
    if (f.handlerId === a.handlerId) throw new AppError('INVALID_STATE', '该事项已由此人承办');
    await trx
      .updateTable('feedback')
      .set({ status: 'assigned', handler_id: a.handlerId, assigned_at: a.at })
      .where('id', '=', f.id)
      .execute();
    await closeTasks(trx, f.id, a.at);
    await handlerTask(trx, noticeOf(f), a.handlerId, a.at);
    await recordAudit(trx, {
      actor: a.actor,
      bodyId: handlerBodyOf(refOf(f)),
      action: 'feedback.assigned',
      objectType: 'feedback',
      objectId: f.id,
      before: { status: f.status, handlerId: f.handlerId },
      after: { status: 'assigned', handlerId: a.handlerId },
      meta: a.meta,
      at: a.at,
    });
  });
}
