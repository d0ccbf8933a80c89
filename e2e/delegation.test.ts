// Issue 13 in headless Chromium: one 下放 from 包头市市场监督管理局 to 昆都仑区市场监督管理局 — the
// clerk records the prior assessment with the three refusals and asks 包头市住房和城乡建设局; its
// lead unit answers from 关联部门意见; after the government's decision the clerk records training and
// hands over the checklist; the receiving body's lead unit confirms each item; then the power is
// published and the receiving body's portal page lists it. The procedure's own steps go through the API.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it, onTestFailed } from 'vitest';
import {
  at,
  bodyIdOf,
  draftApplication,
  drive,
  expectOk,
  power,
  publishFixture,
} from '../src/modules/adjustments/test-fixtures.js';
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

describeBrowser('a 下放 through assessment, a related body, training and handover (§13.2–§13.5)', () => {
  let t: ServedApp;
  let browser: Browser;
  let id: number;
  let kdl: number;
  let code: string;
  let current: Page | null = null;
  const problems: string[][] = [];
  const POWER = '特种设备安装改造维修许可';

  beforeAll(async () => {
    [t, browser] = await Promise.all([serveTestApp(), launchBrowser()]);
    at(t, '2026-11-02T09:00:00');
    const { codes } = await publishFixture(t, '包头市市场监督管理局', [power(POWER, 'XK')]);
    code = codes[0]!;
    kdl = await bodyIdOf(t, '昆都仑区市场监督管理局');
    id = await draftApplication(
      t,
      'clerk.scjg',
      { title: `下放“${POWER}”`, kind: 'delegate', receivingBodyId: kdl, takeover: '见事前调研评估' },
      [{ targetCode: codes[0] }],
    );
    await drive(t, id, 'submit');
  }, 180_000);
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
    problems.push(collectProblems(page));
    // the link first: the login page it is sent to signs in and goes back to it (one workspace load, not three)
    await page.goto(`${t.baseUrl}${path}`);
    await page.locator('#username').fill(user);
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL((u) => u.pathname + u.search === path);
    current = page;
    return page;
  }
  const shootOnFailure = (name: string) =>
    onTestFailed(async () => {
      if (current) await screenshot(current, `FAILED-${name}`).catch(() => {});
    });

  async function modal(page: Page) {
    const dialog = page.locator('.ant-modal').last();
    await dialog.waitFor();
    await expect.poll(() => dialog.getAttribute('class')).not.toMatch(/zoom/);
    return dialog;
  }

  async function pick(page: Page, option: string) {
    const item = page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: option })
      .first();
    await item.waitFor();
    await item.click();
  }

  it('the clerk records the assessment (三不放 all 否) and asks a related body', async () => {
    expect(hasWebBuild(), 'the workspace is not built (dist/web)').toBe(true);
    shootOnFailure('delegation-assessment');
    const clerk = await signIn('clerk.scjg', `/app/adjustments/${id}`);
    const card = clerk.getByTestId('delegation');
    await card.getByText('尚未评估，不能报送').waitFor();
    await card.getByRole('button', { name: '填写评估' }).click();
    const dialog = await modal(clerk);
    for (let i = 0; i < 6; i++) {
      await dialog
        .getByLabel('评估情况')
        .nth(i)
        .fill(`区局已具备承接条件（第${i + 1}项）`);
      await dialog.getByLabel('评估人').nth(i).fill('王建国');
    }
    for (let i = 0; i < 3; i++) {
      await dialog.getByRole('radio', { name: '否' }).nth(i).check();
      await dialog.getByLabel('理由').nth(i).fill('经评估不存在该情形');
    }
    await dialog.getByLabel('评估日期').fill('2026-11-02');
    await dialog.getByLabel('评估结论').fill('具备调整下放条件');
    await dialog.getByRole('button', { name: '保存' }).click();
    await card.getByText('具备下放条件').waitFor();
    await card.getByLabel('关联部门').click();
    await card.getByLabel('关联部门').fill('住房和城乡建设局');
    await pick(clerk, '包头市住房和城乡建设局');
    await card.getByRole('button', { name: '征求意见' }).click();
    await card.getByTestId('delegation-related').getByText('待回复').waitFor();
    await screenshot(clerk, 'delegation-assessment');
    await expectOk(await (await t.login('lead.scjg')).post(`/api/adjustments/${id}/steps/submit/complete`));
  });

  it("the related body's lead unit answers from 关联部门意见", async () => {
    shootOnFailure('delegation-related');
    const lead = await signIn('lead.zjj', '/app/delegation-requests');
    await lead.getByRole('button', { name: '查看并回复' }).first().click();
    const drawer = lead.locator('.ant-drawer');
    await drawer.getByRole('button', { name: '回复意见' }).click();
    const dialog = await modal(lead);
    await dialog.getByRole('radio', { name: '有条件同意' }).check();
    await dialog.getByLabel(/理由/).fill('电梯安装改造维修的现场核查同步下放至区住建部门');
    await dialog.getByRole('checkbox').check();
    await dialog.getByRole('button', { name: '提交意见' }).click();
    await drawer.getByText('本部门审批权限同步下放').waitFor();
    await screenshot(lead, 'delegation-related-answer');
    expect((await drive(t, id, 'receivingConfirm')).openSteps).toEqual(['receivingConfirm']);
  });

  it('the clerk records training and hands the checklist over on a set date', async () => {
    shootOnFailure('delegation-handover');
    const clerk = await signIn('clerk.scjg', `/app/adjustments/${id}`);
    const training = clerk.getByTestId('delegation-training');
    await training.getByText(/尚缺 受理、材料审核、实地踏察、审核验收、裁量权/).waitFor();
    await training.getByRole('button', { name: '登记培训' }).click();
    const dialog = await modal(clerk);
    const today = new Date(t.clock.now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    await dialog.getByLabel('培训日期').fill(today);
    await dialog.getByLabel('组织单位').fill('包头市市场监督管理局特种设备安全监察科');
    await dialog.getByLabel(/参训人员/).fill('李娜、赵磊');
    await dialog.getByLabel('培训内容').click();
    for (const topic of ['受理', '材料审核', '实地踏察', '审核验收', '裁量权']) await pick(clerk, topic);
    // close the multiple select's dropdown, which covers the dialog's buttons
    await dialog.locator('.ant-modal-title').click();
    await clerk.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
    await dialog.getByRole('button', { name: '保存' }).click();
    await training.getByText('培训内容已覆盖', { exact: false }).waitFor();
    const handover = clerk.getByTestId('delegation-handover');
    await handover.getByLabel('移交时间结点').fill(today);
    await handover.getByRole('button', { name: '确定时间结点' }).click();
    for (const [label, count] of [
      ['办理权限', null],
      ['信息数据', '1280'],
      ['政策依据', null],
      ['办理卷宗', '36'],
    ] as const) {
      await handover
        .getByRole('row')
        .filter({ hasText: label })
        .getByRole('button', { name: '移交', exact: true })
        .click();
      const confirm = await modal(clerk);
      if (count) await confirm.getByLabel('数量').fill(count);
      await confirm.getByRole('button', { name: '确认移交' }).click();
      const row = handover.getByRole('row').filter({ hasText: label });
      await expect.poll(() => row.innerText()).not.toContain('未移交');
      await confirm.waitFor({ state: 'hidden' });
    }
    await screenshot(clerk, 'delegation-handed-over');
  });

  it('the receiving lead unit confirms each item; the power is published and listed in its hands', async () => {
    shootOnFailure('delegation-confirm');
    const receiver = await signIn('lead.kdl.scjg', `/app/adjustments/${id}`);
    const handover = receiver.getByTestId('delegation-handover');
    for (let i = 0; i < 4; i++) {
      await handover.getByRole('button', { name: '确认接收' }).first().click();
      await expect.poll(() => handover.getByRole('button', { name: '确认接收' }).count()).toBe(3 - i);
    }
    await handover.getByText('已整体移交').waitFor();
    await screenshot(receiver, 'delegation-confirmed');
    expect((await drive(t, id, null)).status).toBe('done');
    await receiver.goto(`${t.baseUrl}/bodies/${kdl}`);
    expect(await receiver.locator('main').innerText()).toContain(POWER);
    // issue 13.7: each body's page of the power opens its chain — who holds it now, since when
    const scjg = await bodyIdOf(t, '包头市市场监督管理局');
    for (const from of [`/bodies/${scjg}/powers/${code}`, `/bodies/${kdl}`]) {
      await receiver.goto(`${t.baseUrl}${from}`);
      if (from.endsWith(`${kdl}`)) await receiver.locator('main').getByRole('link', { name: POWER }).first().click();
      await receiver.getByRole('link', { name: /现由谁行使/ }).click();
      const chain = await receiver.locator('main').innerText();
      expect(chain).toContain('包头市市场监督管理局');
      expect(chain).toMatch(/现由谁行使\s+昆都仑区市场监督管理局/);
    }
    await screenshot(receiver, 'delegation-chain');
    expect(problems.flat()).toEqual([]);
  });
});
