// Issue 14.2: a body's own cell texts → the 职权信息表 notation, the header synonyms, and the
// fill of merged cells (pure: no database, no file).
import { describe, expect, it } from 'vitest';
import { headerScore, isNoteRow, isNumberRow, targetOf } from './foreign-headers.js';
import {
  tidyCategory,
  tidyName,
  toCasesNotation,
  toLegalBasesNotation,
  toResponsibilitiesNotation,
} from './foreign-text.js';
import { MergeFill, parseRange } from './merge-cells.js';

describe('实施依据 as bodies write it', () => {
  it('numbered citations, a space for the colon, an edition after the title, the next article on its own line', () => {
    const cell = [
      '1.《中华人民共和国食品安全法》（2021年修正）第三十五条 从事食品生产、食品销售、餐饮服务，应当依法取得许可。',
      '第一百二十二条：违反本法规定，未取得食品生产经营许可从事食品生产经营活动……',
      '2、《中华人民共和国行政许可法》第十二条第（一）项、第十四条',
    ].join('\n');
    expect(toLegalBasesNotation(cell).split('\n')).toEqual([
      '《中华人民共和国食品安全法》第三十五条：从事食品生产、食品销售、餐饮服务，应当依法取得许可。',
      '《中华人民共和国食品安全法》第一百二十二条：违反本法规定，未取得食品生产经营许可从事食品生产经营活动……',
      '《中华人民共和国行政许可法》第十二条第（一）项、第十四条：',
    ]);
  });

  it('several citations on one line; a 《》 inside a citation’s text stays text', () => {
    const cell =
      '《中华人民共和国产品质量法》第四十九条：依照《中华人民共和国行政处罚法》的规定处罚。《中华人民共和国计量法》第六条 县级以上地方人民政府计量行政部门……';
    expect(toLegalBasesNotation(cell).split('\n')).toEqual([
      '《中华人民共和国产品质量法》第四十九条：依照《中华人民共和国行政处罚法》的规定处罚。',
      '《中华人民共和国计量法》第六条：县级以上地方人民政府计量行政部门……',
    ]);
  });

  it('a text that cites no document is passed on as written (the row checker names it)', () => {
    expect(toLegalBasesNotation('依据国家计量方面的有关规定')).toBe('依据国家计量方面的有关规定');
  });
});

describe('责任事项, 追责情形, names and categories', () => {
  it('numbered items on one line become one item a line; a line without a number joins its item', () => {
    expect(toResponsibilitiesNotation('1.受理责任：公示材料。2.审查责任：审查材料。\n并提出意见').split('\n')).toEqual([
      '1.受理责任：公示材料。',
      '2.审查责任：审查材料。\\n并提出意见',
    ]);
    expect(toCasesNotation('1.对符合法定条件的申请不予受理的；2.擅自收费的；')).toBe(
      '对符合法定条件的申请不予受理的\n擅自收费的',
    );
  });

  it('full-width and trailing spaces, line breaks in a name, numbering and category suffixes', () => {
    expect(tidyName('　食品经营\n许可　 ')).toBe('食品经营许可');
    expect(tidyName('2.对生产经营不符合食品安全标准的食品等行为的处罚')).toBe(
      '对生产经营不符合食品安全标准的食品等行为的处罚',
    );
    expect(tidyCategory('行政处罚类 ')).toBe('行政处罚');
    expect(tidyCategory('许可')).toBe('行政许可');
    expect(tidyCategory('行政检查（共15项）')).toBe('行政检查');
    expect(tidyCategory('其他行政权力')).toBe('其他');
  });
});

describe('headers and rows', () => {
  it('column names by the glossary’s synonyms, spaces and marks ignored', () => {
    expect(targetOf('权力分类')).toBe('category');
    expect(targetOf('项 目 名 称')).toBe('name');
    expect(targetOf('*设定依据')).toBe('legalBases');
    expect(targetOf('责任事项依据')).toBe('responsibilityBasis');
    expect(targetOf('行政职权名称')).toBe('name');
    expect(targetOf('联系电话')).toBeNull();
  });

  it('a header row scores above a title and a data row, also with decorated column names', () => {
    const header = headerScore(['序号', '项目名称（主项）', '设定依据（法律法规）', '责任事项', '备注']);
    expect(header).toBe(4);
    expect(headerScore(['包头市市场监督管理局权责清单'])).toBe(0);
    expect(headerScore(['1', '行政裁决', '企业名称争议裁决', '《企业名称登记管理规定》第二十一条'])).toBeLessThan(1);
  });

  it('a row of column numbers and note rows', () => {
    expect(isNumberRow(['1', '2', '3', '4'])).toBe(true);
    expect(isNumberRow(['1', '行政许可', '食品经营许可'])).toBe(false);
    expect(isNoteRow(['注：本清单……', '注：本清单……'], false)).toBe(true);
    expect(isNoteRow(['2.子项为空的事项不再细分'], true)).toBe(true);
    expect(isNoteRow(['注册商标专用权'], false)).toBe(false);
  });

  it('a merged range gives its top-left value to every cell it covers, below and to the right', () => {
    const fill = new MergeFill([parseRange('B2:B4')!, parseRange('A5:C5')!]);
    const rows: unknown[][] = [[], [undefined, 1, '行政许可'], [undefined, 2], [undefined, 3], [undefined, '注：…']];
    const above = rows.map((v, i) => [...fill.fill(i + 1, v)]);
    expect(rows.map((r) => r[2])).toEqual([undefined, '行政许可', '行政许可', '行政许可', '注：…']);
    expect(rows[4]).toEqual([undefined, '注：…', '注：…', '注：…']);
    expect(above).toEqual([[], [], [2], [2], []]);
  });
});
