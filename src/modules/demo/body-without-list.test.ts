// Issue 9.7: the demo includes a body without a published list (包头市商务局) with its own clerk and
// lead unit, so the first compilation and the Excel import wizard can be tried on it; another
// body's clerk cannot import into it, and that refusal changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { buildXlsx, countDraftPowers, ensureDocuments, multipart, newPowerRow } from '../exchange/test-fixtures.js';

let t: TestApp;
let bodyId: number;
const BODY = '包头市商务局';
beforeAll(async () => {
  t = await setupTestApp();
  await ensureDocuments(t.db);
  bodyId = (await t.db.selectFrom('body').select('id').where('name', '=', BODY).executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

const upload = async (user: string, file: Buffer) => {
  const m = multipart(file, '职权信息表.xlsx');
  return (await t.login(user)).request('POST', `/api/exchange/bodies/${bodyId}/draft/import`, m.payload, m.headers);
};

describe('a demo body without a list', () => {
  it('has no published version and no draft, and its demo clerk and lead unit sign in', async () => {
    expect(await t.db.selectFrom('power_list_version').select('id').where('body_id', '=', bodyId).execute()).toEqual(
      [],
    );
    expect(await t.db.selectFrom('list_draft').select('id').where('body_id', '=', bodyId).execute()).toEqual([]);
    for (const u of ['clerk.swj', 'lead.swj']) {
      const me = (await (await t.login(u)).get('/api/session')).json();
      expect(JSON.stringify(me)).toContain(BODY);
    }
  });

  it('another body’s clerk cannot import into it: refused, nothing stored', async () => {
    const file = await buildXlsx([newPowerRow(BODY, 1)]);
    const res = await upload('clerk.scjg', file);
    expect([403, 404]).toContain(res.statusCode);
    expect(await t.db.selectFrom('list_draft').select('id').where('body_id', '=', bodyId).execute()).toEqual([]);
    expect(await countDraftPowers(t.db, bodyId)).toBe(0);
  });

  it('its clerk imports a workbook into a new draft', async () => {
    const res = await upload('clerk.swj', await buildXlsx([newPowerRow(BODY, 1), newPowerRow(BODY, 2)]));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 2, inserted: 2, draftCreated: true });
    expect(await countDraftPowers(t.db, bodyId)).toBe(2);
  });
});
