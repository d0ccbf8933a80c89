// Anti-forgery for the public comment form, which has no session: a hidden field carrying the
// time the form was served and an HMAC over the consultation id and that time. A token is good
// for one consultation and a limited time, and for one submission: a redeemed token's MAC is
// kept (table consultation_form_token_used) until it would have expired anyway.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database } from '../../db/connect.js';

// the nonce makes every served form's token its own, even two served in the same millisecond
const mac = (key: string, consultationId: number, issuedMs: number, nonce: string) =>
  createHmac('sha256', key).update(`consultation-comment:${consultationId}:${issuedMs}:${nonce}`).digest('base64url');

export function issueFormToken(key: string, consultationId: number, now: Date): string {
  const t = now.getTime();
  const nonce = randomBytes(12).toString('base64url');
  return `${t}.${nonce}.${mac(key, consultationId, t, nonce)}`;
}

export type TokenCheck = 'ok' | 'invalid' | 'expired';
// a small allowance for clocks of several app servers running slightly apart
const SKEW_MS = 60_000;

export function checkFormToken(
  key: string,
  consultationId: number,
  token: string,
  now: Date,
  validMinutes: number,
): TokenCheck {
  const m = /^(\d{1,15})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return 'invalid';
  const issued = Number(m[1]);
  const want = Buffer.from(mac(key, consultationId, issued, m[2]!));
  const got = Buffer.from(m[3]!);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return 'invalid';
  const age = now.getTime() - issued;
  if (age < -SKEW_MS) return 'invalid';
  return age > validMinutes * 60_000 ? 'expired' : 'ok';
}

/**
 * Checks the token and spends it (issue 9.8): a second submission with the same form token is
 * 'used'. The spending is one INSERT, so two submissions at once cannot both pass.
 */
export async function redeemFormToken(
  db: Database,
  key: string,
  consultationId: number,
  token: string,
  now: Date,
  validMinutes: number,
): Promise<TokenCheck | 'used'> {
  const check = checkFormToken(key, consultationId, token, now, validMinutes);
  if (check !== 'ok') return check;
  const [issued, , tokenMac] = token.split('.') as [string, string, string];
  // tokens past their lifetime are refused as expired anyway: their records can go
  await db
    .deleteFrom('consultation_form_token_used')
    .where('issued_at', '<', new Date(now.getTime() - validMinutes * 60_000 - SKEW_MS))
    .execute();
  const spent = await db
    .insertInto('consultation_form_token_used')
    .values({ mac: tokenMac, issued_at: new Date(Number(issued)) })
    .onConflict((oc) => oc.column('mac').doNothing())
    .returning('mac')
    .executeTakeFirst();
  return spent ? 'ok' : 'used';
}

/** A stable pseudonym of the client address: rate limits work, the address is not kept. */
export const clientKey = (key: string, ip: string | null | undefined) =>
  createHmac('sha256', key)
    .update(`client:${ip ?? 'unknown'}`)
    .digest('hex')
    .slice(0, 32);
