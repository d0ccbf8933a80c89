// The contact's encryption at rest (§15; 个人信息保护法 §51): SM4-CBC with an HMAC-SM3 tag, a key
// from the environment, production refusing to run on the development key; and the masking.
import { afterEach, describe, expect, it } from 'vitest';
import {
  decryptContact,
  encryptContact,
  loadContactKey,
  maskContact,
  openContact,
  resetContactKey,
  sealContact,
} from './contact-crypto.js';

afterEach(() => resetContactKey());

describe('SM4 contact encryption', () => {
  it('round-trips, with a fresh IV each time, and no clear text in the sealed form', () => {
    const a = encryptContact('13847211234');
    const b = encryptContact('13847211234');
    expect(a).not.toBe(b);
    expect(a.startsWith('sm4:')).toBe(true);
    expect(Buffer.from(a.slice(4), 'base64').toString('latin1')).not.toContain('13847211234');
    expect(decryptContact(a)).toBe('13847211234');
    expect(openContact(sealContact({ name: '王建国', contact: 'w@example.com' }))).toEqual({
      name: '王建国',
      contact: 'w@example.com',
    });
    expect(sealContact({ name: null, contact: null })).toBeNull();
  });

  it('refuses a tampered ciphertext and another key', () => {
    const sealed = encryptContact('0472-5123456');
    const bytes = Buffer.from(sealed.slice(4), 'base64');
    bytes[20] = bytes[20]! ^ 1;
    expect(() => decryptContact(`sm4:${bytes.toString('base64')}`)).toThrow('校验失败');
    const before = process.env.CONTACT_KEY;
    process.env.CONTACT_KEY = 'another-contact-key-0123456789abcdef0123';
    resetContactKey();
    try {
      expect(() => decryptContact(sealed)).toThrow('校验失败');
    } finally {
      process.env.CONTACT_KEY = before;
    }
  });

  it('production refuses to work without CONTACT_KEY; a short key is refused everywhere', () => {
    expect(() => loadContactKey({ NODE_ENV: 'production' })).toThrow('生产环境必须设置 CONTACT_KEY');
    expect(() => loadContactKey({ DATABASE_URL: 'postgres://x' })).toThrow('CONTACT_KEY');
    expect(() => loadContactKey({ CONTACT_KEY: 'short' })).toThrow('过短');
    expect(loadContactKey({}).enc).toHaveLength(16); // development default, outside production only
  });
});

describe('maskContact', () => {
  it('keeps enough to tell people apart, not to reach them', () => {
    expect(maskContact({ name: '王建国', contact: '13847211234' })).toBe('王**，138****1234');
    expect(maskContact({ name: null, contact: 'chen.bt@example.com' })).toBe('c***@example.com');
    expect(maskContact({ name: '李女士', contact: null })).toBe('李**');
    expect(maskContact({ name: null, contact: null })).toBeNull();
  });
});
