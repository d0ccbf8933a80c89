// Issue 10.8 in headless Chromium: a clerk edits an application's content while someone else
// saves it. The save is refused with the server's message naming who changed it; 刷新 takes the
// current version, the fields the clerk did not touch show the other save, what the clerk typed
// stays; the next save goes through and both changes are kept.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it, onTestFailed } from 'vitest';
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

describeBrowser('a stale save in the workspace', () => {
  let t: ServedApp;
  let browser: Browser;
  let page: Page | undefined;
  beforeAll(async () => {
    [t, browser] = await Promise.all([serveTestApp(), launchBrowser()]);
    t.clock.now = new Date('2026-11-30T09:00:00+08:00');
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('is refused naming who saved first; 刷新 keeps what was typed and takes the rest; the next save goes through', async () => {
    onTestFailed(async () => {
      if (page) await screenshot(page, 'FAILED-stale-save').catch(() => {});
    });
    expect(hasWebBuild(), 'the workspace is not built (dist/web): run `npx vite build`').toBe(true);
    const api = await t.login('clerk.scjg');
    const created = await api.post('/api/adjustments', {
      title: '并发编辑的申请',
      kind: 'cancel',
      triggerKind: 'higherCancellation',
      triggerDate: '2026-11-27',
      reason: '原理由',
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json();

    const ctx = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1440, height: 900 },
    });
    page = await ctx.newPage();
    page.setDefaultTimeout(15_000);
    const problems = collectProblems(page);
    await page.goto(`${t.baseUrl}/app/login`);
    await page.locator('#username').fill('clerk.scjg');
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
    await page.goto(`${t.baseUrl}/app/adjustments/${id}`);
    await page.getByRole('heading', { level: 1, name: '并发编辑的申请' }).waitFor();

    await page
      .locator('.ant-card')
      .filter({ hasText: '申请内容' })
      .first()
      .getByRole('button', { name: '编辑' })
      .click();
    const form = page.locator('.ant-card').filter({ hasText: '编辑申请内容' });
    await form.getByLabel('调整理由').fill('浏览器中填写的理由');

    // meanwhile another session saves the title
    const other = await api.patch(`/api/adjustments/${id}`, {
      title: '他人改过的标题',
      version: created.json().version,
    });
    expect(other.statusCode).toBe(200);

    await form.getByRole('button', { name: '保存' }).click();
    const notice = form.getByRole('alert').filter({ hasText: '请刷新页面' });
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/调整申请“他人改过的标题”已被.+于 2026\/11\/30 09:00 修改/);
    expect(
      (await t.db.selectFrom('adjustment').select(['reason']).where('id', '=', id).executeTakeFirstOrThrow()).reason,
    ).toBe('原理由');

    await notice.getByRole('button', { name: '刷新' }).click();
    await notice.waitFor({ state: 'hidden' });
    await expect.poll(() => form.getByLabel('申请事项名称').inputValue()).toBe('他人改过的标题');
    expect(await form.getByLabel('调整理由').inputValue()).toBe('浏览器中填写的理由');

    await form.getByRole('button', { name: '保存' }).click();
    await page.locator('.ant-message').getByText('申请内容已保存').waitFor();
    const row = await t.db
      .selectFrom('adjustment')
      .select(['title', 'reason', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ title: '他人改过的标题', reason: '浏览器中填写的理由', version: 3 });
    // no uncaught error, no server error (the refused save is a 409, shown in the form)
    expect(problems).toEqual([]);
    await ctx.close();
  });
});
