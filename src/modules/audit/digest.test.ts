// HMAC-SM3 against the published vectors of GM/T 0042-2015 Appendix D.3 (as carried in
// OpenSSL's and Intel ipsec-mb's test data), and against RFC 2104's construction built here
// from SM3 alone, an implementation independent of OpenSSL's HMAC.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chainText, hmacSm3, rowDigest, rowMac, type ChainedFields } from './digest.js';

const hex = (s: string) => Buffer.from(s, 'hex');
const ascii = (s: string) => Buffer.from(s, 'latin1');

const VECTORS: { key: Buffer; data: Buffer; mac: string }[] = [
  {
    key: hex('0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20'),
    data: ascii(
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopqabcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
    ),
    mac: 'ca05e144ed05d1857840d1f318a4a8669e559fc8391f414485bfdf7bb408963a',
  },
  {
    key: hex('0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425'),
    data: Buffer.alloc(50, 0xcd),
    mac: '220bf579ded555393f0159f66c99877822a3ecf610d1552154b41d44b94db3ae',
  },
  {
    key: Buffer.alloc(32, 0x0b),
    data: ascii('Hi There'),
    mac: 'c0ba18c68b90c88bc07de794bfc7d2c8d19ec31ed8773bc2b390c9604e0be11e',
  },
  {
    key: ascii('Jefe Jeferson Jr'),
    data: ascii('what do ya want for nothing?'),
    mac: 'ce791a34c59adef472997a249600f3f244d59e875be04055ba2ae12fc845e78c',
  },
];

/** RFC 2104: H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ m)), B = 64 bytes for SM3. */
function rfc2104(key: Buffer, data: Buffer): string {
  const B = 64;
  const k = Buffer.alloc(B);
  (key.length > B ? createHash('sm3').update(key).digest() : key).copy(k);
  const pad = (c: number) => Buffer.from(k.map((x) => x ^ c));
  const inner = createHash('sm3').update(pad(0x36)).update(data).digest();
  return createHash('sm3').update(pad(0x5c)).update(inner).digest('hex');
}

describe('HMAC-SM3', () => {
  it.each(VECTORS.map((v, i) => [i + 1, v] as const))('matches GM/T 0042-2015 D.3 vector %i', (_, v) => {
    expect(hmacSm3(v.key, v.data)).toBe(v.mac);
    expect(rfc2104(v.key, v.data)).toBe(v.mac);
  });

  it('agrees with RFC 2104 built from SM3 for keys longer than a block and for UTF-8 text', () => {
    const long = Buffer.alloc(100, 0xa5);
    const text = '审计日志 seq=42 {"名称":"包头市"}';
    expect(hmacSm3(long, text)).toBe(rfc2104(long, Buffer.from(text, 'utf8')));
  });

  it('keys the chain: the unkeyed digest and another key give other values', () => {
    const row: ChainedFields = {
      at: new Date('2026-11-30T01:00:00Z'),
      actor_id: 1,
      actor_name: '周明',
      role: 'sysAdmin',
      body_id: null,
      action: 'body.created',
      object_type: 'body',
      object_id: '7',
      before: null,
      after: { name: '测试局' },
      client_ip: null,
    };
    const k1 = Buffer.from('k'.repeat(32));
    const k2 = Buffer.from('j'.repeat(32));
    const prev = '0'.repeat(64);
    expect(rowMac(k1, prev, row)).toBe(hmacSm3(k1, chainText(prev, row)));
    expect(rowMac(k1, prev, row)).not.toBe(rowMac(k2, prev, row));
    expect(rowMac(k1, prev, row)).not.toBe(rowDigest(prev, row));
  });
});
