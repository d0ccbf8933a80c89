// Issue 12.5 and 12.3 in headless Chromium: the city office (coord.city) opens 监管看板, sees the
// ECharts charts each with its table (the demo year: findings, a rectification, scores),
// reads the 绩效考核 ranking and opens a body's drill-down to the facts behind its score;
// a body's lead unit sees only its own score.
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

describeBrowser('dashboard: charts with their tables, and the assessment ranking', () => {
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

  it('coord.city sees the charts, their tables, and the ranking with a drill-down', async () => {
    const page = await signIn('coord.city', '/app/dashboard');
    const supervision = page.locator('figure', { hasText: '督查发现与整改' });
    await supervision.locator('table').waitFor();
    // the demo's 迟报 of 包头市交通运输局 and its accepted rectification, in the table behind the chart
    await expect.poll(() => supervision.locator('tbody').innerText()).toMatch(/迟报\s+1/);
    expect(await page.locator('[data-testid="echart"] canvas').count()).toBeGreaterThanOrEqual(3);
    for (const title of [
      '各环节按时办理情况',
      '待办与逾期事项（当前）',
      '绩效考核得分（得分最低的10个机构，完整排名见“绩效考核”）',
      '意见建议、投诉举报（按状态）',
    ]) {
      await expect.poll(() => page.locator('figure', { hasText: title }).locator('table').count()).toBe(1);
    }
    await screenshot(page, 'dashboard-city');

    await page.getByRole('tab', { name: '绩效考核' }).click();
    const ranking = page.locator('table', { hasText: '职权行使机构' }).first();
    await ranking.getByText('包头市交通运输局').waitFor();
    await ranking.getByRole('button', { name: '包头市交通运输局' }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('每项得分所依据的事实').waitFor();
    await expect.poll(() => drawer.locator('tr', { hasText: '迟报' }).first().innerText()).toMatch(/1 件/);
    await screenshot(page, 'assessment-drilldown');
    expect(problems).toEqual([]);
  });

  it('a body’s lead unit sees its own score and the facts behind it, no level', async () => {
    const page = await signIn('lead.jtj', '/app/dashboard');
    await page.getByText('本机构绩效考核').waitFor();
    const facts = page.locator('table', { hasText: '每项得分所依据的事实' });
    await expect.poll(() => facts.locator('tr', { hasText: '迟报' }).first().innerText()).toMatch(/1 件/);
    expect(await page.getByRole('button', { name: '调整得分' }).count()).toBe(0);
    expect(await page.getByRole('tab', { name: '绩效考核' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
