// The one-cell notations, both ways (pure).
import { describe, expect, it } from 'vitest';
import {
  documentKey,
  escapeItem,
  formatCases,
  formatLegalBases,
  formatResponsibilities,
  linesOf,
  parseCases,
  parseLegalBases,
  parseResponsibilities,
  unescapeItem,
} from './notation.js';

describe('escapeItem / unescapeItem', () => {
  it.each([
    ['plain', '从事食品生产、食品销售'],
    ['line break', '第一款\n第二款'],
    ['CR LF', 'a\r\nb'],
    ['backslash', 'C:\\new'],
    ['backslash n literally', '\\n 不是换行'],
    ['trailing backslash', '结尾\\'],
  ])('%s round-trips and stays on one line', (_l, s) => {
    const e = escapeItem(s);
    expect(e).not.toMatch(/[\r\n]/);
    expect(unescapeItem(e)).toBe(s);
  });
  it('keeps an unknown escape as written', () => expect(unescapeItem('a\\tb')).toBe('a\\tb'));
});

describe('法定依据 and 依据层级', () => {
  const cites = [
    {
      documentName: '《中华人民共和国食品安全法》',
      level: '法律' as const,
      article: '第三十五条',
      text: '从事食品生产、食品销售、餐饮服务，应当依法取得许可。',
    },
    {
      documentName: '《包头市城市供热管理临时性许可规定》',
      level: '临时性行政许可' as const,
      article: '第五条第二款',
      text: '第一句。\n第二句：含冒号',
      effectiveDate: '2026-03-01',
      expiryDate: '2027-03-01',
      inferred: true as const,
    },
  ];

  it('writes one citation per line, and the level line by line', () => {
    expect(formatLegalBases(cites)).toEqual({
      bases:
        '《中华人民共和国食品安全法》第三十五条：从事食品生产、食品销售、餐饮服务，应当依法取得许可。\n《包头市城市供热管理临时性许可规定》第五条第二款：第一句。\\n第二句：含冒号',
      levels: '法律\n临时性行政许可；施行日期2026-03-01；有效期至2027-03-01；未核实',
    });
  });

  it('reads back what it writes', () => {
    const f = formatLegalBases(cites);
    const r = parseLegalBases(f.bases, f.levels);
    expect(r.errors).toEqual([]);
    expect(r.levelErrors).toEqual([]);
    expect(r.value).toEqual(cites);
  });

  it('accepts half-width colons, blank lines and no levels at all', () => {
    const r = parseLegalBases(
      '《中华人民共和国食品安全法》第三十五条:文本\n\n《中华人民共和国行政许可法》第十二条：',
      '',
    );
    expect(r.value).toEqual([
      { documentName: '《中华人民共和国食品安全法》', article: '第三十五条', text: '文本' },
      { documentName: '《中华人民共和国行政许可法》', article: '第十二条', text: '' },
    ]);
  });

  it('reads a title that itself contains 《》', () => {
    const r = parseLegalBases('《国务院实施《中华人民共和国民族区域自治法》若干规定》第四条：上级人民政府……', '');
    expect(r.value).toEqual([
      {
        documentName: '《国务院实施《中华人民共和国民族区域自治法》若干规定》',
        article: '第四条',
        text: '上级人民政府……',
      },
    ]);
    expect(documentKey(r.value[0].documentName)).toBe('国务院实施中华人民共和国民族区域自治法若干规定');
  });

  it.each([
    ['食品安全法第三十五条：文本', '', '格式不正确'],
    ['《中华人民共和国食品安全法第三十五条：文本', '', '格式不正确'],
    ['《中华人民共和国食品安全法》：文本', '', '未写明条款'],
  ])('refuses %j', (bases, levels, message) => {
    expect(parseLegalBases(bases, levels).errors[0]).toContain(message);
  });

  it.each([
    ['部委文件', '依据层级第1行“部委文件”无效'],
    ['法律；施行日期2026-02-30', '无法识别'],
    ['法律\n法律', '依据层级有2行，多于法定依据的1条'],
  ])('refuses level %j', (levels, message) => {
    expect(parseLegalBases('《中华人民共和国食品安全法》第三十五条：文本', levels).levelErrors[0]).toContain(message);
  });

  it('keys documents as the register does', () => {
    expect(documentKey('《中华人民共和国食品安全法》')).toBe('食品安全法');
    expect(documentKey('《企业投资项目核准和备案管理条例》')).toBe('企业投资项目核准和备案管理条例');
  });
});

describe('责任事项 and 追责情形', () => {
  const items = [
    { order: 1, name: '受理责任', content: '公示应当提交的材料；一次性告知补正材料。' },
    { order: 2, name: '审查责任', content: '审查：\n提出初步意见。' },
    { order: 3, name: '其他责任', content: '' },
  ];
  it('round-trips responsibilities', () => {
    const cell = formatResponsibilities(items);
    expect(cell).toBe(
      '1.受理责任：公示应当提交的材料；一次性告知补正材料。\n2.审查责任：审查：\\n提出初步意见。\n3.其他责任：',
    );
    expect(parseResponsibilities(cell)).toEqual({ ok: true, value: items });
  });
  it('numbers lines without a number by position, accepts 、 and ．', () => {
    expect(parseResponsibilities('受理责任：甲\n2、审查责任：乙\n3．决定责任:丙')).toEqual({
      ok: true,
      value: [
        { order: 1, name: '受理责任', content: '甲' },
        { order: 2, name: '审查责任', content: '乙' },
        { order: 3, name: '决定责任', content: '丙' },
      ],
    });
  });
  it('refuses a line without a colon and a repeated number', () => {
    const r = parseResponsibilities('1.受理责任\n2.审查责任：乙\n2.决定责任：丙');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([expect.stringContaining('第1项格式不正确'), '序号2重复']);
  });
  it('round-trips accountability cases, one per line', () => {
    const cases = ['对符合法定条件的申请事项不予受理的', '多行\n情形', '-以减号开头'];
    expect(parseCases(formatCases(cases))).toEqual(cases);
    expect(linesOf('a\r\nb\r\n\r\n')).toEqual(['a', 'b']);
  });
});
