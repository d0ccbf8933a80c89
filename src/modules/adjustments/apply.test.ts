import { describe, expect, it } from 'vitest';
import {
  ApplyError,
  applyAdjustment,
  rebaseItems,
  staleItems,
  type BodyScope,
  type Item,
  type ListPower,
} from './apply.js';

const P = (code: string, name: string, extra: Partial<ListPower> = {}): ListPower => ({
  parentId: null,
  code,
  name,
  category: code.split('-')[2],
  responsibleSubject: '包头市市场监督管理局',
  implementingAgency: '包头市市场监督管理局',
  legalBases: [],
  responsibilities: [],
  accountabilityCases: [],
  accountabilityBasis: '',
  remarks: '',
  status: 'active',
  ...extra,
});

const list = [
  P('150200-012-XK-00001-000', '食品经营许可'),
  P('150200-012-XK-00001-001', '食品经营许可（新办）'),
  P('150200-012-XK-00002-000', '特种设备使用登记'),
  P('150200-012-XK-00003-000', '旧许可', { status: 'cancelled' }),
  P('150200-012-CF-00001-000', '对无证经营的处罚'),
];
const scjg: BodyScope = {
  bodyId: 12,
  name: '包头市市场监督管理局',
  regionCode: '150200',
  bodyCode: '012',
  current: list,
  // 00004 was issued once and never published: it must not be issued again either
  issuedCodes: [...list.map((p) => p.code), '150200-012-XK-00004-000', '150200-012-XK-00001-002'],
};
const kdl: BodyScope = {
  bodyId: 40,
  name: '昆都仑区市场监督管理局',
  regionCode: '150203',
  bodyCode: '005',
  current: [P('150203-005-XK-00001-000', '区级许可')],
  issuedCodes: ['150203-005-XK-00001-000'],
};

const target = (code: string, proposed: Partial<ListPower> | null = null): Item => {
  const base = list.find((p) => p.code === code)!;
  return { targetCode: code, base, proposed: proposed && { ...base, ...proposed } };
};
const fresh = (name: string, category = 'XK'): Item => ({
  targetCode: null,
  base: null,
  proposed: P('', name, { category }),
});
const byCode = (ps: ListPower[], code: string) => ps.find((p) => p.code === code)!;

