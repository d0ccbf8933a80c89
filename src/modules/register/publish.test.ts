// publishVersion / loadListAt / issueCodes against a real database (spec §2 versions).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Power } from '../../core/register/index.js';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { issueCodes, listDigest, loadCurrentList, loadListAt, publishVersion } from './publish.js';

let t: TestApp;
let bodyId: number;
let prefix: string;

// a body with no published list (the demo seed publishes every demo body's list)
async function freshBody(name: string) {
  const region = '150200';
  const { next } = await t.db
    .selectFrom('body')
    .select(sql<number>`max(seq) + 1`.as('next'))
    .where('region_code', '=', region)
    .executeTakeFirstOrThrow();
  const b = await t.db
    .insertInto('body')
    .values({ region_code: region, name, short_name: null, kind: '政府工作部门', office: null, seq: next })
    .returning(['id', 'seq'])
    .executeTakeFirstOrThrow();
  return { id: b.id, prefix: `${region}-${String(b.seq).padStart(3, '0')}` };
}

const power = (code: string, name: string, extra: Partial<Power> = {}): Power => ({
  parentId: null,
  code,
  name,
  category: code.split('-')[2],
  responsibleSubject: '测试局',
  legalBases: [
    {
      documentName: '《中华人民共和国行政许可法》',
      level: '法律',
      article: '第十二条',
      text: '下列事项可以设定行政许可',
    },
  ],
  implementingAgency: '测试局',
  responsibilities: [{ order: 1, name: '受理责任', content: '依法受理申请' }],
  accountabilityCases: ['对符合法定条件的申请不予受理的'],
  accountabilityBasis: '《中华人民共和国行政许可法》第七十二条',
  remarks: '',
  status: 'active',
  ...extra,
});

beforeAll(async () => {
  t = await setupTestApp();
  ({ id: bodyId, prefix } = await freshBody('包头市测试发布局'));
});
afterAll(() => t.close());

const at1 = new Date('2026-03-31T10:00:00+08:00');
const at2 = new Date('2026-06-15T10:00:00+08:00');

