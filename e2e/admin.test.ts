// Issue 10.4 and 10.5 in headless Chromium, through the workspace as the administrators use it:
// 三员分立 — sysadmin's disabling of the auditor waits (待确认) until secadmin confirms it on
// 管理员变更确认, and only then ends the auditor's session; first sign-in — an administrator
// created by the one-time setup (the function behind `npm run setup`, on a fresh database) sees
// nothing but 修改密码 until the password is changed, then reaches the 工作台.
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it, onTestFailed } from 'vitest';
import { loadConfig } from '../src/config.js';
import { connect, type Database, type DbHandle } from '../src/db/connect.js';
import { migrate } from '../src/db/migrate.js';
import { setupAdministrators } from '../src/modules/accounts/setup.js';
import { DEMO_PASSWORD } from '../src/modules/demo/users.seed.js';
import { buildApp } from '../src/server/app.js';
import {
  collectProblems,
  describeBrowser,
  hasWebBuild,
  launchBrowser,
  screenshot,
  serveTestApp,
  type ServedApp,
} from './browser.js';

let browser: Browser;
let current: Page | undefined;
const problems: string[][] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
/** On failure, a screenshot of the page last opened, for CI logs. */
const shootOnFailure = (name: string) => {
  problems.length = 0; // each test answers for its own pages
  onTestFailed(async () => {
    if (current) await screenshot(current, `FAILED-${name}`).catch(() => {});
  });
};

/** A fresh browser context at the login page of `baseUrl`, signed in as `user`. */
async function signIn(baseUrl: string, user: string, password: string): Promise<Page> {
  const ctx = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
  });
  const page = await ctx.newPage();
  page.setDefaultTimeout(15_000);
  problems.push(collectProblems(page));
  current = page;
  await page.goto(`${baseUrl}/app/login`);
  await page.locator('#username').fill(user);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  return page;
}

const path = (page: Page) => new URL(page.url()).pathname;
const toast = (page: Page, text: string | RegExp) => page.locator('.ant-message').getByText(text).last().waitFor();
/** The open popconfirm's button. */
const popButton = (page: Page, name: string) =>
  page.locator('.ant-popover:not(.ant-popover-hidden)').getByRole('button', { name, exact: true });
/** The error antd shows under the form field whose input has this id. */
const fieldError = (page: Page, id: string) =>
  page
    .locator('.ant-form-item')
    .filter({ has: page.locator(`#${id}`) })
    .locator('.ant-form-item-explain-error');

