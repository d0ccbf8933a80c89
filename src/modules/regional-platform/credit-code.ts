// GB 32100-2015 法人和其他组织统一社会信用代码编码规则: 18 characters from 0-9 and A-Y without
// I, O, S, V, Z; the last is a check character over the first 17 (weights 3^i mod 31).
const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheck(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHARS.indexOf(first17[i] ?? '');
    if (v < 0) return null;
    sum += v * WEIGHTS[i]!;
  }
  const c = 31 - (sum % 31);
  return CHARS[c === 31 ? 0 : c]!;
}

export const isCreditCode = (s: string): boolean => s.length === 18 && creditCodeCheck(s.slice(0, 17)) === s[17];