describe('publishVersion', () => {
  it('publishes version 1, then version 2 sharing unchanged rows', async () => {
    const a = power(`${prefix}-XK-00001-000`, '食品生产许可');
    const b = power(`${prefix}-CF-00001-000`, '对无证生产的处罚', { category: 'CF' });
    const r1 = await t.db.transaction().execute(async (trx) => {
      await issueCodes(trx, bodyId, [a.code, b.code]);
      return publishVersion(trx, {
        bodyId,
        powers: [a, b],
        duties: [{ name: '市场监管', content: '负责市场综合监督管理' }],
        source: { type: 'compilation', id: 1 },
        rulebookId: 'baotou-2023',
        actor: null,
        at: at1,
      });
    });
    expect(r1.version).toBe(1);
    expect(r1.diff.added).toHaveLength(2);
    expect(r1.digest).toBe(listDigest([b, a]));

    const c = power(`${prefix}-XK-00002-000`, '特种设备使用登记');
    const r2 = await t.db.transaction().execute(async (trx) => {
      await issueCodes(trx, bodyId, [c.code]);
      return publishVersion(trx, {
        bodyId,
        powers: [{ ...a, name: '食品生产许可（含变更）' }, { ...b, status: 'cancelled' }, c],
        source: { type: 'adjustment', id: 7 },
        rulebookId: 'baotou-2023',
        actor: null,
        at: at2,
      });
    });
    expect(r2.version).toBe(2);
    expect(r2.diff.added.map((p) => p.code)).toEqual([c.code]);
    expect(r2.diff.changed.map((x) => x.code).sort()).toEqual([a.code, b.code].sort());

    const cur = await loadCurrentList(t.db, bodyId);
    expect(cur.version).toBe(2);
    expect(cur.powers.find((p) => p.code === b.code)?.status).toBe('cancelled'); // stays listed
    expect(cur.duties.map((d) => d.name)).toEqual(['市场监管']); // duties unchanged when undefined

    // §2: the list as at a date before version 2 is version 1
    const asAt = await loadListAt(t.db, bodyId, { date: '2026-06-14' });
    expect(asAt?.version).toBe(1);
    expect(asAt?.powers.map((p) => p.name).sort()).toEqual(['对无证生产的处罚', '食品生产许可']);
    expect(listDigest(asAt!.powers)).toBe(r1.digest);
    expect((await loadListAt(t.db, bodyId, { date: '2026-06-15' }))?.version).toBe(2);
    expect(await loadListAt(t.db, bodyId, { date: '2026-03-30' })).toBeNull();
    expect(listDigest((await loadListAt(t.db, bodyId, { version: 2 }))!.powers)).toBe(r2.digest);

    const v = await t.db
      .selectFrom('power_list_version')
      .select(['version', 'source_type', 'source_id', sql<string>`effective_date::text`.as('d')])
      .where('body_id', '=', bodyId)
      .orderBy('version')
      .execute();
    expect(v.map((x) => [x.version, x.source_type, x.source_id, x.d])).toEqual([
      [1, 'compilation', 1, '2026-03-31'],
      [2, 'adjustment', 7, '2026-06-15'],
    ]);
    const ev = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('action', '=', 'list.published')
      .where('body_id', '=', bodyId)
      .execute();
    expect(ev).toHaveLength(2);
  });

  it('is all or nothing: a failure part-way leaves the old version intact', async () => {
    const before = await loadCurrentList(t.db, bodyId);
    const d = power(`${prefix}-XK-00003-000`, '新增事项');
    // the changed rows are closed first, then the insert of a row the database refuses fails
    await expect(
      t.db.transaction().execute(async (trx) => {
        await issueCodes(trx, bodyId, [d.code]);
        await publishVersion(trx, {
          bodyId,
          powers: [...before.powers.map((p) => ({ ...p, remarks: '改' })), { ...d, status: 'bogus' as never }],
          source: { type: 'adjustment', id: 8 },
          rulebookId: 'baotou-2023',
          actor: null,
          at: at2,
        });
      }),
    ).rejects.toThrow();
    // and a throw after publishVersion returned, still inside the transaction
    await expect(
      t.db.transaction().execute(async (trx) => {
        await publishVersion(trx, {
          bodyId,
          powers: before.powers.map((p) => ({ ...p, remarks: '改' })),
          source: { type: 'adjustment', id: 9 },
          rulebookId: 'baotou-2023',
          actor: null,
          at: at2,
        });
        throw new Error('injected');
      }),
    ).rejects.toThrow('injected');
    const after = await loadCurrentList(t.db, bodyId);
    expect(after.version).toBe(before.version);
    expect(after.powers).toEqual(before.powers);
    expect(
      await t.db.selectFrom('power_code').select('code').where('code', '=', d.code).executeTakeFirst(),
    ).toBeUndefined();
  });

  it('refuses a reused code and an unissued one', async () => {
    await expect(
      t.db.transaction().execute((trx) => issueCodes(trx, bodyId, [`${prefix}-XK-00001-000`])),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const cur = await loadCurrentList(t.db, bodyId);
    await expect(
      t.db.transaction().execute((trx) =>
        publishVersion(trx, {
          bodyId,
          powers: [...cur.powers, power(`${prefix}-XK-00099-000`, '未发放')],
          source: { type: 'adjustment', id: 1 },
          rulebookId: 'baotou-2023',
          actor: null,
          at: at2,
        }),
      ),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it('the trigger refuses a direct UPDATE or DELETE of a published row', async () => {
    const cur = await loadCurrentList(t.db, bodyId);
    await expect(
      t.db.updateTable('power').set({ name: '擅自修改' }).where('id', '=', cur.powers[0].id).execute(),
    ).rejects.toThrow(/不可修改/);
    await expect(t.db.deleteFrom('power').where('id', '=', cur.powers[0].id).execute()).rejects.toThrow(/不可删除/);
  });
});
