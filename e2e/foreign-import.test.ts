// Issue 14.2 in headless Chromium: clerk.scjg imports 包头市市场监督管理局's list kept in the
// body's own layout (title rows, merged 权力分类 and 项目名称, notes at the bottom) through the
// wizard's mapping step. First a file with a row that cannot be read: the preview names that row
// and nothing is imported; the clerk corrects a column, saves the mapping, uploads the fixed file,
// sees the saved mapping applied, previews and imports every power.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it, onTestFailed } from 'vitest';
import { DEMO_PASSWORD } from '../src/modules/demo/users.seed.js';
import { buildForeignWorkbook, FOREIGN_POWER_COUNT } from '../src/modules/exchange/foreign-fixture.js';
import { bodyWithClerk, countDraftPowers, ensureDocuments } from '../src/modules/exchange/test-fixtures.js';
import {
  collectProblems,
  describeBrowser,
  hasWebBuild,
  launchBrowser,
  screenshot,
  serveTestApp,
  type ServedApp,
} from './browser.js';

const BODY = '包头市市场监督管理局（自有格式导入演示）';

describeBrowser('a body’s own list layout through the mapping step', () => {
  let t: ServedApp;
  let browser: Browser;
  let body: Awaited<ReturnType<typeof bodyWithClerk>>;
  let good = '';
  let bad = '';

  beforeAll(async () => {
    let dir: string;
    [t, browser, dir] = await Promise.all([
      serveTestApp(),
      launchBrowser(),
      mkdtemp(join(tmpdir(), 'qz-e2e-foreign-')),
    ]);
    await ensureDocuments(t.db);
    body = await bodyWithClerk(t.db, BODY, 'clerk.scjg');
    good = join(dir, '市场监管局权责清单.xlsx');
    bad = join(dir, '市场监管局权责清单（有误）.xlsx');
    await writeFile(good, await buildForeignWorkbook());
    await writeFile(
      bad,
      await buildForeignWorkbook({ badBasis: { name: '计量标准器具核准', text: '依据国家计量方面的有关规定' } }),
    );
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const modal = (page: Page) => page.locator('.ant-modal:visible');

  async function choose(page: Page, header: string, label: string) {
    await modal(page).getByTestId(`target-${header}`).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
  }

  async function upload(page: Page, path: string) {
    await modal(page).getByText('本部门自有格式（逐列对应后导入）').click();
    await modal(page).locator('input[type=file]').setInputFiles(path);
    await modal(page).getByRole('button', { name: '下一步：对应列' }).click();
    await modal(page).getByTestId('mapping-step').waitFor();
  }

  it('refuses the file with an unreadable row (named), then imports the fixed file with the saved mapping', async () => {
    expect(hasWebBuild(), 'the workspace is not built (dist/web): run `npx vite build`').toBe(true);
    const page = await (
      await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } })
    ).newPage();
    page.setDefaultTimeout(15_000);
    onTestFailed(async () => {
      await screenshot(page, 'FAILED-foreign-import').catch(() => {});
    });
    const problems = collectProblems(page);
    await page.goto(`${t.baseUrl}/app/login`);
    await page.locator('#username').fill('clerk.scjg');
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
    await page.getByRole('menuitem', { name: '权责清单' }).click();
    const card = page.getByTestId('own-body').filter({ hasText: BODY });
    await card.getByRole('button', { name: '导入职权信息表' }).click();
    await modal(page).getByRole('button', { name: '下一步：上传文件' }).click();

    // 1. the file with a row that cites nothing: the mapping proposed, the row named in the preview
    await upload(page, bad);
    const step = modal(page).getByTestId('mapping-step');
    await expect.poll(() => step.innerText()).toContain('第3行为列名');
    expect(await step.innerText()).toContain('包头市市场监督管理局权责清单');
    expect(await modal(page).getByTestId('target-项目名称').innerText()).toContain('行政职权名称（主项）');
    expect(await modal(page).getByTestId('target-实施依据').innerText()).toContain('法定依据');
    // the clerk corrects one column and saves the mapping for next time
    await choose(page, '备注', '（不导入）');
    await step.getByPlaceholder('列映射名称，如“本局权责清单格式”').fill('市场监管局自有格式');
    await step.getByRole('button', { name: '保存列映射' }).click();
    await page.getByText('已保存列映射“市场监管局自有格式”').waitFor();
    await screenshot(page, 'foreign-import-mapping');
    await modal(page).getByRole('button', { name: '预览导入' }).click();
    const preview = modal(page).getByTestId('mapping-preview');
    await preview.waitFor();
    const text = await preview.innerText();
    expect(text).toContain('不能导入');
    expect(text).toContain('实施依据（法定依据）');
    expect(await preview.locator('.import-row-problem').innerText()).toContain('第6行');
    await screenshot(page, 'foreign-import-refused');
    expect(await countDraftPowers(t.db, body.id)).toBe(0);

    // 2. the fixed file: the saved mapping applied, every row previewed, then imported
    await preview.getByRole('button', { name: '返回修改列映射' }).click();
    await modal(page).getByRole('button', { name: '上一步' }).click();
    await upload(page, good);
    await modal(page).getByText('已套用本部门保存的列映射“市场监管局自有格式”').waitFor();
    expect(await modal(page).getByTestId('target-备注').innerText()).toContain('（不导入）');
    await modal(page).getByRole('button', { name: '预览导入' }).click();
    await preview.waitFor();
    await expect.poll(() => preview.innerText()).toContain(`共 ${FOREIGN_POWER_COUNT} 项职权，没有发现问题`);
    expect(await preview.innerText()).toContain('对违反食品安全法规定的食品生产经营行为的处罚');
    await screenshot(page, 'foreign-import-preview');
    await preview.getByRole('button', { name: '确认导入' }).click();
    const result = page.getByTestId('import-result');
    await result.waitFor();
    expect(await result.innerText()).toContain(`导入成功：共导入 ${FOREIGN_POWER_COUNT} 项职权`);
    expect(await countDraftPowers(t.db, body.id)).toBe(FOREIGN_POWER_COUNT);
    await screenshot(page, 'foreign-import-done');
    expect(problems).toEqual([]);
  });
});
