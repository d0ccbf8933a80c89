// The audit chain. Version 1 (rows before migration 0014): digest_n = SM3(digest_{n-1} +
// canonical(row_n)), which anyone with database rights can recompute. Version 2: the same text
// under HMAC-SM3 (GM/T 0042-2015; RFC 2104 over SM3) with a key the database does not hold.
// node:crypto ships SM3 (GB/T 32905) and its HMAC through OpenSSL, a maintained implementation;
// digest.test.ts checks it against the published GM/T 0042-2015 vectors.
import { createHash, createHmac } from 'node:crypto';
import { canonicalJson } from '../../core/canonical-json.js';

export const GENESIS = '0'.repeat(64);

export const sm3 = (text: string) => createHash('sm3').update(text, 'utf8').digest('hex');

export interface ChainedFields {
  at: Date;
  actor_id: number | null;
  actor_name: string | null;
  role: string | null;
  body_id: number | null;
  action: string;
  object_type: string;
  object_id: string | null;
  before: unknown;
  after: unknown;
  client_ip: string | null;
}

/** HMAC-SM3 of UTF-8 text (or bytes), hex. */
export const hmacSm3 = (key: Buffer, data: string | Buffer) =>
  (typeof data === 'string' ? createHmac('sm3', key).update(data, 'utf8') : createHmac('sm3', key).update(data)).digest(
    'hex',
  );

export type ChainVersion = 1 | 2;
export const KEYED: ChainVersion = 2;

/** The text a row's digest covers: the previous digest and exactly the chained fields. */
export function chainText(prev: string, r: ChainedFields): string {
  // exactly the chained fields: a row read back also carries seq and its digests
  const payload = canonicalJson({
    at: new Date(r.at).toISOString(),
    actor_id: r.actor_id,
    actor_name: r.actor_name,
    role: r.role,
    body_id: r.body_id,
    action: r.action,
    object_type: r.object_type,
    object_id: r.object_id,
    before: r.before,
    after: r.after,
    client_ip: r.client_ip,
  });
  return prev + '\n' + payload;
}

/** Version 1, unkeyed: kept only to verify rows written before the switch. */
export const rowDigest = (prev: string, r: ChainedFields) => sm3(chainText(prev, r));

/** Version 2: the keyed chain every new row is written with. */
export const rowMac = (key: Buffer, prev: string, r: ChainedFields) => hmacSm3(key, chainText(prev, r));

export function digestOf(version: ChainVersion, key: Buffer | null, prev: string, r: ChainedFields): string | null {
  if (version === 1) return rowDigest(prev, r);
  return key ? rowMac(key, prev, r) : null;
}
