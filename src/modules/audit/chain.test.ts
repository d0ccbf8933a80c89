// 等保2.0 安全审计 against someone with database rights (issue 10.3): they can disable the
// append-only trigger and run the app's own digest function, but not use the key; and rows
// they delete from the end are missing from the anchors kept outside the database.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import type { Database } from '../../db/connect.js';
import { scheduleAnchors, takeAnchor } from './anchor.js';
import { rowDigest, rowMac } from './digest.js';
import { auditKey } from './key.js';
import { rechain, untrigger } from './test-fixtures.js';
import { verifyAudit, verifyAuditChain } from './verify.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const anchorFile = async () => join(await mkdtemp(join(tmpdir(), 'qz-anchor-')), 'audit-anchors.jsonl');
const seqs = async (db: Database) =>
  (await db.selectFrom('audit_event').select('seq').orderBy('seq').execute()).map((r) => Number(r.seq));
const count = async (db: Database, table: 'audit_event' | 'audit_anchor') =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('the normal path', () => {
  it("verifies a keyed chain against its anchors, and the portal publishes the day's head", async () => {
    t = await setupTestApp();
    const file = await anchorFile();
    const first = await takeAnchor(t.db, auditKey(), { file, at: t.clock.now });
    const c = await t.login('sysadmin');
    expect(
      (await c.post('/api/bodies', { regionCode: '150200', name: '包头市锚定测试局', kind: '政府工作部门' }))
        .statusCode,
    ).toBe(201);
    const second = await takeAnchor(t.db, auditKey(), { file, at: t.clock.now });
    expect(second.count).toBeGreaterThan(first.count);
    const r = await verifyAudit(t.db, file);
    expect(r).toMatchObject({
      ok: true,
      checked: second.count,
      headSeq: second.seq,
      headDigest: second.digest,
      keyedFromSeq: (await seqs(t.db))[0],
    });
    // two lines in the file and the day's published anchor (the first of the day)
    expect(r.anchorsChecked).toBe(3);
    expect((await readFile(file, 'utf8')).trim().split('\n')).toHaveLength(2);

    const page = await t.anon.request('GET', '/audit-anchor', undefined, { accept: 'text/html' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(first.digest);
    expect(page.body).not.toContain(second.digest);
    expect(page.body).not.toMatch(/<script/i);

    // the server's schedule anchors at once, then every interval, until stopped
    const stop = scheduleAnchors(t.db, auditKey(), {
      file,
      minutes: 60,
      log: (err) => {
        throw err;
      },
    });
    stop();
    for (let i = 0; i < 100 && (await readFile(file, 'utf8')).trim().split('\n').length < 3; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect((await readFile(file, 'utf8')).trim().split('\n')).toHaveLength(3);

    const a = await t.login('auditor');
    const api = (await a.get('/api/audit/verify')).json();
    // published: the test clock's day (takeAnchor above) and today's (the schedule runs on the real clock)
    expect(api).toMatchObject({ ok: true, anchorsChecked: 2 });
    expect(api.notes.join()).toContain('未配置锚定文件');
  });
});

describe('a row rewritten and the chain recomputed', () => {
  it("fails verify when re-chained with the app's digest function, with a guessed key, or downgraded to the unkeyed chain", async () => {
    t = await setupTestApp();
    const db = t.db;
    const file = await anchorFile();
    await takeAnchor(db, auditKey(), { file, at: t.clock.now });
    expect((await verifyAudit(db, file)).ok).toBe(true);
    const all = await seqs(db);
    const victim = all[Math.floor(all.length / 2)]!;
    await untrigger(db);
    await db.updateTable('audit_event').set({ actor_name: '某人' }).where('seq', '=', victim).execute();

    // the chain alone, no anchors: the key decides
    const chainOnly = () => verifyAuditChain(db, { key: auditKey() });
    await rechain(db, victim, rowDigest);
    expect(await chainOnly()).toMatchObject({ ok: false, firstBadSeq: victim });
    expect(await verifyAudit(db, file)).toMatchObject({ ok: false, firstBadSeq: victim });
    await rechain(db, victim, (p, r) => rowMac(Buffer.from('guessed-key-guessed-key-guessed-key!'), p, r));
    expect(await chainOnly()).toMatchObject({ ok: false, firstBadSeq: victim });
    // the whole table rewritten as the old unkeyed chain: no keyed row is left to disagree
    await rechain(db, all[0]!, rowDigest, 1);
    expect(await chainOnly()).toMatchObject({ ok: false, reason: expect.stringContaining('无密钥') });
    expect(await verifyAudit(db, file)).toMatchObject({ ok: false });
    // the rewrite stays what it was: verify only reads
    expect(
      (await db.selectFrom('audit_event').select('actor_name').where('seq', '=', victim).executeTakeFirstOrThrow())
        .actor_name,
    ).toBe('某人');
  });
});

describe('rows deleted from the end', () => {
  it('fails verify against the anchor file even when the published anchors are deleted too', async () => {
    t = await setupTestApp();
    const db = t.db;
    const file = await anchorFile();
    const c = await t.login('sysadmin');
    await c.post('/api/bodies', { regionCode: '150200', name: '包头市截断测试局', kind: '政府工作部门' });
    const a = await takeAnchor(db, auditKey(), { file, at: t.clock.now });
    await untrigger(db);
    await db
      .deleteFrom('audit_event')
      .where('seq', 'in', (await seqs(db)).slice(-3))
      .execute();
    expect(await count(db, 'audit_event')).toBe(a.count - 3);
    const r = await verifyAudit(db, file);
    expect(r).toMatchObject({ ok: false, firstBadSeq: a.seq });
    expect(r.reason).toContain('末尾记录被删除');
    // the published copy goes too: the auditor's file still has it
    await sql`alter table audit_anchor disable trigger audit_anchor_no_update`.execute(db);
    await db.deleteFrom('audit_anchor').execute();
    expect(await verifyAudit(db, file)).toMatchObject({ ok: false, firstBadSeq: a.seq });
    // and a deleted published anchor alone still leaves the file to tell
    expect(await count(db, 'audit_anchor')).toBe(0);
  });

  it('fails verify when a row at an anchor is deleted from the middle (the chain breaks, and the anchor says so)', async () => {
    t = await setupTestApp();
    const db = t.db;
    const file = await anchorFile();
    const a = await takeAnchor(db, auditKey(), { file, at: t.clock.now });
    await t.login('auditor'); // one more row after the anchor
    await untrigger(db);
    await db.deleteFrom('audit_event').where('seq', '=', a.seq).execute();
    expect(await verifyAudit(db, file)).toMatchObject({ ok: false, firstBadSeq: a.seq });
  });

  it('fails verify when the anchor file is edited to match a shorter table', async () => {
    t = await setupTestApp();
    const db = t.db;
    const file = await anchorFile();
    const a = await takeAnchor(db, auditKey(), { file, at: t.clock.now });
    const edited = { ...a, count: a.count - 1 };
    await writeFile(file, JSON.stringify(edited) + '\n');
    const r = await verifyAudit(db, file);
    expect(r.ok).toBe(false);
    expect(r.reason).toContain('锚定文件第 1 行的校验码不符');
  });
});
