import { describe, expect, it } from 'vitest';
import {
  formatPowerCode,
  isSubItemCode,
  mainCodeOf,
  nextCode,
  nextSubCode,
  parsePowerCode,
  validatePowerCode,
} from './code-scheme.js';

describe('formatPowerCode / parsePowerCode (§6 权力编码)', () => {
  it.each([
    [{ regionCode: '150200', bodyCode: '012', category: 'XK', main: 3, sub: 0 }, '150200-012-XK-00003-000'],
    [{ regionCode: '150203', bodyCode: '023', category: 'CF', main: 12345, sub: 7 }, '150203-023-CF-12345-007'],
    [{ regionCode: '150271', bodyCode: '999', category: 'BA', main: 99999, sub: 999 }, '150271-999-BA-99999-999'],
  ])('round-trips %o', (parts, code) => {
    expect(formatPowerCode(parts)).toBe(code);
    expect(parsePowerCode(code)).toEqual({ ok: true, value: parts });
    expect(validatePowerCode(code)).toBeNull();
  });

  it.each([
    ['', '不能为空'],
    [null, '不能为空'],
    ['150200-12-XK-00003-000', '格式不正确'],
    ['150200-012-xk-00003-000', '格式不正确'],
    ['150200-012-XK-3-000', '格式不正确'],
    ['150200-012-XKX-00003-000', '格式不正确'],
    ['150200-000-XK-00003-000', '部门代码不能为000'],
    ['150200-012-XK-00000-000', '主项序号不能为00000'],
  ])('rejects %j with a Chinese message', (code, message) => {
    const r = parsePowerCode(code);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
  });

  it('checks the category against the rulebook when asked', () => {
    expect(validatePowerCode('150200-012-BA-00001-000', { allowedCategories: ['XK', 'CF'] })).toContain(
      '不在现行规则的类别中',
    );
    expect(validatePowerCode('150200-012-XK-00001-000', { allowedCategories: ['XK', 'CF'] })).toBeNull();
  });

  it.each([
    [{ regionCode: '15020', bodyCode: '012', category: 'XK', main: 1, sub: 0 }],
    [{ regionCode: '150200', bodyCode: '000', category: 'XK', main: 1, sub: 0 }],
    [{ regionCode: '150200', bodyCode: '012', category: 'X', main: 1, sub: 0 }],
    [{ regionCode: '150200', bodyCode: '012', category: 'XK', main: 0, sub: 0 }],
    [{ regionCode: '150200', bodyCode: '012', category: 'XK', main: 100000, sub: 0 }],
    [{ regionCode: '150200', bodyCode: '012', category: 'XK', main: 1, sub: 1000 }],
  ])('format refuses out-of-range parts %o', (parts) => {
    expect(() => formatPowerCode(parts)).toThrow(RangeError);
  });

  it('knows 主项 and 子项', () => {
    expect(isSubItemCode('150200-012-XK-00003-002')).toBe(true);
    expect(isSubItemCode('150200-012-XK-00003-000')).toBe(false);
    expect(mainCodeOf('150200-012-XK-00003-002')).toBe('150200-012-XK-00003-000');
  });
});

describe('nextCode: never reuses a number (spec §2)', () => {
  const scope = { regionCode: '150200', bodyCode: '012', category: 'XK' };
  it.each([
    ['no codes yet', [], '150200-012-XK-00001-000'],
    [
      'after the highest, not the first gap',
      ['150200-012-XK-00001-000', '150200-012-XK-00005-000'],
      '150200-012-XK-00006-000',
    ],
    [
      'a cancelled 主项 still counts',
      ['150200-012-XK-00001-000', '150200-012-XK-00009-000'],
      '150200-012-XK-00010-000',
    ],
    ['a 子项 of a removed 主项 counts', ['150200-012-XK-00004-003'], '150200-012-XK-00005-000'],
    [
      'other bodies, categories and regions do not count',
      ['150200-013-XK-00050-000', '150200-012-CF-00050-000', '150203-012-XK-00050-000', '150200-012-XK-00002-000'],
      '150200-012-XK-00003-000',
    ],
    ['malformed strings are skipped', ['150200-012-XK-7-000', 'abc'], '150200-012-XK-00001-000'],
  ])('%s', (_label, existing, expected) => {
    expect(nextCode(existing, scope)).toBe(expected);
  });

  it('throws when the numbers are used up', () => {
    expect(() => nextCode(['150200-012-XK-99999-000'], scope)).toThrow('已用尽');
  });
});

describe('nextSubCode', () => {
  const parent = '150200-012-XK-00003-000';
  it.each([
    ['first 子项', [parent], '150200-012-XK-00003-001'],
    [
      'after the highest issued, even if cancelled',
      [parent, '150200-012-XK-00003-001', '150200-012-XK-00003-004'],
      '150200-012-XK-00003-005',
    ],
    ['siblings of other 主项 do not count', [parent, '150200-012-XK-00004-009'], '150200-012-XK-00003-001'],
  ])('%s', (_label, existing, expected) => {
    expect(nextSubCode(existing, parent)).toBe(expected);
  });

  it('refuses a 子项 as parent and invalid codes', () => {
    expect(() => nextSubCode([], '150200-012-XK-00003-001')).toThrow('子项下不能再设子项');
    expect(() => nextSubCode([], 'bad')).toThrow('格式不正确');
    expect(() => nextSubCode(['150200-012-XK-00003-999'], parent)).toThrow('已用尽');
  });
});
