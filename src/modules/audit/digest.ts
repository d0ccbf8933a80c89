// The audit chain: digest_n = SM3(digest_{n-1} + canonical(row_n)). node:crypto ships SM3
// (GB/T 32905), the national standard hash.
import { createHash } from 'node:crypto';

export const GENESIS = '0'.repeat(64);

export const sm3 = (text: string) => createHash('sm3').update(text, 'utf8').digest('hex');

/** JSON with keys sorted at every depth, so jsonb's reordering cannot change a digest. */
export function canonicalJson(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

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

export function rowDigest(prev: string, r: ChainedFields): string {
  // exactly the chained fields: a row read back also carries seq and its digests
  const payload = canonicalJson({
    at: new Date(r.at).toISOString(), actor_id: r.actor_id, actor_name: r.actor_name, role: r.role, body_id: r.body_id,
    action: r.action, object_type: r.object_type, object_id: r.object_id, before: r.before, after: r.after, client_ip: r.client_ip,
  });
  return sm3(prev + '\n' + payload);
}