describeBrowser('三员分立: a change to an administrator waits for a second administrator', () => {
  let t: ServedApp;
  beforeAll(async () => {
    t = await serveTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });
  const auditor = () =>
    t.db.selectFrom('app_user').select(['id', 'disabled']).where('username', '=', 'auditor').executeTakeFirstOrThrow();

  it('sysadmin asks to disable the auditor (待确认); secadmin confirms it on 管理员变更确认; the auditor is disabled', async () => {
    expect(hasWebBuild(), 'the workspace is not built (dist/web): run `npx vite build`').toBe(true);
    shootOnFailure('admin-change');
    // the auditor is at work in their own browser
    const aud = await signIn(t.baseUrl, 'auditor', DEMO_PASSWORD);
    await aud.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
    // the audit log names the people: their sign-in with the roles then held, the account by name
    await aud.goto(`${t.baseUrl}/app/audit`);
    const signin = aud.locator('.ant-table-row').filter({ hasText: '郑红' }).filter({ hasText: '登录' }).first();
    await signin.waitFor();
    expect(await signin.innerText()).toContain('持有：审计管理员');
    expect(await signin.innerText()).toContain('郑红（auditor）');
    expect(await aud.locator('.ant-table-tbody').innerText()).not.toMatch(/用户（编号\d+）/);
    await aud.goto(`${t.baseUrl}/app/`);

    const sys = await signIn(t.baseUrl, 'sysadmin', DEMO_PASSWORD);
    await sys.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
    await sys.goto(`${t.baseUrl}/app/users`);
    await sys.getByPlaceholder('用户名或姓名').fill('auditor');
    await sys.getByPlaceholder('用户名或姓名').press('Enter');
    const row = sys.locator('.ant-table-row').filter({ hasText: '郑红' });
    await expect.poll(() => sys.locator('.ant-table-row').count()).toBe(1);
    await row.getByRole('button', { name: '停用', exact: true }).click();
    // an administrator's account: the dialog says it only takes effect once another administrator confirms
    const pop = sys.locator('.ant-popover:not(.ant-popover-hidden)');
    expect(await pop.innerText()).toContain('须经另一名管理员确认后生效');
    await popButton(sys, '停用').click();
    // filed, not done: the page says so and the account still works
    await toast(sys, '已提交，待另一名管理员确认后生效');
    await row.getByText('待确认：停用账户').waitFor();
    // the same change is not offered twice while it waits
    expect(await row.getByRole('button', { name: '停用', exact: true }).count()).toBe(0);
    expect(await row.getByRole('button', { name: '启用', exact: true }).count()).toBe(0);
    expect(await row.innerText()).toContain('正常');
    expect(await row.innerText()).not.toContain('已停用');
    expect((await auditor()).disabled).toBe(false);
    await screenshot(sys, 'admin-change-requested');

    // the requester sees the request on 管理员变更确认 but cannot confirm it
    await sys.locator('.ant-menu-item').filter({ hasText: '管理员变更确认' }).click();
    await sys.getByRole('heading', { level: 1, name: '管理员变更确认' }).waitFor();
    const mine = sys.locator('.ant-table-row').filter({ hasText: '郑红（auditor）' });
    await mine.getByText('本人提出，待另一名管理员确认').waitFor();
    expect(await mine.innerText()).toContain('停用账户');
    expect(await mine.getByRole('button').count()).toBe(0);
    // the subject sees it too, and cannot confirm it either
    await aud.goto(`${t.baseUrl}/app/admin-changes`);
    await aud
      .locator('.ant-table-row')
      .filter({ hasText: '郑红（auditor）' })
      .getByText('涉及本人账户，须由其他管理员确认')
      .waitFor();
    expect((await auditor()).disabled).toBe(false);

    // the security administrator: a count on the menu, then 确认
    const sec = await signIn(t.baseUrl, 'secadmin', DEMO_PASSWORD);
    await sec.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
    const item = sec.locator('.ant-menu-item').filter({ hasText: '管理员变更确认' });
    await expect.poll(() => item.locator('.ant-badge').innerText()).toBe('1');
    // the 工作台 counts it too, on the security administrator's card, and leads to the page
    const card = sec.getByTestId('work-secAdmin');
    await expect
      .poll(() => card.getByLabel('待您确认的管理员变更').innerText())
      .toMatch(/待您确认的管理员变更\s*1\s*件/);
    await card.getByLabel('待您确认的管理员变更').click();
    await sec.getByRole('heading', { level: 1, name: '管理员变更确认' }).waitFor();
    expect(path(sec)).toBe('/app/admin-changes');
    const theirs = sec.locator('.ant-table-row').filter({ hasText: '郑红（auditor）' });
    expect(await theirs.innerText()).toContain('周明');
    // (a button's name starts with its icon's label: "check 确认")
    await theirs.getByRole('button', { name: /确认$/ }).click();
    await popButton(sec, '确认').click();
    await toast(sec, '已确认，变更已生效：郑红 — 停用账户');
    expect((await auditor()).disabled).toBe(true);
    await expect.poll(() => item.locator('.ant-badge').count()).toBe(0);
    await sec.getByRole('tab', { name: '最近已处理' }).click();
    const decided = sec.locator('.ant-table-row').filter({ hasText: '郑红（auditor）' });
    await decided.getByText('已确认生效').waitFor();
    expect(await decided.innerText()).toContain('吴磊');
    await screenshot(sec, 'admin-change-confirmed');

    // it took effect: the auditor's session has ended, and 用户管理 says 已停用
    await aud.reload();
    await aud.waitForURL('**/app/login');
    await sys.goto(`${t.baseUrl}/app/users`);
    await sys.getByPlaceholder('用户名或姓名').fill('auditor');
    await sys.getByPlaceholder('用户名或姓名').press('Enter');
    await expect.poll(() => sys.locator('.ant-table-row').count()).toBe(1);
    await row.getByText('已停用').waitFor();
    expect(await row.innerText()).not.toContain('待确认');

    // asked back (启用), and 驳回 by secadmin with a reason the requester then reads
    await row.getByRole('button', { name: '启用', exact: true }).click();
    await popButton(sys, '启用').click();
    await toast(sys, '已提交，待另一名管理员确认后生效');
    await row.getByText('待确认：启用账户').waitFor();
    await sec.getByRole('tab', { name: '待确认' }).click();
    await expect.poll(() => item.locator('.ant-badge').innerText()).toBe('1');
    const back = sec.locator('.ant-table-row').filter({ hasText: '启用账户' });
    await back.getByRole('button', { name: /驳回$/ }).click();
    const dialog = sec.locator('.ant-modal');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '驳回', exact: true }).click();
    await expect.poll(() => fieldError(sec, 'reason').innerText()).toContain('请填写驳回理由');
    await sec.locator('#reason').fill('停用原因尚在核实，暂不启用');
    await dialog.getByRole('button', { name: '驳回', exact: true }).click();
    await toast(sec, /已驳回/);
    expect((await auditor()).disabled).toBe(true);
    await sys.goto(`${t.baseUrl}/app/admin-changes`);
    await sys.getByRole('tab', { name: '最近已处理' }).click();
    const rejected = sys.locator('.ant-table-row').filter({ hasText: '启用账户' });
    await rejected.getByText('驳回理由：停用原因尚在核实，暂不启用').waitFor();
    expect(await rejected.innerText()).toContain('已驳回');
    await screenshot(sys, 'admin-change-rejected');
    expect(problems.flat()).toEqual([]);
  });
});

