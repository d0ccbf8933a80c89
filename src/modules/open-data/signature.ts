// Webhook signatures (issue 14.3): HMAC-SHA256 over "<timestamp>.<body>" with the consumer's secret,
// sent as `X-QZQD-Signature: t=<unix seconds>,v1=<hex>`. The timestamp is inside the signed text,
// so a captured delivery replayed later fails the tolerance check, and a changed body or timestamp
// fails the HMAC. docs/OPEN-DATA.md gives consumers the same verify() in a few lines.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-qzqd-signature';
export const EVENT_HEADER = 'x-qzqd-event';
export const DELIVERY_HEADER = 'x-qzqd-delivery';
/** How far a signature's timestamp may be from the receiver's clock (replay window). */
export const TOLERANCE_SECONDS = 300;

/** A new consumer secret: 32 random bytes, shown to the administrator once. */
export const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

const mac = (secret: string, t: number, body: string) =>
  createHmac('sha256', secret).update(`${t}.${body}`, 'utf8').digest('hex');

/** The header value for a body sent at `at`. */
export function sign(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${mac(secret, t, body)}`;
}

export type VerifyResult = { ok: true } | { ok: false; reason: 'malformed' | 'stale' | 'mismatch' };

/** What a consumer runs on each delivery: the raw body as received, the header, its own clock. */
export function verify(
  secret: string,
  body: string,
  header: string | undefined,
  now: Date = new Date(),
  toleranceSeconds = TOLERANCE_SECONDS,
): VerifyResult {
  const parts = new Map((header ?? '').split(',').map((kv) => kv.trim().split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(v1)) return { ok: false, reason: 'malformed' };
  if (Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return { ok: false, reason: 'stale' };
  const good = timingSafeEqual(Buffer.from(mac(secret, t, body), 'hex'), Buffer.from(v1, 'hex'));
  return good ? { ok: true } : { ok: false, reason: 'mismatch' };
}
