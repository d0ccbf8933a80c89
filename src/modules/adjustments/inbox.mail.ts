// E-mail notices (issue 12.6): the inbox decides what is sent. notify() (inbox.repo.ts) queues one
// mail_outbox row per new inbox item of a user with an address, inside the action's transaction;
// this drains the outbox after commit. A failing SMTP server never undoes or delays the action: the
// row is retried with a growing pause, and after MAX_ATTEMPTS it stays as 'failed' with its error.
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db.js';
import type { AppDeps } from '../../platform/deps.js';
import { createMailer, type Mailer, type MailMessage } from '../../platform/mail.js';
import { findingOfNotice } from './inbox.repo.js';

/** tries before a mail is given up (the inbox item itself stays: in-app delivery does not depend on mail) */
export const MAX_ATTEMPTS = 5;
/** a claimed row not finished within this many minutes (the process died mid-send) is claimed again */
const LEASE_MINUTES = 10;
const BATCH = 20;

interface Item {
  title: string;
  body: string;
  due_on: string | null;
  adjustment_id: number | null;
  dedupe_key: string;
  finding_id: number | null;
  display_name: string;
}

/** Where in the workspace (/app, src/web/routes.tsx) the item is handled. */
export function linkOf(item: Pick<Item, 'adjustment_id' | 'dedupe_key' | 'finding_id'>, publicUrl: string): string {
  if (item.adjustment_id) return `${publicUrl}/app/adjustments/${item.adjustment_id}`;
  const feedback = /^feedback:(\d+):/.exec(item.dedupe_key);
  if (feedback) return `${publicUrl}/app/feedback/${feedback[1]}`;
  if (item.finding_id) return `${publicUrl}/app/supervision/findings/${item.finding_id}`;
  if (/^(rectification|rectificationReview|finding):/.test(item.dedupe_key)) return `${publicUrl}/app/supervision`;
  return `${publicUrl}/app/inbox`;
}

/** The mail for one inbox item: its title as subject, its text, its due date and the link. */
export function composeMail(to: string, item: Item, publicUrl: string): MailMessage {
  const lines = [`${item.display_name}，您好：`, '', item.title];
  if (item.body) lines.push(item.body);
  if (item.due_on) lines.push(`办理期限：${item.due_on}`);
  lines.push('', `请登录工作台办理：${linkOf(item, publicUrl)}`, '', '——权责清单管理平台（系统自动发送，请勿回复）');
  return {
    to,
    subject: `【权责清单】${item.title}${item.due_on ? `（期限 ${item.due_on}）` : ''}`,
    text: lines.join('\n'),
  };
}

export interface DrainResult {
  sent: number;
  failed: number;
}

/** Sends what is due in the outbox, a batch at a time; never throws for a mail that fails. */
export async function drainMailOutbox(
  db: Db,
  mailer: Mailer,
  publicUrl: string,
  clock: () => Date,
): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, failed: 0 };
  for (;;) {
    const now = clock();
    // claim in one statement (skip locked): two drainers, or two processes, never send the same row
    const rows = await db
      .updateTable('mail_outbox')
      .set({
        attempts: sql`attempts + 1`,
        next_attempt_at: new Date(now.getTime() + LEASE_MINUTES * 60_000),
      })
      .where(
        'id',
        'in',
        db
          .selectFrom('mail_outbox')
          .select('id')
          .where('status', '=', 'pending')
          .where('next_attempt_at', '<=', now)
          .orderBy('id')
          .limit(BATCH)
          .forUpdate()
          .skipLocked(),
      )
      .returning(['id', 'inbox_item_id', 'recipient', 'attempts'])
      .execute();
    if (rows.length === 0) return result;
    const items = await db
      .selectFrom('inbox_item as i')
      .innerJoin('app_user as u', 'u.id', 'i.user_id')
      .select([
        'i.id',
        'i.title',
        'i.body',
        sql<string | null>`i.due_on::text`.as('due_on'),
        'i.adjustment_id',
        'i.dedupe_key',
        findingOfNotice(sql.ref('i.dedupe_key')).as('finding_id'),
        'u.display_name',
      ])
      .where(
        'i.id',
        'in',
        rows.map((r) => r.inbox_item_id),
      )
      .execute();
    const byId = new Map(items.map((i) => [i.id, i]));
    for (const row of rows) {
      const item = byId.get(row.inbox_item_id);
      try {
        if (!item) throw new Error('通知已不存在');
        await mailer.send(composeMail(row.recipient, item, publicUrl));
        await db
          .updateTable('mail_outbox')
          .set({ status: 'sent', sent_at: clock(), last_error: null })
          .where('id', '=', row.id)
          .execute();
        result.sent++;
      } catch (e) {
        const giveUp = row.attempts >= MAX_ATTEMPTS;
        await db
          .updateTable('mail_outbox')
          .set({
            status: giveUp ? 'failed' : 'pending',
            last_error: String((e as Error).message ?? e).slice(0, 500),
            // 2, 4, 8, 16 minutes between tries
            next_attempt_at: new Date(clock().getTime() + 2 ** row.attempts * 60_000),
          })
          .where('id', '=', row.id)
          .execute();
        result.failed++;
      }
    }
    // a batch that failed whole means the server is down: leave the rest for the next drain
    if (result.sent === 0 && result.failed > 0) return result;
  }
}

/**
 * The sender beside the app: drained after every response (the action's transaction has
 * committed by then) and on a timer for retries. Runs one drain at a time; errors are logged.
 */
export function mailSender(db: Db, mailer: Mailer, publicUrl: string, clock: () => Date, log: (e: unknown) => void) {
  let running: Promise<void> | null = null;
  let again = false;
  const kick = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await drainMailOutbox(db, mailer, publicUrl, clock);
        } catch (e) {
          log(e);
        }
      } while (again);
      running = null;
    })();
    return running;
  };
  const timer = setInterval(() => void kick(), 60_000);
  timer.unref();
  return {
    kick,
    /** waits for the drain under way, stops the timer and the transport */
    async close() {
      clearInterval(timer);
      await running;
      mailer.close();
    },
  };
}

/**
 * Wires the sender into the app when SMTP_URL is set; without it nothing is sent. Either way the
 * start records in the database whether mail is configured, and notify() queues mail only when it
 * is (no backlog builds up while SMTP_URL is unset).
 */
export function registerMailSender(app: FastifyInstance, deps: AppDeps): void {
  const mailer = createMailer(deps.config.smtpUrl, deps.config.smtpFrom);
  app.addHook('onReady', async () => {
    const row = { configured: Boolean(mailer), recorded_at: deps.clock() };
    await deps.db
      .insertInto('mail_transport')
      .values(row)
      .onConflict((oc) => oc.column('singleton').doUpdateSet(row))
      .execute();
  });
  if (!mailer) return;
  const sender = mailSender(deps.db, mailer, deps.config.publicUrl, deps.clock, (e) =>
    app.log.error({ err: e }, '邮件通知发送失败'),
  );
  // a write may have queued mail; its transaction has committed once the response is out
  app.addHook('onResponse', async (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') void sender.kick();
  });
  app.addHook('onClose', async () => sender.close());
}
