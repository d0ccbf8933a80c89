// Issue 14.3 in headless Chromium: the city office (coord.city) registers a webhook consumer on
// 开放数据订阅 against a receiver started in the test, copies the secret shown once, sends a test
// push, and reads it in the delivery log as delivered; the receiver verifies the signature.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/modules/demo/users.seed.js';
import { verify } from '../src/modules/open-data/signature.js';
import {
  collectProblems,
  describeBrowser,
  hasWebBuild,
  launchBrowser,
  screenshot,
  serveTestApp,
  type ServedApp,
} from './browser.js';

describeBrowser('open data: the office registers a webhook consumer and reads its delivery log', () => {
  let t: ServedApp;
  let browser: Browser;
  let receiver: Server;
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  let problems: string[] = [];

  beforeAll(async () => {
    [t, browser] = await Promise.all([serveTestApp(), launchBrowser()]);
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.end('ok');
      });
    });
    await new Promise<void>((ok) => receiver.listen(0, '127.0.0.1', ok));
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((ok) => receiver?.close(ok));
    await t?.close();
  });

  it('registers, shows the secret once, pushes a signed test, and logs it as delivered', async () => {
    expect(hasWebBuild(), 'the workspace must be built (npm run build:web)').toBe(true);
    const ctx = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1440, height: 900 },
    });
    const page: Page = await ctx.newPage();
    page.setDefaultTimeout(15_000);
    problems = collectProblems(page);
    await page.goto(`${t.baseUrl}/app/login`);
    await page.locator('#username').fill('coord.city');
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
    await page.getByRole('menuitem', { name: '开放数据订阅' }).click();

    await page.getByRole('button', { name: '登记订阅方' }).click();
    const form = page.locator('.ant-modal').last();
    await form.getByLabel('订阅方名称').fill('包头市政务数据开放平台');
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    await form.getByLabel('接收地址').fill(url);
    await form
      .getByRole('button', { name: '登 记' })
      .or(form.getByRole('button', { name: '登记' }))
      .click();

    const shown = page.locator('.ant-modal').filter({ hasText: '只显示这一次' });
    const secret = (await shown.locator('code').innerText()).trim();
    expect(secret).toMatch(/^whsec_/);
    await shown.getByRole('button', { name: '我已保存' }).click();

    const row = page.locator('tr').filter({ hasText: '包头市政务数据开放平台' });
    await row.getByRole('button', { name: '测试推送' }).click();
    await expect.poll(() => received.length).toBe(1);
    const got = received[0]!;
    expect(got.headers['x-qzqd-event']).toBe('ping');
    expect(verify(secret, got.body, String(got.headers['x-qzqd-signature']), t.clock.now).ok).toBe(true);

    await row.getByRole('button', { name: '投递记录' }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('已送达').first().waitFor();
    await expect(drawer.getByText('测试推送').first().isVisible()).resolves.toBe(true);
    await screenshot(page, 'open-data-webhooks');
    expect(problems).toEqual([]);
  });
});
