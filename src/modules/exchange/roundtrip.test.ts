// Issue 9.7: importing an exported draft unchanged reports no change — and writes nothing (no
// audit row, the draft untouched); a real change is counted power by power.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { bodyWithClerk, buildXlsx, ensureDocuments, multipart, newPowerRow } from './test-fixtures.js';

let t: TestApp;
let clerk: Client;
let body: Awaited<ReturnType<typeof bodyWithClerk>>;
beforeAll(async () => {
  t = await setupTestApp();
  await ensureDocuments(t.db);
  body = await bodyWithClerk(t.db, '包头市往返导入测试局');
  clerk = await t.login('clerk.scjg');
});
afterAll(() => t.close());

const upload = (file: Buffer) => {
  const m = multipart(file, '职权信息表.xlsx');
  return clerk.request('POST', `/api/exchange/bodies/${body.id}/draft/import`, m.payload, m.headers);
};
const imports = async () =>
  (await t.db.selectFrom('audit_event').select('seq').where('action', '=', 'exchange.draftImported').execute()).length;
const draftState = () =>
  t.db
    .selectFrom('draft_power as p')
    .innerJoin('list_draft as d', 'd.id', 'p.draft_id')
    .select(['p.id', 'p.code', 'p.remarks', 'd.updated_at'])
    .where('d.body_id', '=', body.id)
    .orderBy('p.id')
    .execute();

describe('export → import round trip', () => {
  it('the exported draft imported unchanged reports no change and writes nothing', async () => {
    const first = await upload(
      await buildXlsx([
        newPowerRow(body.name, 1),
        newPowerRow(body.name, 2, { kind: '子项', name: '食品经营许可（变更）' }),
        newPowerRow(body.name, 3),
      ]),
    );
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      noChange: false,
      changes: { added: 3, modified: 0, removed: 0, unchanged: 0 },
    });

    const exported = await clerk.get(`/api/exchange/bodies/${body.id}/draft.xlsx`);
    expect(exported.statusCode).toBe(200);
    const before = await draftState();
    const audits = await imports();
    const again = await upload(exported.rawPayload);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({
      noChange: true,
      inserted: 3,
      issuedCodes: 0,
      changes: { added: 0, modified: 0, removed: 0, unchanged: 3 },
    });
    expect(await draftState()).toEqual(before);
    expect(await imports()).toBe(audits);
  });

  it('one power changed and one left out are counted as such', async () => {
    const rows = await draftState();
    const [c1, c2] = rows.map((r) => r.code);
    const res = await upload(
      await buildXlsx([
        newPowerRow(body.name, 1, { code: c1!, remarks: '新增备注' }),
        newPowerRow(body.name, 2, { code: c2!, kind: '子项', name: '食品经营许可（变更）' }),
      ]),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ noChange: false, changes: { added: 0, modified: 1, removed: 1, unchanged: 1 } });
  });
});
