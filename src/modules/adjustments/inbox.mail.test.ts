// Issue 12.6: inbox notices by e-mail through a real SMTP server started here (test/smtp-sink.ts).
// A task delivered to a user with an address sends exactly one mail after the action commits; with
// SMTP_URL unset nothing is sent; a refusing server leaves the mail to retry and the action stands.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { startSmtpSink, type SmtpSink } from '../../../test/smtp-sink.js';
import { createMailer } from '../../platform/mail.js';
import { drainMailOutbox, MAX_ATTEMPTS } from './inbox.mail.js';
import { at, draftApplication, drive, power, publishFixture } from './test-fixtures.js';

const PUBLIC_URL = 'https://qzqd.baotou.gov.cn';
const COORD_MAIL = 'coord.city@baotou.gov.cn';
let sink: SmtpSink;
let t: TestApp;
let codes: string[];

async function setEmail(app: TestApp, username: string, email: string | null) {
  await app.db.updateTable('app_user').set({ email }).where('username', '=', username).execute();
}
/** the office's 初审 task of a new cancellation: drafted by the clerk, submitted by the lead unit */
async function reviewTask(app: TestApp, title: string, powerCodes: string[]) {
  const id = await draftApplication(app, 'clerk.scjg', { title, kind: 'cancel' }, [{ targetCode: powerCodes[0] }]);
  await drive(app, id, 'preliminaryReview');
  const items = await app.db
    .selectFrom('inbox_item as i')
    .innerJoin('app_user as u', 'u.id', 'i.user_id')
    .select(['i.id', 'i.title', 'i.due_on'])
    .where('u.username', '=', 'coord.city')
    .where('i.adjustment_id', '=', id)
    .execute();
  return { id, items };
}
const outboxOf = (app: TestApp, inboxIds: number[]) =>
  app.db.selectFrom('mail_outbox').selectAll().where('inbox_item_id', 'in', inboxIds).execute();
async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await setupTestApp({
    env: { SMTP_URL: sink.url, SMTP_FROM: '权责清单管理平台 <noreply@baotou.gov.cn>', PUBLIC_URL },
  });
  at(t, '2026-11-30T09:00:00');
  ({ codes } = await publishFixture(t, '包头市市场监督管理局', [power('邮件通知测试许可')]));
  // the system administrator sets the coordinator's address in the users page's API
  const admin = await t.login('sysadmin');
  const coordId = (
    await t.db.selectFrom('app_user').select('id').where('username', '=', 'coord.city').executeTakeFirstOrThrow()
  ).id;
  const res = await admin.request('PUT', `/api/users/${coordId}/email`, { email: COORD_MAIL });
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

describe('the notice address (issue 12.6)', () => {
  it('each user sets their own; a bad one is refused in Chinese and changes nothing; another’s is not theirs', async () => {
    const clerk = await t.login('clerk.scjg');
    const bad = await clerk.request('PUT', '/api/me/email', { email: '不是邮箱' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(bad.json().error)).toContain('邮箱格式不正确');
    expect((await clerk.get('/api/me/email')).json().email).toBeNull();
    const ok = await clerk.request('PUT', '/api/me/email', { email: 'Clerk.SCJG@baotou.gov.cn' });
    expect(ok.json().email).toBe('clerk.scjg@baotou.gov.cn');
    const coordId = (
      await t.db.selectFrom('app_user').select('id').where('username', '=', 'coord.city').executeTakeFirstOrThrow()
    ).id;
    const other = await clerk.request('PUT', `/api/users/${coordId}/email`, { email: 'x@baotou.gov.cn' });
    expect([403, 404]).toContain(other.statusCode);
    expect((await (await t.login('coord.city')).get('/api/me/email')).json().email).toBe(COORD_MAIL);
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['object_id'])
      .where('action', '=', 'user.emailChanged')
      .execute();
    expect(audit).toHaveLength(2); // the administrator's for the coordinator, the clerk's own
    await clerk.request('PUT', '/api/me/email', { email: null });
  });
});

