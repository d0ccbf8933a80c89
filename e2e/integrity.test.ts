// §15 ¶3 in Chromium (issue 14.4): the city's 协调小组办公室 closes the publishing site from the
// workspace with a reason; a visitor gets the 503 notice with that reason while the workspace keeps
// working; the office reopens it with a reason and the portal is back.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/modules/demo/users.seed.js';
import { describeBrowser, launchBrowser, screenshot, serveTestApp, type ServedApp } from './browser.js';

describeBrowser('the integrity guard in the browser', () => {
  let t: ServedApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await serveTestApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function confirmWith(page: Page, button: string, label: string, reason: string, ok: string, done: string) {
    await page.getByRole('button', { name: button }).click();
    const dialog = page.locator('.ant-modal').last();
    await dialog.waitFor();
    await expect.poll(() => dialog.getAttribute('class')).not.toMatch(/zoom/);
    await dialog.getByLabel(label).fill(reason);
    await dialog.getByRole('button', { name: ok }).click();
    await page.locator('.ant-message').getByText(done).last().waitFor({ timeout: 30_000 });
    await dialog.waitFor({ state: 'hidden' });
  }

  it('the office closes the portal with a reason, the visitor sees it, the office reopens', async () => {
    const ctx = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await ctx.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${t.baseUrl}/app/login`);
    await page.locator('#username').fill('coord.city');
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
    await page.getByRole('menuitem', { name: '网站完整性' }).click();
    await page.getByText('网站正常开放').waitFor();

    const reason = '门户首页出现异常内容，正在核查';
    await confirmWith(page, '暂时关闭网站', '关闭原因（将向公众公告）', reason, '确认关闭', '网站已暂时关闭');
    await page.getByText(`原因：${reason}`).waitFor();
    await screenshot(page, 'integrity-workspace');

    const visitor = await (await browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false })).newPage();
    const closed = await visitor.goto(`${t.baseUrl}/`);
    expect(closed?.status()).toBe(503);
    await visitor.getByRole('heading', { name: '网站暂时关闭' }).waitFor();
    expect(await visitor.locator('main').innerText()).toContain(reason);
    await screenshot(visitor, 'integrity-closed');

    await confirmWith(page, '重新开放网站', '重新开放的理由', '核查完毕，内容正常', '确认开放', '网站已重新开放');
    await page.getByText('网站正常开放').waitFor();
    expect((await visitor.goto(`${t.baseUrl}/`))?.status()).toBe(200);
  }, 120_000);
});
