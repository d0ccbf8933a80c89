import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth, leaves undefined out, writes dates as ISO text', () => {
    const at = new Date('2026-12-01T08:00:00Z');
    expect(canonicalJson({ b: 1, a: [2, { d: undefined, c: 'x' }, undefined], at })).toBe(
      '{"a":[2,{"c":"x"},null],"at":"2026-12-01T08:00:00.000Z","b":1}',
    );
    expect(canonicalJson({ y: 1, x: 2 })).toBe(canonicalJson({ x: 2, y: 1 }));
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('keeps a record as stored (the audit chain): ids kept, text untouched, NaN as null', () => {
    expect(canonicalJson({ id: 7, s: 'e\u0301', n: Number.NaN })).toBe('{"id":7,"n":null,"s":"e\u0301"}');
  });

  it('compares content: ignored keys left out, text in NFC, a non-finite number refused', () => {
    const content = { ignoreKeys: ['id'], nfc: true };
    expect(canonicalJson({ id: 7, s: 'e\u0301', list: [{ id: 1, t: 'a' }] }, content)).toBe(
      '{"list":[{"t":"a"}],"s":"é"}',
    );
    expect(() => canonicalJson({ n: Number.POSITIVE_INFINITY }, content)).toThrow(RangeError);
  });
});