describe('e-mail notices (issue 12.6)', () => {
  it('a task for a user with an address sends exactly one mail: recipient, Chinese subject, due date, link', async () => {
    const { id, items } = await reviewTask(t, '邮件通知：取消一项许可', codes);
    expect(items).toHaveLength(1);
    const [mail] = await sink.waitFor(1);
    await new Promise((r) => setTimeout(r, 300)); // nothing more comes
    expect(sink.received).toHaveLength(1);
    expect(mail!.to).toEqual([COORD_MAIL]);
    expect(mail!.subject).toContain(items[0]!.title);
    expect(items[0]!.due_on).toBeTruthy();
    const due = String(items[0]!.due_on).slice(0, 10);
    expect(mail!.subject).toContain(due);
    expect(mail!.text).toContain(`办理期限：${due}`);
    expect(mail!.text).toContain(`${PUBLIC_URL}/app/adjustments/${id}`);
    const rows = await outboxOf(
      t,
      items.map((i) => i.id),
    );
    expect(rows.map((r) => [r.recipient, r.status, r.attempts])).toEqual([[COORD_MAIL, 'sent', 1]]);
    // users without an address (the clerk, the lead unit) got their tasks in the inbox only
    const all = await t.db.selectFrom('mail_outbox').select('recipient').execute();
    expect(new Set(all.map((r) => r.recipient))).toEqual(new Set([COORD_MAIL]));
  });

  it('a refusing SMTP server does not break the action; the mail is retried and, after a limit, kept as failed', async () => {
    sink.failWith = '邮件服务器暂时不可用';
    const before = sink.received.length;
    const { items } = await reviewTask(t, '邮件通知：服务器拒收', codes); // drive checks every step answers 200
    expect(items).toHaveLength(1);
    const ids = items.map((i) => i.id);
    const [row] = await until(
      () => outboxOf(t, ids),
      (r) => r[0]?.attempts === 1 && r[0]?.last_error !== null,
    );
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.last_error).toContain('暂时不可用');
    expect(sink.received).toHaveLength(before);

    // the server is back; once the pause has passed, the next drain sends it
    sink.failWith = null;
    const mailer = createMailer(sink.url, 'noreply@baotou.gov.cn')!;
    expect(await drainMailOutbox(t.db, mailer, PUBLIC_URL, t.clock.read)).toEqual({ sent: 0, failed: 0 }); // not yet due
    t.clock.advanceMinutes(3);
    expect(await drainMailOutbox(t.db, mailer, PUBLIC_URL, t.clock.read)).toEqual({ sent: 1, failed: 0 });
    await sink.waitFor(before + 1);
    expect(sink.received.at(-1)!.subject).toContain(items[0]!.title);
    expect((await outboxOf(t, ids))[0]).toMatchObject({ status: 'sent', attempts: 2 });

    // a mail that keeps failing is given up after MAX_ATTEMPTS tries, its error kept
    sink.failWith = '收件服务拒绝';
    const next = await reviewTask(t, '邮件通知：一直拒收', codes);
    const nextIds = next.items.map((i) => i.id);
    await until(
      () => outboxOf(t, nextIds),
      (r) => r[0]?.attempts === 1 && r[0]?.last_error !== null,
    );
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      t.clock.advanceMinutes(60);
      await drainMailOutbox(t.db, mailer, PUBLIC_URL, t.clock.read);
    }
    expect((await outboxOf(t, nextIds))[0]).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    t.clock.advanceMinutes(600);
    expect(await drainMailOutbox(t.db, mailer, PUBLIC_URL, t.clock.read)).toEqual({ sent: 0, failed: 0 });
    mailer.close();
    sink.failWith = null;
  });

  it('with SMTP_URL unset nothing is sent or queued: the task is in the inbox, no backlog waits for SMTP', async () => {
    const plain = await setupTestApp({ env: { PUBLIC_URL } });
    try {
      at(plain, '2026-11-30T09:00:00');
      const fx = await publishFixture(plain, '包头市市场监督管理局', [power('无邮件服务测试许可')]);
      await setEmail(plain, 'coord.city', COORD_MAIL);
      const before = sink.received.length;
      const { items } = await reviewTask(plain, '邮件通知：未配置', fx.codes);
      expect(items).toHaveLength(1);
      await new Promise((r) => setTimeout(r, 500));
      expect(sink.received).toHaveLength(before);
      const rows = await outboxOf(
        plain,
        items.map((i) => i.id),
      );
      expect(rows).toEqual([]);
      expect(await plain.db.selectFrom('mail_transport').select('configured').execute()).toEqual([
        { configured: false },
      ]);
    } finally {
      await plain.close();
    }
  });
});
