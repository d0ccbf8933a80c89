// §15 contact details are personal information (个人信息保护法 §51: encryption): stored only as
// SM4-CBC ciphertext with an HMAC-SM3 tag (encrypt-then-MAC; Node 20's OpenSSL has no SM4-GCM).
// The key comes from CONTACT_KEY in the environment, never from the database; outside production
// a development key is used, and production refuses to encrypt or decrypt without its own key.
import { createCipheriv, createDecipheriv, randomBytes, timingSafeEqual } from 'node:crypto';
import { loadConfig } from '../../config.js';
import { hmacSm3 } from '../audit/digest.js';

/** at least 128 bits of entropy as hex, or a passphrase this long */
export const MIN_CONTACT_KEY_CHARS = 32;
const DEV_KEY = 'development-only-contact-key-not-for-production-use';

export class ContactKeyError extends Error {}

interface Keys {
  enc: Buffer;
  mac: Buffer;
}
let keys: Keys | null = null;

function derive(master: string): Keys {
  const m = Buffer.from(master, 'utf8');
  // two keys from one secret, so the cipher key never doubles as the MAC key
  return {
    enc: Buffer.from(hmacSm3(m, 'feedback-contact-sm4'), 'hex').subarray(0, 16),
    mac: Buffer.from(hmacSm3(m, 'feedback-contact-mac'), 'hex'),
  };
}

export function loadContactKey(env: NodeJS.ProcessEnv = process.env): Keys {
  const given = env.CONTACT_KEY?.trim();
  if (given) {
    if (given.length < MIN_CONTACT_KEY_CHARS)
      throw new ContactKeyError(`CONTACT_KEY 过短：联系方式加密密钥至少 ${MIN_CONTACT_KEY_CHARS} 个字符`);
    return derive(given);
  }
  if (loadConfig(env).production)
    throw new ContactKeyError('生产环境必须设置 CONTACT_KEY（反映人联系方式的 SM4 加密密钥，不得存放在数据库中）');
  return derive(DEV_KEY);
}

const current = () => (keys ??= loadContactKey());

/** For tests: forget the loaded key (the next call reads the environment again). */
export const resetContactKey = () => void (keys = null);

const tag = (k: Keys, iv: Buffer, ct: Buffer) => Buffer.from(hmacSm3(k.mac, Buffer.concat([iv, ct])), 'hex');

export function encryptContact(plain: string): string {
  const k = current();
  const iv = randomBytes(16);
  const c = createCipheriv('sm4-cbc', k.enc, iv);
  const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return `sm4:${Buffer.concat([iv, ct, tag(k, iv, ct)]).toString('base64')}`;
}

export function decryptContact(stored: string): string {
  const k = current();
  if (!stored.startsWith('sm4:')) throw new ContactKeyError('联系方式密文格式无效');
  const all = Buffer.from(stored.slice(4), 'base64');
  const iv = all.subarray(0, 16);
  const ct = all.subarray(16, all.length - 32);
  const mac = all.subarray(all.length - 32);
  const want = tag(k, iv, ct);
  if (ct.length === 0 || !timingSafeEqual(want, mac))
    throw new ContactKeyError('联系方式密文校验失败（密钥不符或数据被篡改）');
  const d = createDecipheriv('sm4-cbc', k.enc, iv);
  return Buffer.concat([d.update(ct), d.final()]).toString('utf8');
}

export interface Contact {
  name: string | null;
  contact: string | null;
}

export const sealContact = (c: Contact): string | null =>
  c.name || c.contact ? encryptContact(JSON.stringify({ n: c.name, c: c.contact })) : null;

export function openContact(stored: string | null): Contact {
  if (!stored) return { name: null, contact: null };
  const v = JSON.parse(decryptContact(stored)) as { n: string | null; c: string | null };
  return { name: v.n, contact: v.c };
}

/** 张** · 138****5678 · z***@example.com: enough to tell two people apart, not to reach them. */
export function maskContact(c: Contact): string | null {
  if (!c.name && !c.contact) return null;
  const name = c.name ? `${[...c.name][0]}${'*'.repeat(Math.max(1, [...c.name].length - 1))}` : null;
  let contact: string | null = null;
  if (c.contact) {
    const s = c.contact;
    const at = s.indexOf('@');
    if (at > 0) contact = `${s[0]}***${s.slice(at)}`;
    else if (s.length >= 7) contact = `${s.slice(0, 3)}****${s.slice(-4)}`;
    else contact = `${s[0]}***`;
  }
  return [name, contact].filter(Boolean).join('，');
}