describe('applyAdjustment: the new list per kind', () => {
  it('add: a new 主项 code after every number ever issued (never reused)', () => {
    const r = applyAdjustment('add', [fresh('新增许可'), fresh('新增处罚', 'CF')], scjg, 7);
    expect(r.newCodes).toEqual(['150200-012-XK-00005-000', '150200-012-CF-00002-000']);
    expect(r.powers).toHaveLength(list.length + 2);
    expect(byCode(r.powers, '150200-012-XK-00005-000')).toMatchObject({ name: '新增许可', status: 'active' });
  });

  it('cancel: the power stays in the list as 已取消', () => {
    const r = applyAdjustment('cancel', [target('150200-012-XK-00002-000')], scjg, 7);
    expect(byCode(r.powers, '150200-012-XK-00002-000').status).toBe('cancelled');
    expect(r.newCodes).toEqual([]);
  });

  it('modify: proposed fields replace the published ones, code and status kept', () => {
    const r = applyAdjustment(
      'modify',
      [target('150200-012-XK-00002-000', { implementingAgency: '特种设备安全监察科' })],
      scjg,
      7,
    );
    expect(byCode(r.powers, '150200-012-XK-00002-000')).toMatchObject({
      implementingAgency: '特种设备安全监察科',
      status: 'active',
    });
  });

  it('merge: a new 主项 code linked to the merged ones, which become 已合并', () => {
    const r = applyAdjustment(
      'merge',
      [target('150200-012-XK-00001-000'), target('150200-012-XK-00002-000'), fresh('合并后的许可')],
      scjg,
      7,
    );
    expect(r.newCodes).toEqual(['150200-012-XK-00005-000']);
    expect(byCode(r.powers, '150200-012-XK-00005-000').predecessorCodes).toEqual([
      '150200-012-XK-00001-000',
      '150200-012-XK-00002-000',
    ]);
    expect(byCode(r.powers, '150200-012-XK-00001-000').status).toBe('merged');
    expect(r.resultCodes).toEqual(['150200-012-XK-00001-000', '150200-012-XK-00002-000', '150200-012-XK-00005-000']);
  });

  it('split: new 子项 codes under the 主项, numbered after every 子项 ever issued', () => {
    const r = applyAdjustment(
      'split',
      [target('150200-012-XK-00001-000'), fresh('延续'), fresh('变更', 'CF')],
      scjg,
      7,
    );
    expect(r.newCodes).toEqual(['150200-012-XK-00001-003', '150200-012-XK-00001-004']);
    // a 子项 shares its 主项's category (code scheme)
    expect(byCode(r.powers, '150200-012-XK-00001-004')).toMatchObject({
      category: 'XK',
      parentCode: '150200-012-XK-00001-000',
      predecessorCodes: ['150200-012-XK-00001-000'],
    });
    expect(byCode(r.powers, '150200-012-XK-00001-000').status).toBe('active');
  });

  it('split of a 子项: it retires, the new ones take its place under the same 主项', () => {
    const r = applyAdjustment('split', [target('150200-012-XK-00001-001'), fresh('甲'), fresh('乙')], scjg, 7);
    expect(byCode(r.powers, '150200-012-XK-00001-001').status).toBe('cancelled');
    expect(r.newCodes).toEqual(['150200-012-XK-00001-003', '150200-012-XK-00001-004']);
  });

  it('delegate: 已下放 here, added to the receiving list under its own code, linked both ways', () => {
    const r = applyAdjustment('delegate', [target('150200-012-XK-00002-000')], scjg, 7, kdl);
    const here = byCode(r.powers, '150200-012-XK-00002-000');
    const there = byCode(r.receiving!.powers, '150203-005-XK-00002-000');
    expect(here.status).toBe('delegated');
    expect(here.links).toEqual([
      { direction: 'delegatedTo', bodyId: 40, code: '150203-005-XK-00002-000', adjustmentId: 7 },
    ]);
    expect(there).toMatchObject({
      status: 'active',
      name: '特种设备使用登记',
      implementingAgency: '昆都仑区市场监督管理局',
    });
    expect(there.links).toEqual([
      { direction: 'delegatedFrom', bodyId: 12, code: '150200-012-XK-00002-000', adjustmentId: 7 },
    ]);
    expect(r.receiving!.newCodes).toEqual(['150203-005-XK-00002-000']);
    expect(r.newCodes).toEqual([]);
  });

  it('entrust: 已委托 with a link to the entrusted body; its list is not touched', () => {
    const r = applyAdjustment('entrust', [target('150200-012-CF-00001-000')], scjg, 7, kdl);
    expect(byCode(r.powers, '150200-012-CF-00001-000')).toMatchObject({
      status: 'entrusted',
      links: [{ direction: 'entrustedTo', bodyId: 40 }],
    });
    expect(r.receiving).toBeUndefined();
  });

  it.each([
    ['a code not in the list', '150200-012-XK-00099-000', '没有编码'],
    ['a power no longer in use', '150200-012-XK-00003-000', '已不在用'],
  ])('refuses %s', (_, code, msg) => {
    const it: Item = { targetCode: code, base: null, proposed: null };
    expect(() => applyAdjustment('cancel', [it], scjg, 7)).toThrow(ApplyError);
    expect(() => applyAdjustment('cancel', [it], scjg, 7)).toThrow(msg);
  });
});

describe('stale proposals and bringing them up to date', () => {
  const code = '150200-012-XK-00002-000';
  const mine = target(code, { implementingAgency: '特种设备安全监察科', remarks: '我方备注' });
  const theirs = list.map((p) =>
    p.code === code ? { ...p, name: '特种设备使用登记（更名）', remarks: '对方备注' } : p,
  );

  it('a proposal is stale once its target changed in a later version', () => {
    expect(staleItems([mine], list)).toEqual([]);
    expect(staleItems([mine], theirs)).toEqual([code]);
    expect(staleItems([fresh('新增')], theirs)).toEqual([]);
  });

  it('rebase keeps the applicant’s changes, takes the rest from the new version, and names overlaps', () => {
    const { items, overlapping } = rebaseItems([mine], theirs);
    expect(items[0].base!.name).toBe('特种设备使用登记（更名）');
    expect(items[0].proposed).toMatchObject({
      name: '特种设备使用登记（更名）',
      implementingAgency: '特种设备安全监察科',
      remarks: '我方备注',
    });
    expect(overlapping).toEqual([{ code, field: 'remarks' }]);
    expect(staleItems(items, theirs)).toEqual([]);
  });

  it('rebase refuses when the target was cancelled meanwhile', () => {
    const gone = list.map((p) => (p.code === code ? { ...p, status: 'cancelled' as const } : p));
    expect(() => rebaseItems([mine], gone)).toThrow('已不在用');
  });
});
