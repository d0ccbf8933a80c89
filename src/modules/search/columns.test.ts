// The JS mirror of the search trigger (for bulk loads) must equal what the trigger stores.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { freshBody, power, publish } from '../portal/test-fixtures.js';
import { checkSearchColumns, searchColumns } from './columns.js';

let t: TestApp;
beforeAll(async () => {
  t = await setupTestApp();
});
afterAll(() => t.close());

it('computes search_text and search_grams exactly as the insert trigger', async () => {
  const body = await freshBody(t, '昆都仑区镜像测试局', '150203');
  const powers = [
    power(`${body.prefix}-XK-00001-000`, 'ＡＢＣ 全角\t与　空白许可'),
    power(`${body.prefix}-CF-00001-000`, '𠀀生僻字😀处罚', { legalBases: [] }),
    power(`${body.prefix}-QT-00001-000`, '无条文依据', {
      legalBases: [{ documentName: '《某条例》', level: '地方性法规', article: '第一条', text: '' }],
    }),
  ];
  await publish(t, body, powers, { at: new Date('2026-03-31T10:00:00+08:00') });
  const rows = await sql<{ code: string; category: string; search_text: string; search_grams: string[] }>`
    select code, category, search_text, search_grams from power where body_id = ${body.id} order by code`.execute(t.db);
  for (const row of rows.rows) {
    const p = powers.find((x) => x.code === row.code)!;
    const js = searchColumns({
      name: p.name,
      code: p.code,
      legalBases: p.legalBases,
      bodyId: body.id,
      category: p.category,
      level: 2,
    });
    expect(js.text).toBe(row.search_text);
    expect([...js.grams].sort()).toEqual([...row.search_grams].sort());
  }
  expect(await checkSearchColumns(t.db, 1, body.id)).toEqual({ checked: 3, different: 0 });
});
