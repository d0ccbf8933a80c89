// Anti-forgery for the public comment form, which has no session: a hidden field carrying the
// time the form was served and an HMAC over the consultation id and that time. A token is good
// for one consultation and a limited time; no server state is needed to check it.
import { createHmac, timingSafeEqual } from 'node:crypto';

const mac = (key: string, consultationId: number, issuedMs: number) =>
  createHmac('sha256', key).update(`consultation-comment:${consultationId}:${issuedMs}`).digest('base64url');

export function issueFormToken(key: string, consultationId: number, now: Date): string {
  const t = now.getTime();
  return `${t}.${mac(key, consultationId, t)}`;
}

export type TokenCheck = 'ok' | 'invalid' | 'expired';

export function checkFormToken(key: string, consultationId: number, token: string, now: Date, validMinutes: number): TokenCheck {
  const m = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return 'invalid';
  const issued = Number(m[1]);
  const want = Buffer.from(mac(key, consultationId, issued));
  const got = Buffer.from(m[2]!);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return 'invalid';
  const age = now.getTime() - issued;
  // a small allowance for clocks of several app servers running slightly apart
  if (age < -60_000) return 'invalid';
  return age > validMinutes * 60_000 ? 'expired' : 'ok';
}

/** A stable pseudonym of the client address: rate limits work, the address is not kept. */
export const clientKey = (key: string, ip: string | null | undefined) =>
  createHmac('sha256', key).update(`client:${ip ?? 'unknown'}`).digest('hex').slice(0, 32);
