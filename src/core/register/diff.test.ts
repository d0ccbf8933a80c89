import { describe, expect, it } from 'vitest';
import { canonicalListJson, contentJson, diffPower, diffPowerLists } from './diff.js';
import type { Power } from './power.js';

function base(code: string, name: string, over: Partial<Power> = {}): Power {
  return {
    id: 100,
    bodyId: 7,
    parentId: null,
    code,
    name,
    category: 'XK',
    responsibleSubject: '包头市水务局',
    legalBases: [
      {
        documentId: 11,
        documentName: '《取水许可和水资源费征收管理条例》',
        level: '行政法规',
        article: '第二条',
        text: '取用水资源的单位和个人，除本条例第四条规定的情形外，都应当申请领取取水许可证，并缴纳水资源费。',
      },
    ],
    implementingAgency: '包头市水务局',
    responsibilities: [
      { order: 1, name: '受理责任', content: '公示应当提交的材料；一次性告知补正材料。' },
      { order: 2, name: '审查责任', content: '对书面材料进行审查。' },
    ],
    accountabilityCases: ['对符合法定条件的申请事项不予受理的'],
    accountabilityBasis: '《中华人民共和国行政许可法》第七十二条',
    remarks: '',
    status: 'active',
    ...over,
  };
}

const A = base('150200-016-XK-00001-000', '取水许可');
const B = base('150200-016-XK-00002-000', '河道采砂许可');
const C = base('150200-016-XK-00003-000', '生产建设项目水土保持方案审批');

describe('diffPowerLists', () => {
  it('finds added, removed, changed and unchanged, sorted by code', () => {
    const B2 = base(B.code, '河道采砂许可', { remarks: '汛期暂停受理', id: 999 });
    const D = base('150200-016-XK-00004-000', '河道管理范围内建设项目工程建设方案审批');
    const d = diffPowerLists([C, A, B], [D, B2, A]);
    expect(d.added.map((p) => p.code)).toEqual([D.code]);
    expect(d.removed.map((p) => p.code)).toEqual([C.code]);
    expect(d.unchangedCount).toBe(1);
    expect(d.changed).toEqual([
      {
        code: B.code,
        nameBefore: '河道采砂许可',
        nameAfter: '河道采砂许可',
        changes: [{ field: 'remarks', path: 'remarks', before: '', after: '汛期暂停受理' }],
      },
    ]);
  });

  it.each<[string, Partial<Power>, Array<{ field: string; path: string; before: unknown; after: unknown }>]>([
    [
      'name',
      { name: '取水许可证核发' },
      [{ field: 'name', path: 'name', before: '取水许可', after: '取水许可证核发' }],
    ],
    ['status', { status: 'cancelled' }, [{ field: 'status', path: 'status', before: 'active', after: 'cancelled' }]],
    [
      'an article inside legalBases',
      { legalBases: [{ ...A.legalBases[0], article: '第三条' }] },
      [{ field: 'legalBases', path: 'legalBases[0].article', before: '第二条', after: '第三条' }],
    ],
    [
      'an added legal basis',
      {
        legalBases: [
          A.legalBases[0],
          {
            documentName: '《中华人民共和国水法》',
            level: '法律',
            article: '第四十八条',
            text: '直接从江河、湖泊或者地下取用水资源的单位和个人，应当按照国家取水许可制度和水资源有偿使用制度的规定，向水行政主管部门或者流域管理机构申请领取取水许可证。',
          },
        ],
      },
      [
        {
          field: 'legalBases',
          path: 'legalBases[1]',
          before: undefined,
          after: expect.objectContaining({ article: '第四十八条' }),
        },
      ],
    ],
    [
      'a removed responsibility step',
      { responsibilities: [A.responsibilities[0]] },
      [{ field: 'responsibilities', path: 'responsibilities[1]', before: A.responsibilities[1], after: undefined }],
    ],
    [
      'a changed accountability case',
      { accountabilityCases: ['对不符合法定条件的申请事项予以受理的'] },
      [
        {
          field: 'accountabilityCases',
          path: 'accountabilityCases[0]',
          before: '对符合法定条件的申请事项不予受理的',
          after: '对不符合法定条件的申请事项予以受理的',
        },
      ],
    ],
    [
      'a new optional field',
      { predecessorCodes: ['150200-016-XK-00009-000'] },
      [{ field: 'predecessorCodes', path: 'predecessorCodes', before: undefined, after: ['150200-016-XK-00009-000'] }],
    ],
    [
      'storage ids and parentCode only',
      { id: 5, bodyId: 8, parentCode: null, legalBases: [{ ...A.legalBases[0], documentId: 99 }] },
      [],
    ],
  ])('field-level change: %s', (_label, over, expected) => {
    expect(diffPower(A, base(A.code, A.name, over))).toEqual(expected);
  });

  // issue 9.7: one element inserted reads as one insertion, not as every later element changed
  it('one 追责情形 inserted before three reads as one insertion', () => {
    const three = ['甲情形', '乙情形', '丙情形'];
    const changes = diffPower(
      base(A.code, A.name, { accountabilityCases: three }),
      base(A.code, A.name, { accountabilityCases: ['新增情形', ...three] }),
    );
    expect(changes).toEqual([
      { field: 'accountabilityCases', path: 'accountabilityCases[0]', before: undefined, after: '新增情形' },
    ]);
  });

  it('one 追责情形 removed from the middle reads as one removal at its old place', () => {
    const changes = diffPower(
      base(A.code, A.name, { accountabilityCases: ['甲情形', '乙情形', '丙情形'] }),
      base(A.code, A.name, { accountabilityCases: ['甲情形', '丙情形'] }),
    );
    expect(changes).toEqual([
      { field: 'accountabilityCases', path: 'accountabilityCases[1]', before: '乙情形', after: undefined },
    ]);
  });

  it('a 责任事项 inserted in the middle, the later ones renumbered, reads as one insertion', () => {
    const [r1, r2] = A.responsibilities;
    const added = { order: 2, name: '决定责任', content: '作出决定。' };
    const changes = diffPower(A, base(A.code, A.name, { responsibilities: [r1!, added, { ...r2!, order: 3 }] }));
    expect(changes).toEqual([
      { field: 'responsibilities', path: 'responsibilities[1]', before: undefined, after: added },
    ]);
  });

  it('an element edited in place is still one change of that element', () => {
    const changes = diffPower(
      base(A.code, A.name, { accountabilityCases: ['甲情形', '乙情形'] }),
      base(A.code, A.name, { accountabilityCases: ['甲情形', '乙情形（修订）'] }),
    );
    expect(changes).toEqual([
      { field: 'accountabilityCases', path: 'accountabilityCases[1]', before: '乙情形', after: '乙情形（修订）' },
    ]);
  });

  it('can compare storage ids when asked', () => {
    expect(diffPower(A, { ...A, id: 5 }, { ignoreKeys: [] })).toEqual([
      { field: 'id', path: 'id', before: 100, after: 5 },
    ]);
  });

  it('refuses a version with a duplicate code', () => {
    expect(() => diffPowerLists([A, A], [])).toThrow('重复');
  });
});

