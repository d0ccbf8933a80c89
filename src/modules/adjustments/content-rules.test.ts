// Issue 9.4 at the API: an 增加 or 修改 carries every 职权信息表 element (§6 ¶3) and a 设定依据 of a
// level §7 allows, its citations come from the legal-document register (so a later law change
// finds the power), it is screened against §8 like a first compilation, and the cause must fit
// the kind and have happened (§10, §11, §12).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import {
  at,
  bodyIdOf,
  complete,
  draftApplication,
  drive,
  expectOk,
  power,
  powerAt,
  publishFixture,
} from './test-fixtures.js';

let t: TestApp;
let codes: string[];
let bodyId: number;
beforeAll(async () => {
  t = await setupTestApp();
  at(t, '2026-11-30T09:00:00');
  ({ bodyId, codes } = await publishFixture(t, '包头市市场监督管理局', [power('甲项许可'), power('乙项许可')]));
});
afterAll(() => t.close());

const post = async (user: string, url: string, body: object = {}) => (await t.login(user)).post(url, body);
const snapshot = async (id: number) => ({
  a: await t.db
    .selectFrom('adjustment')
    .select(['status', 'open_steps', 'completed_steps', 'updated_at', 'kind', 'trigger_kind', 'trigger_date'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow(),
  items: await t.db.selectFrom('adjustment_item').selectAll().where('adjustment_id', '=', id).orderBy('ord').execute(),
  audits: (
    await t.db
      .selectFrom('audit_event')
      .select('seq')
      .where('object_type', '=', 'adjustment')
      .where('object_id', '=', String(id))
      .execute()
  ).length,
});
const expectRefused = (
  res: { statusCode: number; json: () => any },
  status: number,
  code: string,
  field: string,
  words: string,
) => {
  expect(res.statusCode).toBe(status);
  expect(res.json().error.code).toBe(code);
  expect(res.json().error.message).toContain(words);
  if (field) expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
};
const addDraft = (values: Record<string, unknown>) =>
  draftApplication(t, 'clerk.scjg', { title: `增加${values.name}`, kind: 'add', triggerKind: 'lawRevised' }, [
    { values },
  ]);

describe('§6 ¶3, §7: what an 增加 or 修改 must carry', () => {
  it('an 增加 without 法定依据、责任事项、追责情形、追责依据 cannot be handed on; each is named, nothing changes', async () => {
    const id = await addDraft({
      name: '新设甲类许可',
      category: 'XK',
      responsibleSubject: '包头市市场监督管理局',
      implementingAgency: '行政审批科',
    });
    const before = await snapshot(id);
    const res = await post('clerk.scjg', `/api/adjustments/${id}/steps/draft/complete`);
    expectRefused(res, 400, 'VALIDATION_FAILED', 'items.0.values.legalBases', '请填写法定依据（第六条）');
    for (const f of ['responsibilities', 'accountabilityCases', 'accountabilityBasis'])
      expect(JSON.stringify(res.json().error.details)).toContain(`items.0.values.${f}`);
    expect(res.json().error.message).toContain('追责依据');
    expect(await snapshot(id)).toEqual(before);
  });

  it('a 规范性文件 alone is no 设定依据 (§7): refused at the draft step, naming the field', async () => {
    const doc = await t.db
      .selectFrom('legal_document')
      .select(['id', 'name'])
      .where('level', '=', '规范性文件')
      .executeTakeFirstOrThrow();
    const id = await addDraft({
      ...complete('新设乙类许可'),
      legalBases: [{ documentId: doc.id, documentName: doc.name, article: '第三条', text: '' }],
    });
    const stored = await snapshot(id);
    expect((stored.items[0].proposed as { legalBases: { level: string }[] }).legalBases[0].level).toBe('规范性文件');
    const res = await post('clerk.scjg', `/api/adjustments/${id}/steps/draft/complete`);
    expectRefused(
      res,
      400,
      'VALIDATION_FAILED',
      'items.0.values.legalBases',
      '不能仅以规范性文件设定行政职权（第七条）',
    );
    expect(await snapshot(id)).toEqual(stored);
  });

  it('a 修改 that empties the 追责情形 is refused the same way', async () => {
    const id = await draftApplication(
      t,
      'clerk.scjg',
      { title: '修改乙项', kind: 'modify', triggerKind: 'lawRevised' },
      [{ targetCode: codes[1], values: { accountabilityCases: [] } }],
    );
    const before = await snapshot(id);
    expectRefused(
      await post('clerk.scjg', `/api/adjustments/${id}/steps/draft/complete`),
      400,
      'VALIDATION_FAILED',
      'items.0.values.accountabilityCases',
      '请填写追责情形',
    );
    expect(await snapshot(id)).toEqual(before);
  });

  it('a citation must be chosen from the legal-document register; nothing is stored otherwise', async () => {
    const id = await addDraft(complete('新设丙类许可'));
    const before = await snapshot(id);
    const clerk = await t.login('clerk.scjg');
    const res = await clerk.put(`/api/adjustments/${id}/items`, {
      version: (await clerk.get(`/api/adjustments/${id}`)).json().version,
      items: [
        {
          values: {
            ...complete('新设丙类许可'),
            legalBases: [{ documentName: '《并不存在的条例》', level: '法律', article: '第一条', text: '' }],
          },
        },
      ],
    });
    expectRefused(res, 400, 'VALIDATION_FAILED', 'items.0.values.legalBases.0.documentName', '不在法律文件库中');
    expect(await snapshot(id)).toEqual(before);
  });

  it('a complete 增加 cites the register by id and is published; a later law change finds the new power', async () => {
    const id = await addDraft(complete('新设丁类许可'));
    const law = await t.db
      .selectFrom('legal_document')
      .select(['id'])
      .where('key', '=', '行政许可法')
      .executeTakeFirstOrThrow();
    const stored = await snapshot(id);
    expect(
      (stored.items[0].proposed as { legalBases: { documentId: number; level: string }[] }).legalBases[0],
    ).toMatchObject({ documentId: law.id, level: '法律' });
    const done = await drive(t, id, 'platformSync');
    const code = done.items[0].resultCode as string;
    expect((await powerAt(t, bodyId, code))!.legalBases[0]).toMatchObject({ documentId: law.id });
    at(t, '2026-12-10T09:00:00');
    const change = await expectOk(
      await post('coord.city', '/api/law-changes', {
        legalDocumentId: law.id,
        changeKind: 'revised',
        changeDate: '2026-12-09',
      }),
      201,
    );
    const opened = change.opened.find((o: { bodyId: number }) => o.bodyId === bodyId);
    const due = await t.db
      .selectFrom('adjustment')
      .select(['reason', 'kind'])
      .where('id', '=', opened.adjustmentId)
      .executeTakeFirstOrThrow();
    expect(due.reason).toContain(`新设丁类许可（${code}）`);
  });
});

describe('§8: an 增加, or a 修改 that renames, is screened like a first compilation', () => {
  let id: number;
  beforeAll(async () => {
    id = await addDraft(complete('制定全市市场监管政策'));
    await drive(t, id, 'preliminaryReview');
  });

  it('the flag is stored with the item; the office cannot pass the preliminary review until it decides, nothing changes', async () => {
    const a = await expectOk(await (await t.login('coord.city')).get(`/api/adjustments/${id}`));
    expect(a.items[0].exclusionFlags[0]).toMatchObject({ clause: '§8.1', keyword: '政策制定' });
    const before = await snapshot(id);
    expectRefused(
      await post('coord.city', `/api/adjustments/${id}/steps/preliminaryReview/complete`),
      409,
      'INVALID_STATE',
      'items.0',
      '第八条',
    );
    expect(await snapshot(id)).toEqual(before);
  });

  it('only the coordination office of the level overrides, with a note of at least 4 characters', async () => {
    const itemId = (await snapshot(id)).items[0].id;
    const url = `/api/adjustments/${id}/items/${itemId}/exclusion-override`;
    const before = await snapshot(id);
    expectRefused(await post('clerk.scjg', url, { note: '属于对外管理职权' }), 403, 'FORBIDDEN', '', '协调小组办公室');
    expectRefused(await post('legal.city', url, { note: '属于对外管理职权' }), 403, 'FORBIDDEN', '', '协调小组办公室');
    expectRefused(await post('coord.city', url, { note: '可' }), 400, 'VALIDATION_FAILED', 'note', '复核说明至少4个字');
    expect(await snapshot(id)).toEqual(before);
    const a = await expectOk(
      await post('coord.city', url, { note: '经复核，该事项为对外实施的政策性扶持认定，予以保留' }),
    );
    expect(a.items[0].exclusionOverride).toMatchObject({ note: '经复核，该事项为对外实施的政策性扶持认定，予以保留' });
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'after'])
      .where('object_id', '=', String(id))
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('adjustment.exclusionOverridden');
    await expectOk(await post('coord.city', `/api/adjustments/${id}/steps/preliminaryReview/complete`));
  });

  it('a 修改 that renames is screened; one that keeps the name is not', async () => {
    const renamed = await draftApplication(
      t,
      'clerk.scjg',
      { title: '更名', kind: 'modify', triggerKind: 'lawRevised' },
      [{ targetCode: codes[0], values: { name: '干部任免备案管理' } }],
    );
    const kept = await draftApplication(
      t,
      'clerk.scjg',
      { title: '改实施机构', kind: 'modify', triggerKind: 'lawRevised' },
      [{ targetCode: codes[0], values: { implementingAgency: '综合科' } }],
    );
    expect((await snapshot(renamed)).items[0].exclusion_flags).toEqual([expect.objectContaining({ clause: '§8.2' })]);
    expect((await snapshot(kept)).items[0].exclusion_flags).toEqual([]);
  });
});

