// Issue 13.3 (in part) through the API on a real database: a 委托 is submitted only with its
// 法律/法规/规章 basis, and a 行政处罚 only with the written instrument (书面委托) uploaded (§13.3).
// Each refusal: a Chinese message, a stable code, nothing changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import {
  assessmentFixture,
  at,
  attachPdf,
  auditActionsOf,
  bodyIdOf,
  draftApplication,
  drive,
  expectOk,
  power,
  publishFixture,
} from '../adjustments/test-fixtures.js';

let t: TestApp;
let kdl: number;
let codes: string[];
// a minimal PDF header: the attachment check reads the file's first bytes
const PDF = Buffer.from('%PDF-1.7\n委托书\n%%EOF');

const state = async (id: number) => {
  const a = await expectOk(await (await t.login('coord.city')).get(`/api/adjustments/${id}`));
  return { status: a.status, openSteps: a.openSteps, audits: await auditActionsOf(t, id) };
};
const submit = async (id: number) => (await t.login('lead.scjg')).post(`/api/adjustments/${id}/steps/submit/complete`);
const basis = { basisLevel: '法律', basisDocument: '《中华人民共和国行政处罚法》', basisArticle: '第二十条' };

beforeAll(async () => {
  t = await setupTestApp();
  at(t, '2026-11-02T09:00:00');
  ({ codes } = await publishFixture(t, '包头市市场监督管理局', [
    power('对发布虚假广告的处罚', 'CF'),
    power('特种设备安装改造维修许可', 'XK'),
  ]));
  kdl = await bodyIdOf(t, '昆都仑区市场监督管理局');
}, 120_000);
afterAll(() => t?.close());

describe('依法委托 (§13.3)', () => {
  let id: number;
  let instrument: number;
  beforeAll(async () => {
    id = await draftApplication(
      t,
      'clerk.scjg',
      { title: '委托“对发布虚假广告的处罚”', kind: 'entrust', receivingBodyId: kdl, takeover: '见委托书' },
      [{ targetCode: codes[0] }],
    );
    // the instrument is uploaded with the draft, like any attachment
    instrument = await attachPdf(t, 'clerk.scjg', id, '委托书.pdf', PDF);
    await drive(t, id, 'submit');
    await expectOk(
      await (await t.login('clerk.scjg')).put(
        `/api/adjustments/${id}/delegation/assessment`,
        assessmentFixture('2026-11-01'),
      ),
    );
  }, 120_000);

  it('without a 法律/法规/规章 basis a 委托 is not submitted: 409, nothing changed', async () => {
    const before = await state(id);
    const r = await submit(id);
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('INVALID_STATE');
    expect(r.json().error.message).toContain('委托须有法律、法规、规章作为依据');
    expect(await state(id)).toEqual(before);
    const bad = await (await t.login('clerk.scjg')).put(`/api/adjustments/${id}/delegation/entrustment`, {
      ...basis,
      basisLevel: '规范性文件',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('委托依据须为法律、法规或规章');
  });

  it('a 行政处罚 entrusted without the written instrument is refused, with it it goes on', async () => {
    const clerk = await t.login('clerk.scjg');
    await expectOk(await clerk.put(`/api/adjustments/${id}/delegation/entrustment`, basis));
    const before = await state(id);
    const r = await submit(id);
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toContain('行政处罚事项的委托须采用书面委托形式，请上传委托书');
    expect(await state(id)).toEqual(before);
    const d = await expectOk(
      await clerk.put(`/api/adjustments/${id}/delegation/entrustment`, {
        ...basis,
        instrumentAttachmentId: instrument,
      }),
    );
    expect(d.entrustment).toMatchObject({ basisLevel: '法律', instrument: { filename: '委托书.pdf' } });
    await expectOk(await submit(id));
    expect((await state(id)).audits).toEqual(
      expect.arrayContaining(['delegation.entrustmentRecorded', 'adjustment.submitted']),
    );
  });

  it('a 下放 has no entrustment record: 409', async () => {
    const del = await draftApplication(
      t,
      'clerk.scjg',
      { title: '下放“特种设备安装改造维修许可”', kind: 'delegate', receivingBodyId: kdl, takeover: '见评估' },
      [{ targetCode: codes[1] }],
    );
    const r = await (await t.login('clerk.scjg')).put(`/api/adjustments/${del}/delegation/entrustment`, basis);
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toContain('只有委托申请需要填写委托依据');
  });
});
