import { describe, expect, it } from 'vitest';
import { highlight, matchRanges, snippet } from './highlight.js';
import { normalizeForSearch, parseQuery } from './query.js';

describe('parseQuery', () => {
  it('a 1–2 character term is its own gram; a longer one its bigrams, then LIKE for the order', () => {
    expect(parseQuery('罚')).toEqual([{ text: '罚', grams: ['罚'], like: null }]);
    expect(parseQuery('许可')).toEqual([{ text: '许可', grams: ['许可'], like: null }]);
    expect(parseQuery('食品经营')).toEqual([{ text: '食品经营', grams: ['食品', '品经', '经营'], like: '%食品经营%' }]);
    expect(parseQuery('《法》')[0]).toEqual({ text: '《法》', grams: ['《法', '法》'], like: '%《法》%' });
    expect(parseQuery('哈哈哈')[0]!.grams).toEqual(['哈哈']);
  });

  it('a term shaped like the start of a power code is a code prefix', () => {
    expect(parseQuery('150200-012-xk')[0]).toMatchObject({ codePrefix: '150200-012-XK', grams: [] });
    expect(parseQuery('150203001-005')[0]!.codePrefix).toBe('150203001-005');
    expect(parseQuery('150200')[0]!.codePrefix).toBeUndefined();
    expect(parseQuery('012-XK-00001')[0]!.codePrefix).toBeUndefined();
  });

  it('splits on any white space, drops duplicates, normalises full-width and case, escapes LIKE wildcards', () => {
    expect(parseQuery('  许可　许可  ＸＫ ').map((t) => t.text)).toEqual(['许可', 'xk']);
    expect(parseQuery('100%_a')[0]!.like).toBe('%100\\%\\_a%');
    expect(parseQuery('a\u0001b').map((t) => t.text)).toEqual(['a', 'b']);
    expect(normalizeForSearch('ＡＢＣ')).toBe('abc');
  });

  it('limits the number and the length of terms', () => {
    expect(parseQuery('一 二 三 四 五 六 七 八')).toHaveLength(6);
    expect(Array.from(parseQuery('长'.repeat(80))[0]!.text)).toHaveLength(40);
    expect(parseQuery('   ')).toEqual([]);
  });
});

describe('highlight', () => {
  it('marks every match and escapes the rest', () => {
    expect(highlight('<b>许可</b>与许可', ['许可']).value).toBe(
      '&lt;b&gt;<mark>许可</mark>&lt;/b&gt;与<mark>许可</mark>',
    );
  });

  it('matches through normalisation and merges overlapping ranges', () => {
    expect(highlight('代码ＸＫ-1', ['xk']).value).toBe('代码<mark>ＸＫ</mark>-1');
    expect(matchRanges('行政许可', ['行政', '政许'])).toEqual([[0, 3]]);
  });

  it('cuts a snippet around the first match', () => {
    const text = '甲'.repeat(100) + '许可' + '乙'.repeat(100);
    const s = snippet(text, ['许可'], 20)!.value;
    expect(s).toMatch(/^…甲+<mark>许可<\/mark>乙+…$/);
    expect(snippet('没有匹配', ['许可'])).toBeNull();
  });
});