describe('§10, §11, §12: the cause fits the kind and has happened', () => {
  const count = async () =>
    (
      await t.db
        .selectFrom('adjustment')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  // [kind, triggerKind, triggerDate, field, words]
  const table: [string, string, string, string, string][] = [
    ['add', 'lawRepealed', '2026-12-01', 'triggerKind', '（第十一条第一项）不能作为“增加”的事由'],
    ['cancel', 'lawIssued', '2026-12-01', 'triggerKind', '不能作为“取消”的事由'],
    ['modify', 'mergeSplit', '2026-12-01', 'triggerKind', '该事由对应的调整类型为：合并、分设'],
    ['add', 'lawIssued', '2026-12-31', 'triggerDate', '不能晚于今天'],
  ];
  it.each(table)(
    '%s for %s on %s is refused (%s), nothing is created',
    async (kind, triggerKind, triggerDate, field, words) => {
      at(t, '2026-12-10T09:00:00');
      const n = await count();
      expectRefused(
        await post('clerk.scjg', '/api/adjustments', { title: '事由检查', kind, triggerKind, triggerDate }),
        400,
        'VALIDATION_FAILED',
        field,
        words,
      );
      expect(await count()).toBe(n);
    },
  );

  it('changing the kind of a draft is checked against its cause too, and changes nothing when refused', async () => {
    const id = await draftApplication(
      t,
      'clerk.scjg',
      { title: '取消乙项', kind: 'cancel', triggerKind: 'lawRepealed' },
      [{ targetCode: codes[1] }],
    );
    const before = await snapshot(id);
    const clerk = await t.login('clerk.scjg');
    const { version } = (await clerk.get(`/api/adjustments/${id}`)).json();
    expectRefused(
      await clerk.patch(`/api/adjustments/${id}`, { kind: 'add', version }),
      400,
      'VALIDATION_FAILED',
      'triggerKind',
      '不能作为“增加”的事由',
    );
    expect(await snapshot(id)).toEqual(before);
  });

  it('a newly issued law offers an 增加 to the bodies the office names; a future date is refused and records nothing', async () => {
    const doc = await t.db
      .selectFrom('legal_document')
      .select('id')
      .where('level', '=', '地方性法规')
      .executeTakeFirstOrThrow();
    const changes = async () => (await t.db.selectFrom('law_change').select('id').execute()).length;
    const n = await changes();
    expectRefused(
      await post('coord.city', '/api/law-changes', {
        legalDocumentId: doc.id,
        changeKind: 'issued',
        changeDate: '2026-12-20',
        bodyIds: [bodyId],
      }),
      400,
      'VALIDATION_FAILED',
      'changeDate',
      '不能晚于今天',
    );
    expect(await changes()).toBe(n);
    const r = await expectOk(
      await post('coord.city', '/api/law-changes', {
        legalDocumentId: doc.id,
        changeKind: 'issued',
        changeDate: '2026-12-08',
        bodyIds: [await bodyIdOf(t, '包头市住房和城乡建设局')],
      }),
      201,
    );
    const due = await t.db
      .selectFrom('adjustment')
      .select(['kind', 'trigger_kind', 'status'])
      .where('id', '=', r.opened[0].adjustmentId)
      .executeTakeFirstOrThrow();
    expect(due).toEqual({ kind: 'add', trigger_kind: 'lawIssued', status: 'due' });
  });
});
