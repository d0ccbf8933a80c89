// Item 8: publication applies an approved application atomically — merge and split get new
// codes, a delegation adds the power to the receiving body's list linked both ways, and a
// failure part-way leaves every old version intact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { loadActor } from '../accounts/actor.repo.js';
import {
  at,
  bodyIdOf,
  draftApplication,
  drive,
  expectOk,
  power,
  powerAt,
  publishFixture,
  versionOf,
} from './test-fixtures.js';
import { act } from './workflow.command.js';

let t: TestApp;
let codes: string[];
let scjg: number;
let kdl: number;
beforeAll(async () => {
  t = await setupTestApp();
  at(t, '2026-11-30T09:00:00');
  ({ codes, bodyId: scjg } = await publishFixture(t, '包头市市场监督管理局', [
    power('锅炉安装告知'),
    power('压力容器安装告知'),
    power('计量器具检定'),
    power('电梯维保单位备案', 'QT'),
  ]));
  kdl = await bodyIdOf(t, '昆都仑区市场监督管理局');
});
afterAll(() => t.close());

const codeCount = async () =>
  Number(
    (
      await t.db
        .selectFrom('power_code')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('delegation (下放) to 昆都仑区', () => {
  let id: number;
  beforeAll(async () => {
    id = await draftApplication(
      t,
      'clerk.scjg',
      {
        title: '下放“电梯维保单位备案”',
        kind: 'delegate',
        triggerKind: 'other',
        receivingBodyId: kdl,
        takeover: '昆都仑区市场监督管理局已完成承接能力评估和业务培训',
      },
      [{ targetCode: codes[3], values: { remarks: '由旗县区实施' } }],
    );
    await drive(t, id, 'publish');
  });

  it('a failure after the first list is written leaves both bodies’ old versions, codes and the application as they were', async () => {
    const before = { scjg: await versionOf(t, scjg), kdl: await versionOf(t, kdl), codes: await codeCount() };
    const coord = (await loadActor(
      t.db,
      (
        await t.db.selectFrom('app_user').select('id').where('username', '=', 'coord.city').executeTakeFirstOrThrow()
      ).id,
    ))!;
    const failing = act(
      { db: t.db, clock: t.clock.read },
      coord,
      { clientIp: null },
      id,
      { action: 'complete', step: 'publish' },
      {
        afterBodyVersion: () => {
          throw new Error('注入的故障：写入承接部门清单前中断');
        },
      },
    );
    await expect(failing).rejects.toThrow('注入的故障');
    expect({ scjg: await versionOf(t, scjg), kdl: await versionOf(t, kdl), codes: await codeCount() }).toEqual(before);
    expect((await powerAt(t, scjg, codes[3]))!.status).toBe('active');
    const a = await expectOk(await (await t.login('coord.city')).get(`/api/adjustments/${id}`));
    expect(a).toMatchObject({ openSteps: ['publish'], publishedVersion: null });
    const audits = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('action', '=', 'adjustment.published')
      .where('object_id', '=', String(id))
      .execute();
    expect(audits).toEqual([]);
  });

  it('publishes both lists in one go, linked both ways', async () => {
    const before = { scjg: await versionOf(t, scjg), kdl: await versionOf(t, kdl) };
    const a = await expectOk(
      await (await t.login('coord.city')).post(`/api/adjustments/${id}/steps/publish/complete`, {}),
    );
    expect(a.publishedVersion).toBe(before.scjg! + 1);
    expect(a.receivingPublishedVersion).toBe((before.kdl ?? 0) + 1);
    const newCode = a.items[0].resultCode as string;
    expect(newCode).toMatch(/^150203-\d{3}-QT-\d{5}-000$/);
    const here = (await powerAt(t, scjg, codes[3]))!;
    const there = (await powerAt(t, kdl, newCode))!;
    expect(here.status).toBe('delegated');
    expect(here.links).toEqual([{ direction: 'delegatedTo', bodyId: kdl, code: newCode, adjustmentId: id }]);
    expect(there).toMatchObject({
      status: 'active',
      name: '电梯维保单位备案',
      implementingAgency: '昆都仑区市场监督管理局',
      remarks: '由旗县区实施',
    });
    expect(there.links).toEqual([{ direction: 'delegatedFrom', bodyId: scjg, code: codes[3], adjustmentId: id }]);
    const v = await t.db
      .selectFrom('power_list_version')
      .select(['source_type', 'source_id'])
      .where('body_id', '=', kdl)
      .where('version', '=', a.receivingPublishedVersion)
      .executeTakeFirstOrThrow();
    expect(v).toEqual({ source_type: 'adjustment', source_id: id });
    // the receiving body's people can see the application and were told
    const inbox = await expectOk(await (await t.login('lead.kdl.scjg')).get('/api/inbox'));
    expect(inbox.items.map((i: { adjustmentId: number }) => i.adjustmentId)).toContain(id);
    expect((await (await t.login('clerk.kdl.scjg')).get(`/api/adjustments/${id}`)).statusCode).toBe(200);
  });

  it('refuses a receiving body that is not below the applicant’s level', async () => {
    const c = await t.login('clerk.scjg');
    const res = await c.post('/api/adjustments', {
      title: '下放给同级',
      kind: 'delegate',
      triggerKind: 'other',
      triggerDate: '2026-11-27',
      receivingBodyId: await bodyIdOf(t, '包头市住房和城乡建设局'),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('下级行政区域');
  });
});

describe('merge (合并) and split (分设)', () => {
  it('merge: a new 主项 code with predecessor codes; the merged ones become 已合并', async () => {
    const id = await draftApplication(
      t,
      'clerk.scjg',
      { title: '合并安装告知', kind: 'merge', triggerKind: 'mergeSplit' },
      [
        { targetCode: codes[0] },
        { targetCode: codes[1] },
        {
          values: {
            name: '特种设备安装改造维修告知',
            category: 'XK',
            responsibleSubject: '包头市市场监督管理局',
            implementingAgency: '特种设备安全监察科',
          },
        },
      ],
    );
    const a = await drive(t, id, null);
    expect(a.status).toBe('done');
    const merged = a.items[2].resultCode as string;
    expect(merged).toMatch(/^150200-\d{3}-XK-\d{5}-000$/);
    expect(codes).not.toContain(merged);
    expect((await powerAt(t, scjg, merged))!.predecessorCodes).toEqual([codes[0], codes[1]]);
    expect((await powerAt(t, scjg, codes[0]))!.status).toBe('merged');
  });

  it('split: new 子项 codes under the 主项, never reusing a number', async () => {
    const id = await draftApplication(
      t,
      'clerk.scjg',
      { title: '分设计量器具检定', kind: 'split', triggerKind: 'mergeSplit' },
      [
        { targetCode: codes[2] },
        {
          values: {
            name: '计量器具检定（强制检定）',
            category: 'XK',
            responsibleSubject: '包头市市场监督管理局',
            implementingAgency: '计量科',
          },
        },
        {
          values: {
            name: '计量器具检定（非强制检定）',
            category: 'XK',
            responsibleSubject: '包头市市场监督管理局',
            implementingAgency: '计量科',
          },
        },
      ],
    );
    const a = await drive(t, id, null);
    const main = codes[2].slice(0, -3);
    expect(a.items.slice(1).map((i: { resultCode: string }) => i.resultCode)).toEqual([`${main}001`, `${main}002`]);
    expect((await powerAt(t, scjg, `${main}001`))!).toMatchObject({
      parentCode: codes[2],
      predecessorCodes: [codes[2]],
      status: 'active',
    });
  });

  it('refuses items that do not fit the kind, in Chinese, storing nothing', async () => {
    const c = await t.login('clerk.scjg');
    const a = await expectOk(
      await c.post('/api/adjustments', {
        title: '合并不全',
        kind: 'merge',
        triggerKind: 'mergeSplit',
        triggerDate: '2026-11-27',
      }),
      201,
    );
    const res = await c.put(`/api/adjustments/${a.id}/items`, {
      items: [{ targetCode: codes[3] }],
      version: a.version,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('合并');
    const add = await expectOk(
      await c.post('/api/adjustments', {
        title: '新增',
        kind: 'add',
        triggerKind: 'lawIssued',
        triggerDate: '2026-11-27',
      }),
      201,
    );
    const bad = await c.put(`/api/adjustments/${add.id}/items`, {
      items: [{ values: { name: '新增备案', category: 'BA', responsibleSubject: 'x', implementingAgency: 'y' } }],
      version: add.version,
    });
    expect(bad.statusCode).toBe(400);
    // 行政备案 (BA) exists only in the 2025 rulebook
    expect(bad.json().error.message).toContain('不在现行规则的类别中');
    expect((await expectOk(await c.get(`/api/adjustments/${add.id}`))).items).toEqual([]);
  });
});
