// A workbook cannot take the server down (issue 10 item 1). The two files that did, built as
// the attack built them: a 2 MB zip whose shared-string part is 1 GB of empty strings (declared
// honestly, so it passes the directory check), and a 14 MB zip of 3 GB of rows whose headers
// say 100 KB. Each is refused with a 4xx and a Chinese message within 10 s, the process's RSS
// grows by less than 200 MB, /healthz answers all along, nothing is imported, and no spooled
// upload is left. A restart removes what a crashed process left in the temp folders.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { reportDir } from './error-report.js';
import { sharedStringFlood, underDeclared } from './hostile-workbooks.js';
import { spoolDir, spoolRoot } from './temp-files.js';
import { bodyWithClerk, countDraftPowers, ensureDocuments, multipart } from './test-fixtures.js';

let t: TestApp;
let clerk: Client;
let body: Awaited<ReturnType<typeof bodyWithClerk>>;

beforeAll(async () => {
  t = await setupTestApp();
  await ensureDocuments(t.db);
  body = await bodyWithClerk(t.db, '包头市市场监督管理局（恶意文件测试）');
  clerk = await t.login('clerk.scjg');
});
afterAll(() => t.close());

const MB = 1024 * 1024;

const upload = (file: Buffer) => {
  const m = multipart(file, '职权信息表.xlsx');
  return clerk.request('POST', `/api/exchange/bodies/${body.id}/draft/import`, m.payload, m.headers);
};

/** What changed for the body: drafts, draft powers, codes issued, import audit events. */
async function footprint() {
  const drafts = await t.db.selectFrom('list_draft').select('id').where('body_id', '=', body.id).execute();
  const codes = await t.db.selectFrom('power_code').select('code').where('body_id', '=', body.id).execute();
  const audits = await t.db
    .selectFrom('audit_event')
    .select('seq')
    .where('action', '=', 'exchange.draftImported')
    .execute();
  return {
    drafts: drafts.length,
    powers: await countDraftPowers(t.db, body.id),
    codes: codes.length,
    audits: audits.length,
  };
}

/** Poll /healthz every 50 ms and sample the RSS every 20 ms until stopped. */
function watch() {
  const base = process.memoryUsage().rss;
  let peak = base;
  const answers: { status: number; ms: number }[] = [];
  let stop = false;
  const rss = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const poll = (async () => {
    while (!stop) {
      const t0 = performance.now();
      const res = await t.app.inject({ method: 'GET', url: '/healthz' });
      answers.push({ status: res.statusCode, ms: performance.now() - t0 });
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return async () => {
    stop = true;
    await poll;
    clearInterval(rss);
    return { growthMb: (peak - base) / MB, answers };
  };
}

describe('a hostile workbook', () => {
  it.each([
    ['1 GB of empty shared strings in a 2 MB file', sharedStringFlood, 413, 'PAYLOAD_TOO_LARGE', '共享字符串超过'],
    ['3 GB of rows whose zip headers say 100 KB', underDeclared, 415, 'UNSUPPORTED_MEDIA', '实际内容大于其记录的大小'],
  ])('%s is refused within seconds, the server answering all along', async (_label, build, status, code, message) => {
    const { file, inflated } = build();
    expect(inflated).toBeGreaterThan(1000 * MB);
    expect(file.length).toBeLessThan(20 * MB);
    const before = await footprint();

    const stop = watch();
    const t0 = performance.now();
    const res = await upload(file);
    const elapsed = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 200)); // /healthz once more after the answer
    const { growthMb, answers } = await stop();

    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error).toMatchObject({ code, message: expect.stringContaining(message) });
    expect(elapsed).toBeLessThan(10_000);
    expect(growthMb).toBeLessThan(200);
    expect(answers.length).toBeGreaterThanOrEqual(Math.floor(elapsed / 1000)); // at least one a second
    for (const a of answers) expect(a.status).toBe(200);
    expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(1000);
    // nothing imported, nothing spooled
    expect(await footprint()).toEqual(before);
    expect(before).toEqual({ drafts: 0, powers: 0, codes: 0, audits: 0 });
    expect(await readdir(spoolDir()).catch(() => [])).toEqual([]);
  });
});

describe('the temp folders', () => {
  it('hold no spooled upload after a refused upload, and a restart removes what a crashed process left', async () => {
    const res = await upload(Buffer.from('504b0304000000', 'hex'));
    expect(res.statusCode).toBe(415);
    expect(res.json().error.message).toContain('文件不完整或已损坏');
    expect(await readdir(spoolDir()).catch(() => [])).toEqual([]);

    // a process that has ended: its pid stands for the server that crashed mid-import
    const child = spawn(process.execPath, ['-e', '']);
    await once(child, 'exit');
    const dead = child.pid!;
    const crashed = join(spoolRoot(), String(dead));
    await mkdir(crashed, { recursive: true });
    await writeFile(join(crashed, 'a3f0c2e4-0000-4000-8000-000000000000.xlsx'), 'spooled, never removed');
    await mkdir(reportDir(), { recursive: true });
    const half = join(reportDir(), `1-b1e0c2e4-0000-4000-8000-000000000000.xlsx.${dead}.part`);
    const expired = join(reportDir(), '1-c1e0c2e4-0000-4000-8000-000000000000.xlsx');
    const fresh = join(reportDir(), '1-d1e0c2e4-0000-4000-8000-000000000000.xlsx');
    const writing = join(reportDir(), `1-e1e0c2e4-0000-4000-8000-000000000000.xlsx.${process.pid}.part`);
    for (const p of [half, expired, fresh, writing]) await writeFile(p, 'report');
    await utimes(expired, new Date('2020-01-01'), new Date('2020-01-01'));

    const restarted = await setupTestApp(); // the server starting again
    try {
      expect(await readdir(spoolRoot())).not.toContain(String(dead));
      const left = await readdir(reportDir());
      expect(left).not.toContain(half.split('/').pop());
      expect(left).not.toContain(expired.split('/').pop());
      // a report still within its day, and one this (living) process is writing, stay
      expect(left).toEqual(expect.arrayContaining([fresh.split('/').pop(), writing.split('/').pop()]));
    } finally {
      await restarted.close();
      await Promise.all([fresh, writing].map((p) => rm(p, { force: true })));
    }
  });
});
