// Acceptance (issue 4) in headless Chromium, through the workspace as each role would use it:
// a cancel application from drafting to publication through every role (clerk → lead unit →
// legal office and coordination office → consultation → report → government approval with the
// normative document's number → publication → platforms → filing), and a modify application
// whose consultation receives a public comment (portal, no JavaScript) that gets a disposition,
// visible on the portal afterwards. The test app's clock is moved past the consultation period.
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

const shootOnFailure = (page: () => Page | undefined, name: string) =>
  onTestFailed(async () => {
    const p = page();
    if (p) await screenshot(p, `FAILED-${name}`).catch(() => {});
  });

describeBrowser('dynamic adjustment in the workspace', () => {
  let t: ServedApp;
  let browser: Browser;
  let current: Page | undefined;
  // each page's uncaught errors and failed same-origin responses (filled as the pages run)
  const problems: string[][] = [];

  beforeAll(async () => {
    [t, browser] = await Promise.all([serveTestApp(), launchBrowser()]);
    t.clock.now = new Date('2026-11-30T09:00:00+08:00');
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A fresh browser context signed in through the login page as `user`. */
  async function signIn(user: string, path = '/app/'): Promise<Page> {
    const ctx = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1440, height: 900 },
    });
    const page = await ctx.newPage();
    page.setDefaultTimeout(15_000);
    // a refused request says why in the test log
    page.on('response', async (r) => {
      if (r.url().includes('/api/') && !r.url().endsWith('/api/session') && r.status() >= 400)
        console.warn(`[${user}] ${r.status()} ${r.request().method()} ${r.url()} ${await r.text().catch(() => '')}`);
    });
    problems.push(collectProblems(page));
    current = page;
    // the link first, as a bookmark is opened: the login page signs in and goes back to it, one page
    // load instead of the login page, the 工作台 and then the link
    await page.goto(`${t.baseUrl}${path}`);
    await page.locator('#username').fill(user);
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    if (path === '/app/') await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
    else await page.waitForURL((u) => u.pathname + u.search === path);
    return page;
  }

  /** Choose `option` in the antd Select labelled `label` (typing to search); retried while the dropdown settles. */
  async function choose(page: Page, label: string | RegExp, option: string, scope = page.locator('body')) {
    const input = scope.getByLabel(label);
    const select = input.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]');
    for (let attempt = 0; attempt < 3; attempt++) {
      await input.click();
      if (await input.isEditable()) await input.fill(option);
      const item = page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
        .filter({ hasText: option })
        .first();
      await item.waitFor();
      await page.waitForTimeout(250); // the dropdown's opening animation
      await item.click();
      if ((await select.innerText()).includes(option)) return;
    }
    throw new Error(`could not choose “${option}” in ${String(label)}`);
  }

  async function date(page: Page, label: string, value: string, scope = page.locator('body')) {
    const input = scope.getByLabel(label);
    await input.click();
    await input.fill(value);
    await input.press('Enter');
  }

  /** The open modal, once its opening animation is over (a click during it can be lost). */
  async function modal(page: Page) {
    const dialog = page.locator('.ant-modal');
    await dialog.waitFor();
    await expect.poll(() => dialog.getAttribute('class')).not.toMatch(/zoom/);
    return dialog;
  }

  /** Press an action button on the application page, fill its dialog, confirm; wait for the result. */
  async function act(page: Page, button: string, fill?: (dialog: ReturnType<Page['locator']>) => Promise<void>) {
    await page.getByTestId('actions').getByRole('button', { name: button, exact: true }).click();
    const dialog = await modal(page);
    if (fill) await fill(dialog);
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: button, exact: true }).click();
    await page.locator('.ant-message').getByText(`${button}：已办理`).last().waitFor({ timeout: 30_000 });
    await dialog.waitFor({ state: 'hidden' });
  }

  const openApplication = async (page: Page, title: string) => {
    await page.getByRole('link', { name: title }).first().click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
  };

  const stepsText = (page: Page) => page.getByTestId('procedure').innerText();
  let cancelId = 0;

  it('a clerk drafts a cancel application: cause, date and its filing deadline, the power from the published list, attachment', async () => {
    expect(hasWebBuild(), 'the workspace is not built (dist/web): run `npx vite build`').toBe(true);
    const page = await signIn('clerk.scjg', '/app/adjustments');
    shootOnFailure(() => current, 'adjustment-draft');
    await page.getByRole('button', { name: '起草调整申请' }).click();
    const dialog = await modal(page);
    await dialog.getByLabel('申请事项名称').fill('取消“食品小作坊备案”');
    await choose(page, '调整类型', '取消', dialog);
    await choose(page, '调整事由', '上级、本级政府确定取消', dialog);
    await date(page, '事由发生之日', '2026-11-20', dialog);
    // §12: 15 working days from the cause, the day itself not counted
    await expect.poll(() => dialog.getByTestId('filing-due').innerText()).toContain('2026-12-11 前报送');
    expect(await dialog.getByTestId('filing-due').innerText()).toContain(
      '《包头市政府工作部门权责清单动态管理办法》第十二条',
    );
    await screenshot(page, 'adjustment-new');
    await dialog.getByRole('button', { name: '创建并填写' }).click();
    await page.getByRole('heading', { level: 1, name: '取消“食品小作坊备案”' }).waitFor();
    cancelId = Number(new URL(page.url()).pathname.split('/').pop());
    expect(cancelId).toBeGreaterThan(0);
    // the filing deadline with working days left and its article
    const content = page.locator('.ant-card').filter({ hasText: '申请内容' }).first();
    expect(await content.innerText()).toMatch(/2026-12-11 前报送[\s\S]*剩余9个工作日/);

    await content.getByRole('button', { name: '编辑' }).click();
    const form = page.locator('.ant-card').filter({ hasText: '编辑申请内容' });
    await form.getByLabel('调整理由').fill('自治区人民政府决定取消食品小作坊备案，改为告知承诺管理。');
    await form
      .getByLabel('调整依据')
      .fill('《内蒙古自治区人民政府关于取消和调整一批行政权力事项的决定》（内政发〔2026〕1号）');
    await form.getByRole('button', { name: '保存' }).click();
    await page.locator('.ant-message').getByText('申请内容已保存').waitFor();

    await page.getByRole('button', { name: '填写拟调整事项' }).click();
    const drawer = page.locator('.items-editor');
    await choose(page, '拟调整的现有行政职权', '食品小作坊备案', drawer);
    await drawer.getByRole('button', { name: '保存' }).click();
    await page.locator('.ant-message').getByText('拟调整事项已保存').waitFor();
    const diff = page.getByTestId('diff-view');
    await expect.poll(() => diff.innerText()).toContain('食品小作坊备案');
    expect(await diff.innerText()).toMatch(/状态[\s\S]*在用[\s\S]*已取消/);

    await page.locator('input[type=file]').setInputFiles({
      name: '内政发〔2026〕1号.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    });
    await page.locator('.ant-message').getByText('已上传').waitFor();
    await page.getByRole('link', { name: /内政发〔2026〕1号\.pdf/ }).waitFor();
    await screenshot(page, 'adjustment-cancel-draft');

    await act(page, '提交');
    await expect.poll(() => page.getByTestId('status').innerText()).toBe('办理中');
    await page.getByText('当前环节：报送调整申请').waitFor();
    // the clerk can no longer edit or submit it; withdrawing it, with a reason, remains
    expect(await page.getByTestId('actions').innerText()).toBe('撤回申请');
    await screenshot(page, 'adjustment-cancel-submitted');
  });

  it('the lead unit finds it in its 待办 with the deadline and article, and submits it', async () => {
    const page = await signIn('lead.scjg', '/app/inbox');
    shootOnFailure(() => current, 'adjustment-lead');
    const row = page.locator('.ant-table-row').filter({ hasText: '取消“食品小作坊备案”' });
    await expect
      .poll(() => row.innerText())
      .toMatch(/报送调整申请[\s\S]*2026-12-11 前[\s\S]*剩余9个工作日[\s\S]*第十二条/);
    expect(await page.getByRole('tab', { name: /待我办理/ }).innerText()).toContain('1');
    await screenshot(page, 'adjustment-inbox-lead');
    await page.getByRole('tab', { name: /消息提醒/ }).click();
    await expect
      .poll(() => page.locator('.ant-list').innerText())
      .toMatch(/待办[\s\S]*报送调整申请——取消“食品小作坊备案”[\s\S]*剩余9个工作日[\s\S]*第十二条/);
    await screenshot(page, 'adjustment-inbox-messages');
    await page.getByRole('tab', { name: /待我办理/ }).click();
    await row.getByRole('button', { name: '审核通过并报送' }).click();
    await page.getByRole('heading', { level: 1, name: '取消“食品小作坊备案”' }).waitFor();
    await act(page, '审核通过并报送', (d) => d.getByLabel('审核意见').fill('同意报送。'));
    expect(await stepsText(page)).toMatch(/初步审核[\s\S]*2026-12-21 前[\s\S]*剩余15个工作日/);
  });

  it('the legal office and the coordination office review it side by side; the office opens the consultation', async () => {
    const legal = await signIn('legal.city', '/app/inbox');
    shootOnFailure(() => current, 'adjustment-review');
    await openApplication(legal, '取消“食品小作坊备案”');
    await act(legal, '合法性审查通过', (d) => d.getByLabel('审核意见').fill('符合法律规定。'));

    const coord = await signIn('coord.city', '/app/inbox');
    await openApplication(coord, '取消“食品小作坊备案”');
    // a reviewer can send it back with a reason (not used here): the button is there
    await coord.getByTestId('actions').getByRole('button', { name: '退回修改' }).waitFor();
    await act(coord, '初步审核通过');
    await act(coord, '开始征求意见', async (d) => {
      expect(await d.innerText()).toContain('不少于5日');
      expect(await d.getByLabel('截止日期').inputValue()).toBe('2026-12-05');
    });
    await expect.poll(() => stepsText(coord)).toMatch(/公开征求意见[\s\S]*最早于 2026-12-05 期满/);
    await screenshot(coord, 'adjustment-consultation-open');
  });

  it('after the period the office ends the consultation and reports to the government within 15 working days', async () => {
    t.clock.now = new Date('2026-12-07T09:00:00+08:00');
    const coord = await signIn('coord.city', `/app/adjustments/${cancelId}`);
    shootOnFailure(() => current, 'adjustment-report');
    await coord.getByRole('heading', { level: 1, name: '取消“食品小作坊备案”' }).waitFor();
    await act(coord, '结束征求意见');
    // 2026-12-05 + 15 working days = 2026-12-25 (§12)
    await expect.poll(() => stepsText(coord)).toMatch(/报请政府审定[\s\S]*2026-12-25 前[\s\S]*剩余14个工作日/);
    await act(coord, '报请审定');
  });

  it('the government approves it on its 政府审定 page with the normative document number', async () => {
    const gov = await signIn('gov.city', '/app/approvals');
    shootOnFailure(() => current, 'adjustment-approval');
    const card = gov.getByTestId(`approval-${cancelId}`);
    await card.waitFor();
    expect(await card.innerText()).toContain('自治区人民政府决定取消食品小作坊备案');
    expect(await card.innerText()).toMatch(/在用[\s\S]*已取消/);
    await screenshot(gov, 'adjustment-approval-page');
    // no number, no approval: the form says so
    await card.getByRole('button', { name: '批准', exact: true }).click();
    const dialog = await modal(gov);
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: '批准', exact: true }).click();
    await dialog.getByText('请填写政府审定制发的规范性文件文号').waitFor();
    await dialog.getByLabel('规范性文件文号').fill('包府发〔2026〕12号');
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: '批准', exact: true }).click();
    await gov.locator('.ant-message').getByText('批准：已办理').waitFor();
    await gov.getByText('暂无报请审定的调整申请').waitFor();
    await gov.getByRole('tab', { name: '审定记录' }).click();
    await gov.locator('.ant-table-row').filter({ hasText: '取消“食品小作坊备案”' }).getByText('已批准').waitFor();
  });

  it('the office publishes it; the body confirms the platforms and files it: 已办结, the power 已取消 on the portal', async () => {
    const coord = await signIn('coord.city', `/app/adjustments/${cancelId}`);
    shootOnFailure(() => current, 'adjustment-publish');
    await coord.getByRole('heading', { level: 1 }).waitFor();
    await act(coord, '公布');
    await expect
      .poll(() => coord.locator('.ant-card').filter({ hasText: '申请内容' }).first().innerText())
      .toMatch(/规范性文件文号[\s\S]*包府发〔2026〕12号/);
    // §13.1: the platforms within 5 working days of publication
    expect(await stepsText(coord)).toMatch(
      /更新自治区事项管理平台和全市权责清单管理平台[\s\S]*2026-12-14 前[\s\S]*剩余5个工作日/,
    );

    const clerk = await signIn('clerk.scjg', `/app/adjustments/${cancelId}`);
    await clerk.getByRole('heading', { level: 1 }).waitFor();
    // §13.1: the regional platform's export (here: ours, as the platform took it) imported, reconciled and attached
    const card = clerk.getByTestId('platform-sync');
    const exported = await clerk.request.get(`${t.baseUrl}/api/regional-platform/bodies/26/export.json`);
    expect(exported.status()).toBe(200);
    await card.locator('input[type=file]').setInputFiles({
      name: '自治区平台导出.json',
      mimeType: 'application/json',
      buffer: await exported.body(),
    });
    await card.getByText(/号对账：本平台\d+项，自治区平台\d+项，差异0处/).waitFor();
    await card.getByRole('button', { name: '附于本申请' }).click();
    await card.getByText('已附对账').waitFor();
    await act(clerk, '确认平台已同步', (d) =>
      d.getByLabel('办理情况说明').fill('已在自治区事项管理平台和全市平台取消该事项。'),
    );
    const lead = await signIn('lead.scjg', `/app/adjustments/${cancelId}`);
    await lead.getByRole('heading', { level: 1 }).waitFor();
    await act(lead, '备案', (d) => d.getByLabel('办理情况说明').fill('已告知各旗县区市场监管局。'));
    await expect.poll(() => lead.getByTestId('status').innerText()).toBe('已办结');
    const history = await lead.locator('.ant-card').filter({ hasText: '办理记录' }).innerText();
    for (const who of ['王晓燕', '李建国', '陈静', '刘海峰']) expect(history).toContain(who);
    expect(history).toContain('规范性文件文号：包府发〔2026〕12号');
    await screenshot(lead, 'adjustment-cancel-done');

    const res = await fetch(`${t.baseUrl}/api/public/bodies/26/list.json`);
    const list = (await res.json()) as { powers: { name: string; status: string }[] };
    expect(list.powers.find((p) => p.name === '食品小作坊备案')?.status).toBe('cancelled');
  });

  let consultationId = 0;
  it('a modify application: the clerk proposes a new 实施机构, seen as 原值 → 拟调整为; reviewed; consultation opened', async () => {
    const clerk = await signIn('clerk.scjg', '/app/adjustments');
    shootOnFailure(() => current, 'adjustment-modify');
    await clerk.getByRole('button', { name: '起草调整申请' }).click();
    const dialog = await modal(clerk);
    await dialog.getByLabel('申请事项名称').fill('调整“计量标准器具核准”的实施机构');
    await choose(clerk, '调整类型', '修改要素', dialog);
    await choose(clerk, '调整事由', '职责调整', dialog);
    await date(clerk, '事由发生之日', '2026-12-01', dialog);
    await dialog.getByRole('button', { name: '创建并填写' }).click();
    await clerk.getByRole('heading', { level: 1, name: '调整“计量标准器具核准”的实施机构' }).waitFor();
    await clerk
      .locator('.ant-card')
      .filter({ hasText: '申请内容' })
      .first()
      .getByRole('button', { name: '编辑' })
      .click();
    const form = clerk.locator('.ant-card').filter({ hasText: '编辑申请内容' });
    await form.getByLabel('调整理由').fill('内设机构调整，计量标准器具核准统一由计量处办理。');
    await form.getByLabel('调整依据').fill('包头市市场监督管理局“三定”规定（2026年修订）');
    await form.getByRole('button', { name: '保存' }).click();
    await clerk.locator('.ant-message').getByText('申请内容已保存').waitFor();

    await clerk.getByRole('button', { name: '填写拟调整事项' }).click();
    const drawer = clerk.locator('.items-editor');
    await choose(clerk, '拟调整的现有行政职权', '计量标准器具核准', drawer);
    const agency = drawer.getByLabel('实施机构');
    await agency.fill('包头市市场监督管理局计量处');
    await expect.poll(() => drawer.innerText()).toMatch(/实施机构\s+包头市市场监督管理局\s+包头市市场监督管理局计量处/);
    await screenshot(clerk, 'adjustment-modify-editor');
    await drawer.getByRole('button', { name: '保存' }).click();
    await clerk.locator('.ant-message').getByText('拟调整事项已保存').waitFor();
    const diff = clerk.getByTestId('diff-view');
    await expect
      .poll(() => diff.innerText())
      .toMatch(/原值[\s\S]*拟调整为[\s\S]*实施机构\s+包头市市场监督管理局\s+包头市市场监督管理局计量处/);
    await screenshot(clerk, 'adjustment-modify-diff');
    await act(clerk, '提交');

    const lead = await signIn('lead.scjg', '/app/inbox');
    await openApplication(lead, '调整“计量标准器具核准”的实施机构');
    await act(lead, '审核通过并报送');
    const legal = await signIn('legal.city', '/app/inbox');
    await openApplication(legal, '调整“计量标准器具核准”的实施机构');
    await act(legal, '合法性审查通过');
    const coord = await signIn('coord.city', '/app/inbox');
    await openApplication(coord, '调整“计量标准器具核准”的实施机构');
    await act(coord, '初步审核通过');
    await act(coord, '开始征求意见', async (d) => {
      await date(coord, '截止日期', '2026-12-13', d);
    });
    const link = coord.locator('.ant-card').filter({ hasText: '公开征求意见' }).getByRole('link', { name: '意见处理' });
    consultationId = Number((await link.getAttribute('href'))!.split('/').pop());
    expect(consultationId).toBeGreaterThan(0);
  });

  it('a citizen comments on the portal without JavaScript; another comment is off topic', async () => {
    const ctx = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false });
    const page = await ctx.newPage();
    current = page;
    shootOnFailure(() => current, 'consultation-portal-comment');
    await page.goto(`${t.baseUrl}/consultations/${consultationId}`);
    expect(await page.locator('main').innerText()).toContain(
      '将“实施机构”由“包头市市场监督管理局”修改为“包头市市场监督管理局计量处”',
    );
    await page.locator('#name').fill('张先生');
    await page.locator('#contact').fill('zhang@example.com');
    await page.locator('#content').fill('建议在政务服务大厅保留计量器具核准的咨询窗口，方便企业办理。');
    await page.getByRole('button', { name: '提交意见' }).click();
    await page.waitForURL(/sent=1/);
    await page.locator('#content').fill('欢迎访问本公司网站，优惠多多，详情请咨询客服。');
    await page.getByRole('button', { name: '提交意见' }).click();
    await page.waitForURL(/sent=2/);
    await ctx.close();
  });

  it('the coordination office hides the off-topic comment and disposes of the other: 采纳 with a reason', async () => {
    const coord = await signIn('coord.city', '/app/consultations');
    shootOnFailure(() => current, 'consultation-moderation');
    await expect.poll(() => coord.locator('.ant-table-row').first().innerText()).toMatch(/征求意见中[\s\S]*2\s*条/);
    await screenshot(coord, 'consultation-list');
    await coord.getByRole('link', { name: '调整“计量标准器具核准”的实施机构' }).click();
    await coord.getByRole('heading', { level: 1, name: '调整“计量标准器具核准”的实施机构' }).waitFor();
    const spam = coord.locator('.ant-table-row').filter({ hasText: '优惠多多' });
    await spam.getByRole('button', { name: '隐藏' }).click();
    let dialog = await modal(coord);
    await dialog.getByLabel('隐藏理由').fill('含有与调整事项无关的广告内容');
    await dialog.getByRole('button', { name: '保存' }).click();
    await coord.locator('.ant-message').getByText('意见已隐藏').waitFor();
    await expect.poll(() => spam.innerText()).toContain('已隐藏：含有与调整事项无关的广告内容');

    const real = coord.locator('.ant-table-row').filter({ hasText: '咨询窗口' });
    expect(await real.innerText()).toContain('zhang@example.com');
    await real.getByRole('button', { name: '处理' }).click();
    dialog = await modal(coord);
    await dialog
      .locator('.ant-radio-button-wrapper')
      .filter({ hasText: /^采纳$/ })
      .click();
    await expect.poll(() => dialog.getByRole('radio', { name: '采纳', exact: true }).isChecked()).toBe(true);
    await dialog.getByLabel(/理由/).fill('计量处在政务服务大厅设咨询岗，原窗口保留咨询服务。');
    await dialog.getByRole('button', { name: '保存' }).click();
    await coord.locator('.ant-message').getByText('处理结果已保存').waitFor();
    await expect.poll(() => real.innerText()).toMatch(/采纳[\s\S]*计量处在政务服务大厅设咨询岗/);
    await screenshot(coord, 'consultation-moderation');
  });

  it('after the period the office ends the consultation and publishes; the portal shows the disposition with the outcome', async () => {
    t.clock.now = new Date('2026-12-14T09:00:00+08:00');
    const coord = await signIn('coord.city', '/app/inbox');
    shootOnFailure(() => current, 'consultation-published');
    await openApplication(coord, '调整“计量标准器具核准”的实施机构');
    await act(coord, '结束征求意见');
    await act(coord, '公布');
    await expect
      .poll(() => coord.locator('.ant-card').filter({ hasText: '申请内容' }).first().innerText())
      .toContain('公布结果');

    const ctx = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false });
    const page = await ctx.newPage();
    current = page;
    await page.goto(`${t.baseUrl}/consultations/${consultationId}`);
    const text = await page.locator('main').innerText();
    expect(text).toContain('处理结果：采纳');
    expect(text).toContain('计量处在政务服务大厅设咨询岗，原窗口保留咨询服务。');
    expect(text).toContain('建议在政务服务大厅保留计量器具核准的咨询窗口');
    expect(text).not.toContain('优惠多多');
    expect(text).not.toContain('zhang@example.com');
    expect(text).toContain('另有 1 条意见');
    await screenshot(page, 'consultation-portal-after');
    await ctx.close();
    expect(problems.flat()).toEqual([]);
  });

  it('the coordination office sees both applications in its list and downloads the yearly report', async () => {
    const coord = await signIn('coord.city', '/app/adjustments');
    shootOnFailure(() => current, 'adjustment-list-report');
    await coord.getByRole('link', { name: '取消“食品小作坊备案”' }).waitFor();
    await coord.getByRole('link', { name: '调整“计量标准器具核准”的实施机构' }).waitFor();
    await screenshot(coord, 'adjustment-list');

    await coord.goto(`${t.baseUrl}/app/reports`);
    await coord.getByRole('combobox', { name: '年度' }).click();
    await coord.locator('.ant-select-item-option').filter({ hasText: '2026年' }).click();
    const preview = coord.getByTestId('report-preview');
    await expect.poll(() => preview.innerText()).toContain('包头市2026年度权责清单动态调整情况报告');
    expect(await preview.innerText()).toMatch(/取消[\s\S]*修改要素/);
    await screenshot(coord, 'report-preview');
    const [download] = await Promise.all([
      coord.waitForEvent('download'),
      coord.getByRole('link', { name: /下载 Word/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('包头市2026年度权责清单动态调整情况报告.docx');
  });

  it('the calendar administrator enters the 2027 notice: a deadline reaching 2027 is no longer provisional', async () => {
    const admin = await signIn('sysadmin', '/app/calendar');
    shootOnFailure(() => current, 'calendar');
    const calc = admin.locator('.ant-card').filter({ hasText: '工作日计算' });
    const from = calc.locator('.ant-picker input');
    await from.click();
    await from.fill('2026-12-21');
    await from.press('Enter');
    await calc.getByRole('button', { name: '计算' }).click();
    await expect.poll(() => calc.getByTestId('workday-result').innerText()).toMatch(/^2027-01-\d\d\s*暂定$/);
    expect(await calc.getByTestId('workday-exact-after').innerText()).toContain(
      '待录入《国务院办公厅关于2027年部分节假日安排的通知》后为准',
    );

    await admin.getByRole('button', { name: '录入年度节假日安排' }).click();
    const dialog = await modal(admin);
    expect(await dialog.getByLabel('年度').inputValue()).toBe('2027');
    await dialog
      .getByLabel('依据（通知文号或标题）')
      .fill('国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕7号）');
    await dialog.locator('.ant-picker-range').click();
    await dialog.locator('.ant-picker-range input').first().fill('2027-01-01');
    await dialog.locator('.ant-picker-range input').last().fill('2027-01-03');
    await dialog.locator('.ant-picker-range input').last().press('Enter');
    await dialog.getByRole('button', { name: '加入放假日期' }).click();
    await expect.poll(() => dialog.innerText()).toContain('已选放假日期 3 天');
    await dialog.getByLabel('理由').fill('国务院办公厅已发布2027年节假日安排通知');
    // nothing is saved in one step: the preview first, then the confirmation (issue 9.2)
    await dialog.getByRole('button', { name: '预览影响' }).click();
    await dialog.getByTestId('overlay-preview').waitFor();
    await screenshot(admin, 'calendar-enter-2027');
    await dialog.getByRole('button', { name: '确认生效' }).click();
    await admin
      .locator('.ant-message')
      .getByText(/2027年节假日安排已生效/)
      .waitFor();
    await admin
      .locator('.ant-table-row')
      .filter({ hasText: '国办发明电〔2026〕7号' })
      .getByText('管理员录入')
      .waitFor();

    await calc.getByRole('button', { name: '计算' }).click();
    await expect.poll(() => calc.getByTestId('workday-result').innerText()).toMatch(/^2027-01-\d\d$/);
    await screenshot(admin, 'calendar');
    expect(problems.flat()).toEqual([]);
  });

  it('a law change recorded by the office opens a due adjustment that the body starts drafting (§10.1, §11.1)', async () => {
    const coord = await signIn('coord.city', '/app/law-changes');
    shootOnFailure(() => current, 'law-change');
    await coord.getByRole('button', { name: '登记立改废' }).click();
    const dialog = await modal(coord);
    await choose(coord, '法律文件', '中华人民共和国食品安全法', dialog);
    await dialog.getByText('修订', { exact: true }).click();
    await date(coord, '生效（废止）日期', '2026-12-10', dialog);
    await dialog.getByRole('button', { name: '登记并生成应调整事项' }).click();
    const done = coord.locator('.ant-alert-success');
    await done.waitFor();
    expect(await done.innerText()).toContain('包头市市场监督管理局');
    await expect.poll(() => done.innerText()).toMatch(/报送期限：2026-12-31 前[\s\S]*第十二条/);
    await screenshot(coord, 'law-change-recorded');

    const clerk = await signIn('clerk.scjg', '/app/adjustments?status=due');
    const row = clerk.locator('.ant-table-row').filter({ hasText: '中华人民共和国食品安全法' }).first();
    await expect
      .poll(() => row.innerText())
      .toMatch(/待申报[\s\S]*待开始起草[\s\S]*2026-12-31 前[\s\S]*剩余13个工作日[\s\S]*第十二条/);
    await row.getByRole('link').first().click();
    await clerk.getByRole('heading', { level: 1 }).waitFor();
    await act(clerk, '开始起草');
    await expect.poll(() => clerk.getByTestId('status').innerText()).toBe('办理中');
    expect(await clerk.locator('.ant-card').filter({ hasText: '申请内容' }).first().innerText()).toContain(
      '法律文件立改废生成',
    );
    await screenshot(clerk, 'law-change-started');

    const sys = await signIn('sysadmin', '/app/rulebooks');
    await sys.getByText('2025年办法（包头市行政权力清单管理办法）').first().waitFor();
    await sys.getByRole('button', { name: '设为现行' }).waitFor();
    await screenshot(sys, 'rulebooks');
  });

  it('a delegation names its receiving body and 下级承接情况; the lead unit returns it with a reason; the clerk withdraws it', async () => {
    const clerk = await signIn('clerk.scjg', '/app/adjustments');
    shootOnFailure(() => current, 'adjustment-delegate');
    await clerk.getByRole('button', { name: '起草调整申请' }).click();
    const dialog = await modal(clerk);
    await dialog.getByLabel('申请事项名称').fill('下放“企业名称争议裁决”');
    await choose(clerk, '调整类型', '下放', dialog);
    // §13.2: a delegation goes to a body of a lower level
    await choose(clerk, /承接部门/, '昆都仑区市场监督管理局', dialog);
    await choose(clerk, '调整事由', '其他情形', dialog);
    await date(clerk, '事由发生之日', '2026-12-11', dialog);
    await dialog.getByRole('button', { name: '创建并填写' }).click();
    await clerk.getByRole('heading', { level: 1, name: '下放“企业名称争议裁决”' }).waitFor();
    await clerk
      .locator('.ant-card')
      .filter({ hasText: '申请内容' })
      .first()
      .getByRole('button', { name: '编辑' })
      .click();
    const form = clerk.locator('.ant-card').filter({ hasText: '编辑申请内容' });
    await form.getByLabel('调整理由').fill('便于就近办理。');
    await form.getByLabel('调整依据').fill('《企业名称登记管理规定》');
    await form.getByLabel('下级承接情况').fill('昆都仑区市场监督管理局已配备专职人员2名，完成业务培训。');
    await form.getByRole('button', { name: '保存' }).click();
    await clerk.locator('.ant-message').getByText('申请内容已保存').waitFor();
    const content = await clerk.locator('.ant-card').filter({ hasText: '申请内容' }).first().innerText();
    expect(content).toMatch(/承接部门\s+昆都仑区市场监督管理局/);
    expect(content).toContain('已配备专职人员2名');
    await clerk.getByRole('button', { name: '填写拟调整事项' }).click();
    const drawer = clerk.locator('.items-editor');
    await choose(clerk, '拟调整的现有行政职权', '企业名称争议裁决', drawer);
    await drawer.getByRole('button', { name: '保存' }).click();
    await clerk.locator('.ant-message').getByText('拟调整事项已保存').waitFor();
    // the receiving body's list gains the power
    await expect
      .poll(() => clerk.getByTestId('diff-view').innerText())
      .toMatch(/已下放[\s\S]*承接部门（昆都仑区市场监督管理局）清单的变化[\s\S]*新增[\s\S]*企业名称争议裁决/);
    await screenshot(clerk, 'adjustment-delegate-draft');
    // §13(五): 昆都仑区 already lists 企业名称争议裁决 (行政裁决); it is resolved before 提交
    const dups = clerk.getByTestId('duplicates');
    await dups.getByText(/名称、类别相同/).waitFor();
    await dups.getByRole('button', { name: '并入现有事项' }).click();
    await dups.getByText(/已处理：并入承接部门现有事项/).waitFor();
    await act(clerk, '提交');

    const lead = await signIn('lead.scjg', '/app/inbox');
    await openApplication(lead, '下放“企业名称争议裁决”');
    await lead.getByTestId('actions').getByRole('button', { name: '退回修改' }).click();
    const returning = await modal(lead);
    await returning.locator('.ant-modal-footer').getByRole('button', { name: '退回修改' }).click();
    await returning.getByText('请填写理由').waitFor();
    await returning.getByLabel(/退回理由/).fill('请补充承接部门的事前评估报告作为附件。');
    await returning.locator('.ant-modal-footer').getByRole('button', { name: '退回修改' }).click();
    await lead.locator('.ant-message').getByText('退回修改：已办理').waitFor();

    const again = await signIn('clerk.scjg', '/app/adjustments');
    await openApplication(again, '下放“企业名称争议裁决”');
    expect(await again.getByTestId('returned').innerText()).toContain('请补充承接部门的事前评估报告作为附件。');
    expect(await again.getByTestId('procedure').innerText()).toContain('起草调整申请');
    await screenshot(again, 'adjustment-returned');
    await act(again, '撤回申请', (d) => d.getByLabel('撤回理由').fill('经研究暂不下放。'));
    await expect.poll(() => again.getByTestId('status').innerText()).toBe('已撤回');
    expect(await again.locator('.ant-alert').filter({ hasText: '已撤回' }).innerText()).toContain('经研究暂不下放。');
    expect(problems.flat()).toEqual([]);
  });
});
