import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's minimum).
export const hashPassword = (pw: string) => hash(pw);

const DUMMY = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2v6eNf5bKw0mXc7y2O1o9Y9B8s4pA0Nq1v9m3oF8hWc';

export async function verifyPassword(stored: string | null, pw: string): Promise<boolean> {
  // unknown user: still spend the time of one verification, so timing does not tell
  if (!stored) {
    await verify(DUMMY, pw).catch(() => false);
    return false;
  }
  return verify(stored, pw).catch(() => false);
}
