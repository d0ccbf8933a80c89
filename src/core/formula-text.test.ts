import { describe, expect, it } from 'vitest';
import { neutralise, unneutralise } from './formula-text.js';

describe('formula neutralisation', () => {
  it.each(['=1+1', '+86', '-5', '@SUM(A1)', "'quoted", "'=x", "''", '\tx', '\rx'])(
    '%j gets one apostrophe and loses exactly it',
    (s) => {
      expect(neutralise(s)).toBe(`'${s}`);
      expect(unneutralise(neutralise(s))).toBe(s);
    },
  );
  it.each(['食品经营许可', '', "a'b", '1=1'])('%j is left alone', (s) => {
    expect(neutralise(s)).toBe(s);
    expect(unneutralise(s)).toBe(s);
  });
  it('a typed apostrophe before ordinary text stays (it was not ours)', () =>
    expect(unneutralise("'食品")).toBe("'食品"));
});
