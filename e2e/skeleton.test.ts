// Walking-skeleton journeys in headless Chromium: a clerk signs in to the workspace; the public
// portal works with JavaScript switched off (regions → bodies, 长者模式) and from the keyboard.
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

/** The names on the page's links to bodies (a link may add a status line below the name). */
const bodyNames = async (page: Page) =>
  (await page.locator('main a[href^="/bodies/"]').allInnerTexts()).map((s) => s.split('\n')[0].trim());

/** On failure, a screenshot of where the page was, for CI logs. */
const shootOnFailure = (page: Page, name: string) =>
  onTestFailed(async () => {
    await screenshot(page, `FAILED-${name}`).catch(() => {});
  });

describeBrowser('walking skeleton in the browser', () => {
  let t: ServedApp;
  let browser: Browser;
  // closed with the browser in afterAll
  const newContext = (opts: Parameters<Browser['newContext']>[0] = {}) =>
    browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1280, height: 800 },
      ...opts,
    });

  beforeAll(async () => {
    [t, browser] = await Promise.all([serveTestApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('a clerk signs in at /app/login and sees the 工作台 of a 部门经办人', async () => {
    expect(
      hasWebBuild(),
      'the workspace is not built (dist/web): run `npm run build:web`, or `npm test` which builds it',
    ).toBe(true);
    const page = await (await newContext()).newPage();
    const problems = collectProblems(page);
    shootOnFailure(page, 'workspace-clerk');
    await page.goto(`${t.baseUrl}/app/login`);
    await expect.poll(() => page.title()).toContain('包头市权责清单管理平台');

    // a wrong password: a Chinese message, the password field emptied, still on the login page
    await page.locator('#username').fill('clerk.scjg');
    await page.locator('#password').fill('Wrong@2026x');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/[\u4e00-\u9fff]/);
    expect(await page.locator('#password').inputValue()).toBe('');
    expect(new URL(page.url()).pathname).toBe('/app/login');
    await screenshot(page, 'workspace-login-wrong-password');

    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    const h1 = page.getByRole('heading', { level: 1 });
    await h1.waitFor();
    expect(await h1.innerText()).toContain('工作台');
    expect(new URL(page.url()).pathname).toMatch(/^\/app\/?$/);
    const main = page.locator('main, .ant-layout-content').first();
    await expect.poll(() => main.innerText()).toContain('王晓燕');
    const text = await main.innerText();
    expect(text).toContain('部门经办人');
    expect(text).toContain('包头市市场监督管理局');
    expect(await page.getByTestId('current-user').innerText()).toBe('王晓燕');

    // the session lives in an httpOnly, SameSite cookie, and survives a reload
    const sid = (await page.context().cookies()).find((c) => c.name === 'qz_sid');
    expect(sid).toMatchObject({ httpOnly: true });
    expect(sid?.sameSite).not.toBe('None');
    expect(await page.evaluate(() => document.cookie)).not.toContain('qz_sid');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();

    await screenshot(page, 'workspace-clerk-home');
    expect(problems).toEqual([]);
  });

  it('the portal, with JavaScript off, leads from / to the bodies of 昆都仑区', async () => {
    const page = await (await newContext({ javaScriptEnabled: false })).newPage();
    const problems = collectProblems(page);
    shootOnFailure(page, 'portal-kundulun');
    await page.goto(`${t.baseUrl}/`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('包头市权责清单');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');

    await page.getByRole('link', { name: /^昆都仑区/ }).click();
    await page.waitForURL('**/regions/150203');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('昆都仑区');
    const bodies = await bodyNames(page);
    expect(bodies.length).toBeGreaterThanOrEqual(10);
    expect(bodies).toContain('昆都仑区市场监督管理局');
    expect(bodies.filter((b) => b.startsWith('昆都仑区')).length).toBeGreaterThanOrEqual(10);
    // no body of another 旗县区 or of the city itself is listed here
    expect(bodies.filter((b) => /^(东河区|青山区|九原区|包头市市场)/.test(b))).toEqual([]);
    await screenshot(page, 'portal-kundulun-nojs');
    expect(problems).toEqual([]);
  });

  it('the portal, with JavaScript off, turns 长者模式 on and off with a plain link', async () => {
    const page = await (await newContext({ javaScriptEnabled: false })).newPage();
    const problems = collectProblems(page);
    shootOnFailure(page, 'portal-elder');
    await page.goto(`${t.baseUrl}/regions/150203`);
    const htmlClass = async () => ((await page.locator('html').getAttribute('class')) ?? '').split(/\s+/);
    const fontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    const before = await fontSize();
    expect(await htmlClass()).not.toContain('elder');

    // the link sets a cookie and comes back to the same page, which must now be in elder mode
    await page.getByRole('link', { name: '长者模式', exact: true }).click();
    await page.waitForURL('**/regions/150203');
    expect(
      await htmlClass(),
      'after following 长者模式 the page came back without class="elder" ' +
        '(the browser reused its cached copy: portal pages vary on the elder cookie but are sent ' +
        'with cache-control public, max-age=60 and no Vary: Cookie)',
    ).toContain('elder');
    expect(await fontSize()).toBeGreaterThan(before);
    // the link says what it does (no aria-pressed: a link has no pressed state, axe: aria-allowed-attr)
    expect(await page.getByRole('link', { name: '退出长者模式' }).count()).toBe(1);
    expect(await bodyNames(page)).toContain('昆都仑区市场监督管理局');
    await screenshot(page, 'portal-kundulun-elder-nojs');

    // it stays on across pages, and the same link turns it off again
    await page.getByRole('link', { name: '首页', exact: true }).first().click();
    await page.waitForURL(`${t.baseUrl}/`);
    expect(await htmlClass()).toContain('elder');
    await page.getByRole('link', { name: '退出长者模式' }).click();
    await page.waitForURL(`${t.baseUrl}/`);
    expect(await htmlClass()).not.toContain('elder');
    expect(await page.getByRole('link', { name: '长者模式', exact: true }).count()).toBe(1);
    expect(problems).toEqual([]);
  });

  it('the first Tab on the portal focuses the 跳到正文 skip link, which moves focus to the content', async () => {
    const page = await (await newContext()).newPage();
    shootOnFailure(page, 'portal-skip-link');
    await page.goto(`${t.baseUrl}/`);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const a = document.activeElement as HTMLAnchorElement | null;
      const r = a?.getBoundingClientRect();
      return {
        tag: a?.tagName,
        text: a?.textContent?.trim(),
        href: a?.getAttribute('href'),
        visible: !!r && r.width > 0 && r.left >= 0 && r.top >= 0,
      };
    });
    expect(focused).toEqual({ tag: 'A', text: '跳到正文', href: '#main', visible: true });
    await screenshot(page, 'portal-skip-link-focused');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(new URL(page.url()).hash).toBe('#main');
  });
});