describe('canonicalListJson', () => {
  it('does not depend on input order, key order or storage ids', () => {
    const shuffled = JSON.parse(JSON.stringify(B), (_k, v) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
    ) as Power;
    const one = canonicalListJson([A, B, C]);
    expect(canonicalListJson([C, { ...shuffled, id: 'x' }, A])).toBe(one);
  });

  it('is sorted by code with sorted keys, no whitespace, no undefined', () => {
    const json = canonicalListJson([B, A]);
    const parsed = JSON.parse(json) as Array<Record<string, unknown>>;
    expect(parsed.map((p) => p.code)).toEqual([A.code, B.code]);
    expect(Object.keys(parsed[0])).toEqual([...Object.keys(parsed[0])].sort());
    expect(parsed[0]).not.toHaveProperty('id');
    expect(json).not.toMatch(/\n/);
  });

  it('changes when content changes and keeps array order', () => {
    const swapped = { ...A, responsibilities: [A.responsibilities[1], A.responsibilities[0]] };
    expect(canonicalListJson([swapped])).not.toBe(canonicalListJson([A]));
    expect(canonicalListJson([{ ...A, remarks: ' ' }])).not.toBe(canonicalListJson([A]));
  });

  it.each([
    [{ b: 1, a: [2, { d: undefined, c: 'x' }] }, '{"a":[2,{"c":"x"}],"b":1}'],
    [{ s: 'e\u0301', id: 7 }, '{"s":"é"}'],
  ])('contentJson(%o)', (value, expected) => expect(contentJson(value)).toBe(expected));
});
