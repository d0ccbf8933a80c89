// §6 ¶2 at the API: 职责 are added, changed and removed through an application and published with
// its new list version; bad duty items are refused naming the field, and change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { loadCurrentList } from '../register/publish.js';
import { at, draftApplication, drive, expectOk, power, publishFixture } from './test-fixtures.js';

let t: TestApp;
let bodyId: number;
beforeAll(async () => {
  t = await setupTestApp();
  at(t, '2026-11-30T09:00:00');
  ({ bodyId } = await publishFixture(t, '包头市市场监督管理局', [power('甲项许可')]));
});
afterAll(() => t.close());

const duties = async () =>
  (await loadCurrentList(t.db, bodyId)).duties.map((d) => ({ name: d.name, content: d.content }));
const draft = (title: string) =>
  draftApplication(t, 'clerk.scjg', { title, kind: 'modify', triggerKind: 'dutyAdjustment' }, []);
// issue 10.8: a save names the version it read (here: the stored one)
const versionOf = async (id: number) =>
  (await t.db.selectFrom('adjustment').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
const put = async (user: string, id: number, items: object[]) =>
  (await t.login(user)).put(`/api/adjustments/${id}/duties`, { duties: items, version: await versionOf(id) });
const state = async (id: number) => ({
  a: await t.db
    .selectFrom('adjustment')
    .select(['duty_items', 'open_steps', 'updated_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow(),
  audits: (
    await t.db
      .selectFrom('audit_event')
      .select('seq')
      .where('object_type', '=', 'adjustment')
      .where('object_id', '=', String(id))
      .execute()
  ).length,
  list: await loadCurrentList(t.db, bodyId).then((l) => l.version),
});

describe('§6 ¶2: duties through an application', () => {
  let first: number;
  let stale: number;

  it('a 修改 with only duty items adds two duties and publishes them in a new version', async () => {
    const before = await duties();
    first = await draft('增加两项职责');
    const a = await expectOk(
      await put('clerk.scjg', first, [
        { op: 'add', name: '负责食品安全监督管理', content: '组织实施食品安全监督检查' },
        { op: 'add', name: '负责计量监督管理', content: '推行法定计量单位' },
      ]),
    );
    expect(a.dutyItems).toEqual([
      { op: 'add', base: null, proposed: { name: '负责食品安全监督管理', content: '组织实施食品安全监督检查' } },
      { op: 'add', base: null, proposed: { name: '负责计量监督管理', content: '推行法定计量单位' } },
    ]);
    const version = (await loadCurrentList(t.db, bodyId)).version!;
    const done = await drive(t, first, 'platformSync');
    expect(done.publishedVersion).toBe(version + 1);
    expect(await duties()).toEqual([
      ...before,
      { name: '负责食品安全监督管理', content: '组织实施食品安全监督检查' },
      { name: '负责计量监督管理', content: '推行法定计量单位' },
    ]);
    const audit = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('object_id', '=', String(first))
      .where('action', '=', 'adjustment.dutiesSet')
      .execute();
    expect(audit).toHaveLength(1);
  });

  // [user, items, HTTP status, error code, field, words]
  const refusals: [string, object[], number, string, string, string][] = [
    [
      'clerk.scjg',
      [{ op: 'remove', targetName: '并无此职责' }],
      400,
      'VALIDATION_FAILED',
      'duties.0.targetName',
      '现行清单中没有名为“并无此职责”的职责',
    ],
    [
      'clerk.scjg',
      [{ op: 'change', name: '负责计量工作' }],
      400,
      'VALIDATION_FAILED',
      'duties.0.targetName',
      '请选择拟修改的现行职责',
    ],
    [
      'clerk.scjg',
      [{ op: 'add', name: '负责计量监督管理' }],
      400,
      'VALIDATION_FAILED',
      'duties.0.name',
      '已有名为“负责计量监督管理”的职责',
    ],
    [
      'clerk.scjg',
      [{ op: 'add', name: '甲' }],
      400,
      'VALIDATION_FAILED',
      'duties.0.name',
      '请填写职责名称（至少2个字）',
    ],
    [
      'clerk.scjg',
      [{ op: 'delete', targetName: '负责计量监督管理' }],
      400,
      'VALIDATION_FAILED',
      'duties.0.op',
      '职责调整方式',
    ],
    [
      'clerk.scjg',
      [{ op: 'change', targetName: '负责计量监督管理', name: '负责计量监督管理', content: '推行法定计量单位' }],
      400,
      'VALIDATION_FAILED',
      'duties.0.name',
      '与现行清单相同',
    ],
    ['lead.scjg', [{ op: 'remove', targetName: '负责计量监督管理' }], 403, 'FORBIDDEN', '', '部门经办人'],
    ['clerk.zjj', [{ op: 'remove', targetName: '负责计量监督管理' }], 404, 'NOT_FOUND', '', '调整申请'],
  ];
  it.each(refusals)('%s %o → %i %s, nothing changes', async (user, items, status, code, field, words) => {
    const id = await draft('职责调整（被拒）');
    const before = await state(id);
    const res = await put(user, id, items);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.message).toContain(words);
    if (field) expect(JSON.stringify(res.json().error.details)).toContain(field);
    expect(await state(id)).toEqual(before);
  });

  it('a 修改 with neither powers nor duties cannot be handed on', async () => {
    const id = await draft('空申请');
    const before = await state(id);
    const res = await (await t.login('clerk.scjg')).post(`/api/adjustments/${id}/steps/draft/complete`, {});
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain('items');
    expect(await state(id)).toEqual(before);
  });

  it('changes one, removes one and adds one; an application made against the old duties is refused at publication', async () => {
    stale = await draft('修改计量职责（旧）');
    await expectOk(
      await put('clerk.scjg', stale, [
        { op: 'change', targetName: '负责计量监督管理', name: '负责计量监督管理', content: '旧提案' },
      ]),
    );
    const id = await draft('调整职责');
    await expectOk(
      await put('clerk.scjg', id, [
        {
          op: 'change',
          targetName: '负责计量监督管理',
          name: '负责计量和标准化监督管理',
          content: '推行法定计量单位，组织实施标准化',
        },
        { op: 'remove', targetName: '负责食品安全监督管理' },
        { op: 'add', name: '负责特种设备安全监督管理', content: '' },
      ]),
    );
    const after = await drive(t, id, 'platformSync');
    expect(after.publishedVersion).not.toBeNull();
    const now = await duties();
    expect(now.map((d) => d.name)).toEqual(
      expect.arrayContaining(['负责计量和标准化监督管理', '负责特种设备安全监督管理']),
    );
    expect(now.map((d) => d.name)).not.toContain('负责食品安全监督管理');
    expect(now.map((d) => d.name)).not.toContain('负责计量监督管理');

    const a = await drive(t, stale, 'publish');
    const before = await state(stale);
    const res = await (await t.login('coord.city')).post(`/api/adjustments/${stale}/steps/publish/complete`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('INVALID_STATE');
    expect(res.json().error.message).toContain('职责（负责计量监督管理）已由其他调整公布了新内容');
    expect(a.openSteps).toEqual(['publish']);
    expect(await state(stale)).toEqual(before);
  });
});
