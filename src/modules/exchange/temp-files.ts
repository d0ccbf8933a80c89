// The exchange's temporary files (issue 10 item 1): uploads are spooled to a folder of this
// process's own (qz-uploads/<pid>), removed after use, and whatever a crashed process left —
// its whole folder — is removed when the next one starts (exchange.routes.ts). Another
// process's folder is left alone while that process lives (tests and servers share tmpdir).
import { readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const spoolRoot = () => join(tmpdir(), 'qz-uploads');
export const spoolDir = () => join(spoolRoot(), String(process.pid));

/** Is process `pid` still running? (EPERM: it is, under another user.) */
export function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Files of a version that spooled straight into qz-uploads: gone after this long. */
const LOOSE_MS = 60 * 60 * 1000;

/** Remove the spool folders of processes that are gone (and stale loose files). Returns how many entries went. */
export async function sweepSpool(): Promise<number> {
  const root = spoolRoot();
  let removed = 0;
  for (const name of await readdir(root).catch(() => [] as string[])) {
    const p = join(root, name);
    if (/^\d+$/.test(name)) {
      if (alive(Number(name))) continue;
    } else {
      const s = await stat(p).catch(() => null);
      if (!s || Date.now() - s.mtimeMs < LOOSE_MS) continue;
    }
    await rm(p, { recursive: true, force: true });
    removed++;
  }
  return removed;
}
