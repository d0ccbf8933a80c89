// Issue 12.2 in headless Chromium: the city office (coord.city) opens a finding about 包头市市场
// 监督管理局, orders it to rectify; the body's lead unit reports; the office rejects the report,
// drafts a 通报批评; a second office user (coord2.city) approves and publishes it, and the portal
// shows it to anyone. The drafter's own approval is not offered to her. The demo's 联席会议 (§4)
// shows in the office's tab and its minutes on the portal.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/modules/demo/users.seed.js';
import {
  collectProblems,
  describeBrowser,
  hasWebBuild,
  launchBrowser,
  screenshot,
  serveTestApp,
  type ServedApp,
} from './browser.js';

describeBrowser('supervision: a finding through rectification to a published 通报批评', () => {
  let t: ServedApp;
  let browser: Browser;
  const problems: string[][] = [];

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
    page.setDefaultTimeout(15_000);
    page.on('response', async (r) => {
      if (r.url().includes('/api/') && !r.url().endsWith('/api/session') && r.status() >= 400)
        console.warn(`[${user}] ${r.status()} ${r.request().method()} ${r.url()} ${await r.text().catch(() => '')}`);
    });
    problems.push(collectProblems(page));
    // the link first: the login page it is sent to signs in and goes back to it (one workspace load, not three)
    await page.goto(`${t.baseUrl}${path}`);
    await page.locator('#username').fill(user);
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL((u) => u.pathname + u.search === path);
    return page;
  }

  /** The open modal, once its opening animation is over (a click during it can be lost). */
  async function modal(page: Page) {
    const dialog = page.locator('.ant-modal').last();
    await dialog.waitFor();
    await expect.poll(() => dialog.getAttribute('class')).not.toMatch(/zoom/);
    return dialog;
  }

  /** Press a button on the finding page, fill the dialog's fields by label, confirm, wait for the toast. */
  async function act(page: Page, button: string, fields: Record<string, string>, ok: string, done: string) {
    await page.getByRole('button', { name: button, exact: true }).click();
    const dialog = await modal(page);
    for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label).fill(value);
    await dialog.getByRole('button', { name: ok, exact: true }).click();
    await page.locator('.ant-message').getByText(done).last().waitFor({ timeout: 30_000 });
    await dialog.waitFor({ state: 'hidden' });
  }

  async function choose(page: Page, label: string, option: string) {
    const input = page.locator('.ant-modal').getByLabel(label);
    await input.click();
    if (await input.isEditable()) await input.fill(option);
    const item = page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: option })
      .first();
    await item.waitFor();
    await page.waitForTimeout(250);
    await item.click();
  }

  let findingUrl = '';
  const title = '关于对包头市市场监督管理局不按要求整改的通报批评';

  it('the office opens a finding and orders the body to rectify, with the rulebook’s deadline', async () => {
    expect(hasWebBuild(), 'the workspace is not built (dist/web): run `npx vite build`').toBe(true);
    const office = await signIn('coord.city', '/app/supervision');
    await office.getByRole('button', { name: '开立督查发现' }).click();
    await modal(office);
    await choose(office, '被督查机构', '包头市市场监督管理局');
    await choose(office, '问题类型', '超出权责清单行使权力');
    await office.locator('.ant-modal').getByLabel('问题描述').fill('窗口仍在办理清单外的“户外广告设置备案”事项');
    await office.locator('.ant-modal').getByRole('button', { name: '开立', exact: true }).click();
    await office.waitForURL(/\/app\/supervision\/findings\/\d+$/);
    findingUrl = new URL(office.url()).pathname;
    await office.locator('.ant-tag').getByText('待处理').first().waitFor();
    await act(
      office,
      '下达督促整改通知',
      { 整改要求: '立即停止办理清单外事项，并报送整改情况' },
      '确认下达',
      '已下达督促整改通知',
    );
    await office.locator('.ant-tag').getByText('待整改').waitFor();
    await expect.poll(() => office.getByText(/第十六条/).count()).toBeGreaterThan(0);
    await office.context().close();
  });

  it('the body’s lead unit sees its task and reports; the office rejects and drafts a 通报批评', async () => {
    const lead = await signIn('lead.scjg', '/app/supervision');
    await lead.getByText('立即停止办理清单外事项，并报送整改情况').waitFor();
    await lead.goto(`${t.baseUrl}${findingUrl}`);
    await act(lead, '报送整改情况', { 整改情况: '已组织窗口人员学习权责清单' }, '确认报送', '已报送整改情况');
    await lead.locator('.ant-tag').getByText('已报送整改情况', { exact: true }).waitFor();
    await lead.context().close();

    const office = await signIn('coord.city', findingUrl);
    await act(office, '验收不通过', { 不通过理由: '窗口仍在办理清单外事项' }, '不通过', '已认定整改不合格');
    await office.locator('.ant-tag').getByText('整改不到位（通报批评）').first().waitFor();
    await act(
      office,
      '起草通报批评',
      { 通报正文: '经督促整改，该局窗口仍在办理清单外事项，整改不到位，依据第十六条予以通报批评。' },
      '提交审核',
      '已起草通报批评',
    );
    await office.getByText(title).waitFor();
    // nobody approves their own draft: the button is not offered to its drafter
    expect(await office.getByRole('button', { name: '审核通过通报批评' }).count()).toBe(0);
    await office.context().close();
  });

  it('another office user approves and publishes it; the portal shows it', async () => {
    const other = await signIn('coord2.city', findingUrl);
    await other.getByRole('button', { name: '审核通过通报批评' }).click();
    await other.locator('.ant-message').getByText('已审核通过通报批评').last().waitFor();
    await other.getByRole('button', { name: '在门户网站公布' }).click();
    await other.locator('.ant-message').getByText('已在门户网站公布').last().waitFor();
    await other.locator('.ant-tag').getByText('已公布', { exact: true }).waitFor();
    await screenshot(other, 'supervision-finding');

    const portal = await other.context().newPage();
    await portal.goto(`${t.baseUrl}/reprimands`);
    await portal.getByRole('heading', { level: 2, name: title }).waitFor();
    expect(await portal.locator('main').innerText()).toContain('被通报单位：包头市市场监督管理局');
    await screenshot(portal, 'supervision-portal');
    // §4: the demo's joint meeting, in the office's tab and its minutes on the portal
    await other.goto(`${t.baseUrl}/app/supervision?tab=joint-meetings`);
    await other.getByText('2026年第一次权责清单管理联席会议').waitFor();
    await other.getByText('纪要已公开').waitFor();
    await portal.goto(`${t.baseUrl}/joint-meetings`);
    await portal.getByRole('heading', { level: 2, name: '2026年第一次权责清单管理联席会议' }).waitFor();
    await other.context().close();
    expect(problems.flat()).toEqual([]);
  });
});