describeBrowser('first sign-in: an account from the one-time setup must change its password first', () => {
  // a new installation: an empty database, the organisation and three administrators from setup
  const GOOD = { sysadmin: 'Tq8#vLm2-sys', secadmin: 'Rw4!kPz9-sec', auditor: 'Hn6$xBd3-aud' };
  const now = new Date('2026-11-30T09:00:00+08:00');
  let h: DbHandle;
  let app: FastifyInstance;
  let baseUrl: string;
  beforeAll(async () => {
    h = await connect({});
    await migrate(h.db);
    await setupAdministrators(h.db, GOOD, now);
    const config = { ...loadConfig({}), loginRateLimitPerMinute: 1000, auditAnchorFile: null };
    app = await buildApp({ db: h.db, config, clock: () => now });
    baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });
  const account = (db: Database) =>
    db
      .selectFrom('app_user')
      .select(['password_hash', 'must_change_password'])
      .where('username', '=', 'sysadmin')
      .executeTakeFirstOrThrow();

  it('sysadmin is led to 修改密码, cannot go elsewhere, sees the policy and the server’s refusals, then reaches the 工作台', async () => {
    shootOnFailure('first-signin');
    const page = await signIn(baseUrl, 'sysadmin', GOOD.sysadmin);
    const heading = page.getByRole('heading', { level: 1, name: '修改密码' });
    await heading.waitFor();
    expect(path(page)).toBe('/app/password');
    // only this page: no menu, and any other address comes back here
    expect(await page.locator('.ant-menu').count()).toBe(0);
    for (const elsewhere of ['/app/users', '/app/', '/app/admin-changes']) {
      await page.goto(`${baseUrl}${elsewhere}`);
      await heading.waitFor();
      expect(path(page)).toBe('/app/password');
      expect(await page.locator('.ant-menu').count()).toBe(0);
    }
    // the policy's rules, in Chinese, from the server's policy
    const text = await page.locator('body').innerText();
    for (const rule of ['长度至少8位', '至少3类', '不能包含用户名', '演示密码', '不能与原密码相同'])
      expect(text).toContain(rule);
    await screenshot(page, 'first-signin-change-password');

    const before = await account(h.db);
    const fill = async (old: string, next: string) => {
      await page.locator('#oldPassword').fill(old);
      await page.locator('#newPassword').fill(next);
      await page.locator('#confirm').fill(next);
      await page.getByRole('button', { name: '确认修改', exact: true }).click();
    };
    // a common password passes the form's own checks; the server refuses it, next to the field
    await fill(GOOD.sysadmin, 'Admin@123456');
    await expect.poll(() => fieldError(page, 'newPassword').innerText()).toContain('过于常见');
    // a wrong current password: the refusal sits under 原密码
    await fill('Wrong#Pass9x', 'Kd5%mWq8-new');
    await expect.poll(() => fieldError(page, 'oldPassword').innerText()).toContain('原密码不正确');
    expect(await account(h.db)).toEqual(before);
    expect(path(page)).toBe('/app/password');
    await page.waitForTimeout(400); // the message's fade-in, for the screenshot
    await screenshot(page, 'first-signin-refused');

    await fill(GOOD.sysadmin, 'Kd5%mWq8-new');
    await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
    expect(path(page)).toMatch(/^\/app\/?$/);
    const after = await account(h.db);
    expect(after.must_change_password).toBe(false);
    expect(after.password_hash).not.toBe(before.password_hash);
    // now the workspace is open to them
    await page.locator('.ant-menu-item').filter({ hasText: '用户管理' }).click();
    await page.getByText('共 3 个用户').waitFor();
    expect(path(page)).toBe('/app/users');
    await page.reload();
    await page.getByText('共 3 个用户').waitFor();
    expect(problems.flat()).toEqual([]);
  });

  it('the new password signs in straight to the 工作台; 修改密码 stays in the header for a normal change', async () => {
    shootOnFailure('first-signin-again');
    const page = await signIn(baseUrl, 'sysadmin', 'Kd5%mWq8-new');
    await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
    await page.getByRole('button', { name: '修改密码' }).click();
    const dialog = page.locator('.ant-modal');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('长度至少8位');
    await page.locator('#oldPassword').fill('Kd5%mWq8-new');
    await page.locator('#newPassword').fill('Baotou@2026');
    await page.locator('#confirm').fill('Baotou@2026');
    await dialog.getByRole('button', { name: '确认修改' }).click();
    await expect.poll(() => fieldError(page, 'newPassword').innerText()).toContain('演示密码');
    expect((await account(h.db)).must_change_password).toBe(false);
  });
});
