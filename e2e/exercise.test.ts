// Issue 12.4 in headless Chromium: the city office (coord.city) opens 行使记录比对, sees the demo's
// imports, uploads a CSV with a bad row (refused, the row named, nothing imported), then a good one,
// and follows a flagged record to the supervision finding it opened.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/modules/demo/users.seed.js';
import {
  collectProblems,
  describeBrowser,
  launchBrowser,
  screenshot,
  serveTestApp,
  type ServedApp,
} from './browser.js';

const HEADER = '办件编号,实施机构,权力编码,行政职权名称,办理日期,办理结果';

describeBrowser('exercise records: upload, flagged records, the finding', () => {
  let t: ServedApp;
  let browser: Browser;
  let problems: string[] = [];

  beforeAll(async () => {
    [t, browser] = await Promise.all([serveTestApp(), launchBrowser()]);
    t.clock.now = new Date('2026-11-30T09:00:00+08:00');
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signIn(user: string, path: string): Promise<Page> {
    const ctx = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1440, height: 900 },
    });
    const page = await ctx.newPage();
    page.setDefaultTimeout(20_000);
    problems = collectProblems(page);
    await page.goto(`${t.baseUrl}/app/login`);
    await page.locator('#username').fill(user);
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
    await page.goto(`${t.baseUrl}${path}`);
    return page;
  }

  it('coord.city uploads a CSV: a bad row is refused and named, a good file shows its flagged records', async () => {
    const page = await signIn('coord.city', '/app/exercise');
    await page.getByText('包头市行政执法综合管理监督平台').waitFor();
    const code = (
      await t.db
        .selectFrom('power as p')
        .innerJoin('body as b', 'b.id', 'p.body_id')
        .select('p.code')
        .where('b.name', '=', '包头市住房和城乡建设局')
        .where('p.valid_to', 'is', null)
        .orderBy('p.code', 'desc')
        .executeTakeFirstOrThrow()
    ).code;
    const input = page.locator('input[type="file"]');
    const bad = `${HEADER}\nE2E-1,包头市市场监督管理局,${code},,2026-10-08,准予许可\nE2E-2,包头市市场监督管理局,${code},,2026-13-01,准予许可\n`;
    await input.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByText('第3行 办理日期：办理日期应为有效日期（YYYY-MM-DD）').waitFor();

    const good = `${HEADER}\nE2E-1,包头市市场监督管理局,${code},,2026-10-08,准予许可\n`;
    await input.setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    const detail = page.locator('.ant-card', { hasText: '导入批次' }).filter({ hasText: 'good.csv' });
    // the flag is both a count's label and the record's tag: the record's tag is what is asserted
    await detail.locator('.ant-tag', { hasText: '非清单所列机构行使（职权在他机构清单）' }).first().waitFor();
    await detail.getByText('清单所列机构：包头市住房和城乡建设局').waitFor();
    await screenshot(page, 'exercise-flagged');
    await detail.getByRole('link', { name: /^第\d+号$/ }).click();
    await page.getByText('行使记录比对：包头市市场监督管理局于2026-10-08').waitFor();
    expect(problems).toEqual([]);
  });
});
