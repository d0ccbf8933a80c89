// Issue 10.10: the shared name schema — NFC, trimmed, invisible and bidi characters refused.
import { describe, expect, it } from 'vitest';
import { nameKey, nameText } from './names.js';

describe('nameText', () => {
  const schema = nameText('机构名称', 60, 2);
  it.each([
    ['包头市市场监督管理局\u200B', '零宽'],
    ['包头市\u202E局理管', '文字方向'],
    ['\u2066包头\u2069市局', '文字方向'],
    ['包头\uFEFF市局', '零宽'],
    ['包头\u0000市局', '不可见'],
    ['包头\u00AD市局', '不可见'],
  ])('refuses %j naming the field', (input) => {
    const r = schema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe('机构名称含有零宽字符、文字方向控制符等不可见字符，请删除后重新输入');
  });

  it('stores NFC, trimmed', () => {
    expect(schema.parse('  Cafe\u0301 局 ')).toBe('Caf\u00e9 局');
    expect(schema.safeParse(' 局 ').success).toBe(false);
  });

  it('compares names by their visible NFC form', () => {
    expect(nameKey('包头市市场监督管理局\u200B')).toBe(nameKey('包头市市场监督管理局'));
    expect(nameKey('e\u0301')).toBe(nameKey('\u00e9'));
    expect(nameKey('甲局')).not.toBe(nameKey('乙局'));
  });
});
