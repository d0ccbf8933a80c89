// §15 in Chromium (issue 12 acceptance): a citizen with JavaScript disabled follows the link on a
// power's page, files a complaint and gets a receipt code; the city's 协调小组办公室 accepts it,
// takes it on and answers it in the workspace (查实, which opens a supervision finding); the
// citizen, still without JavaScript, reads the answer by the code.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/modules/demo/users.seed.js';
import { bodyIdOf, somePower } from '../src/modules/feedback/test-fixtures.js';
import {
  collectProblems,
  describeBrowser,
  hasWebBuild,
  launchBrowser,
  screenshot,
  serveTestApp,
  type ServedApp,
} from './browser.js';

describeBrowser('opinions, complaints and reports in the browser', () => {
  let t: ServedApp;
  let browser: Browser;
  const problems: string[][] = [];

  beforeAll(async () => {
    t = await serveTestApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function choose(page: Page, label: string, option: string) {
    const input = page.getByLabel(label);
    for (let attempt = 0; attempt < 3; attempt++) {
      await input.click();
      const item = page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
        .filter({ hasText: option })
        .first();
      await item.waitFor();
      await page.waitForTimeout(250); // the dropdown's opening animation
      await item.click();
      const select = input.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]');
      if ((await select.innerText()).includes(option)) return;
    }
    throw new Error(`could not choose “${option}” in ${label}`);
  }

  it('a complaint filed without JavaScript is answered in the workspace and read back by its receipt code', async () => {
    const scjg = await bodyIdOf(t.db, '包头市市场监督管理局');
    const power = await somePower(t.db, scjg);

    // the citizen, no script
    const citizenCtx = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false });
    const citizen = await citizenCtx.newPage();
    problems.push(collectProblems(citizen));
    await citizen.goto(`${t.baseUrl}/bodies/${scjg}/powers/${power.code}`);
    await citizen.getByRole('link', { name: '对本事项提意见建议或投诉举报' }).click();
    await citizen.getByRole('heading', { level: 1, name: '意见建议与投诉举报' }).waitFor();
    expect(await citizen.locator('#powerCode').innerText()).toContain(power.name);
    await citizen.getByLabel('投诉', { exact: true }).check();
    await citizen.locator('#content').fill('办理时窗口要求提供清单以外的证明材料，属于擅自增加办理条件，请予纠正。');
    await citizen.locator('#name').fill('刘志强');
    await citizen.locator('#contact').fill('13514728866');
    await citizen.getByRole('button', { name: '提交', exact: true }).click();
    await citizen.getByRole('heading', { level: 1, name: '已收到您的投诉' }).waitFor();
    const code = (await citizen.locator('#receipt-code').innerText()).trim();
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await screenshot(citizen, 'feedback-receipt');
    const { id } = await t.db
      .selectFrom('feedback')
      .select('id')
      .where('receipt_code', '=', code)
      .executeTakeFirstOrThrow();

    if (!hasWebBuild()) throw new Error('the workspace is not built: npm run build:web');
    // the city office, in the workspace
    const ctx = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1440, height: 900 },
    });
    const office = await ctx.newPage();
    office.setDefaultTimeout(15_000);
    problems.push(collectProblems(office));
    await office.goto(`${t.baseUrl}/app/login`);
    await office.locator('#username').fill('coord.city');
    await office.locator('#password').fill(DEMO_PASSWORD);
    await office.getByRole('button', { name: '登录', exact: true }).click();
    await office.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
    await office.goto(`${t.baseUrl}/app/feedback`);
    await office.getByRole('link', { name: '办理' }).first().waitFor();
    await office.goto(`${t.baseUrl}/app/feedback/${id}`);
    await expect.poll(() => office.getByTestId('feedback-status').innerText()).toBe('待审核');
    await office.getByRole('button', { name: '受理', exact: true }).click();
    await expect.poll(() => office.getByTestId('feedback-status').innerText()).toBe('待分办');
    const me = await t.db
      .selectFrom('app_user')
      .select('display_name')
      .where('username', '=', 'coord.city')
      .executeTakeFirstOrThrow();
    await choose(office, '承办人', me.display_name);
    await office.getByRole('button', { name: '确定', exact: true }).click();
    await expect.poll(() => office.getByTestId('feedback-status').innerText()).toBe('办理中');
    // the handler sees the contact in full (and the read is audited)
    await office.getByRole('button', { name: '查看完整联系方式', exact: true }).click();
    await expect.poll(() => office.getByTestId('contact-full').innerText()).toBe('刘志强，13514728866');
    await choose(office, '办理结果', '查实');
    await choose(office, '问题类型', '擅自增加行政职权或自行更改职权要素');
    await office.getByLabel('研究论证情况').fill('调取窗口受理记录并约谈经办人员，确认要求了清单以外的材料。');
    await office
      .getByLabel('答复内容（反映人凭查询码可见）')
      .fill('经核查，您反映的情况属实，已督促该局立即纠正并限期整改。');
    await office.getByRole('button', { name: '提交答复', exact: true }).click();
    await expect.poll(() => office.getByTestId('feedback-status').innerText()).toBe('已答复');
    await office.getByText('已转为督查发现，督促整改（第十六条）').waitFor();
    await screenshot(office, 'feedback-answered');

    // the citizen reads the answer by the code, still without script
    await citizen.goto(`${t.baseUrl}/feedback/status`);
    await citizen.locator('#code').fill(code.toLowerCase());
    await citizen.getByRole('button', { name: '查询', exact: true }).click();
    await citizen.getByRole('heading', { level: 1, name: '办理情况' }).waitFor();
    expect(await citizen.locator('#status').innerText()).toBe('已答复');
    expect(await citizen.locator('#outcome').innerText()).toBe('查实');
    expect(await citizen.locator('#answer-text').innerText()).toContain('已督促该局立即纠正');
    expect(await citizen.content()).not.toContain('13514728866');
    await screenshot(citizen, 'feedback-status');
    expect(problems.flat()).toEqual([]);
  });

  it('the form, its refusal and the status page pass axe-core and do not scroll sideways at 390 px, 长者模式 included', async () => {
    const scjg = await bodyIdOf(t.db, '包头市市场监督管理局');
    const power = await somePower(t.db, scjg);
    const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const found: Record<string, string[]> = {};
    const overflow: Record<string, number> = {};
    for (const elder of [false, true]) {
      // the portal's CSP allows no script; axe is the test's own, evaluated past it
      const ctx = await browser.newContext({
        locale: 'zh-CN',
        viewport: { width: 390, height: 844 },
        isMobile: true,
        // the pages carry no script; axe needs the page's own script engine to run
        bypassCSP: true,
      });
      if (elder) await ctx.addCookies([{ name: 'elder', value: '1', url: t.baseUrl }]);
      const page = await ctx.newPage();
      const check = async (name: string) => {
        const key = `${elder ? 'elder ' : ''}${name}`;
        const { scroll, client } = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
        if (scroll > client) overflow[key] = scroll - client;
        await page.evaluate(axeSource);
        found[key] = await page.evaluate(async () => {
          const r = await (
            window as unknown as {
              axe: {
                run: (d: Document) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
              };
            }
          ).axe.run(document);
          return r.violations
            .filter((v) => v.impact === 'critical' || v.impact === 'serious')
            .map((v) => `${v.impact} ${v.id} × ${v.nodes.length}`);
        });
      };
      await page.goto(`${t.baseUrl}/feedback?body=${scjg}&power=${power.code}`);
      await check('form');
      // a refused submission: the error summary and the fields in error
      await page.getByRole('button', { name: '提交', exact: true }).click();
      await page.locator('#form-errors').waitFor();
      await check('refused');
      await page.goto(`${t.baseUrl}/feedback/status`);
      await check('lookup');
      await ctx.close();
    }
    expect(overflow).toEqual({});
    expect(Object.values(found).flat()).toEqual([]);
  }, 300_000);
});
