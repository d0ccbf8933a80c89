// Anchoring the audit chain outside the database (等保2.0 安全审计): on a schedule the chain's
// head (last seq, row count, head digest) is appended to a file the auditor keeps and, once a
// Beijing day, published on the portal (/audit-anchor). Whoever can rewrite the database can
// delete the newest rows and leave an intact chain behind; they cannot reach the anchors
// already written, so verify compares with them and reports rows missing after an anchor.
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { todayInBeijing } from '../../core/calendar/index.js';
import type { Database } from '../../db/connect.js';
import { canonicalJson } from '../../core/canonical-json.js';
import { GENESIS, hmacSm3 } from './digest.js';
import { keyIdOf } from './key.js';

export interface Anchor {
  at: string;
  seq: number;
  count: number;
  digest: string;
  keyId: string;
  mac: string;
}

const macOf = (key: Buffer, a: Omit<Anchor, 'mac'>) =>
  hmacSm3(key, canonicalJson({ at: a.at, seq: a.seq, count: a.count, digest: a.digest, keyId: a.keyId }));

export const anchorMacOk = (key: Buffer, a: Anchor) => macOf(key, a) === a.mac;

/** The chain's head in one statement, so count and digest come from one snapshot. */
export async function chainHead(db: Database): Promise<{ seq: number; count: number; digest: string }> {
  const r = await db
    .selectFrom('audit_event')
    .select((eb) => [
      'seq',
      'digest',
      eb
        .selectFrom('audit_event')
        .select((e2) => e2.fn.countAll().as('n'))
        .as('n'),
    ])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ? { seq: Number(r.seq), count: Number(r.n), digest: r.digest } : { seq: 0, count: 0, digest: GENESIS };
}

/**
 * Takes an anchor now: appends it to `file` (if any) and publishes it as the day's anchor
 * unless the day already has one (the first anchor of each Beijing day is the published one).
 */
export async function takeAnchor(db: Database, key: Buffer, opts: { file: string | null; at: Date }): Promise<Anchor> {
  const head = await chainHead(db);
  const body = {
    at: opts.at.toISOString(),
    seq: head.seq,
    count: head.count,
    digest: head.digest,
    keyId: keyIdOf(key),
  };
  const anchor: Anchor = { ...body, mac: macOf(key, body) };
  if (opts.file) {
    mkdirSync(dirname(opts.file), { recursive: true });
    appendFileSync(opts.file, JSON.stringify(anchor) + '\n', { mode: 0o600 });
  }
  await db
    .insertInto('audit_anchor')
    .values({
      day: todayInBeijing(opts.at),
      at: opts.at,
      head_seq: head.seq,
      row_count: head.count,
      head_digest: head.digest,
      key_id: anchor.keyId,
      mac: anchor.mac,
    })
    .onConflict((oc) => oc.column('day').doNothing())
    .execute();
  return anchor;
}

export interface AnchorRead {
  anchors: Anchor[];
  /** lines that are not anchors of this key: each one is a finding, never skipped silently */
  problems: string[];
}

/** The auditor's anchor file; a missing file reads as no anchors (the caller says so). */
export function readAnchorFile(file: string, key: Buffer): AnchorRead & { exists: boolean } {
  if (!existsSync(file)) return { anchors: [], problems: [], exists: false };
  const out: AnchorRead & { exists: boolean } = { anchors: [], problems: [], exists: true };
  const keyId = keyIdOf(key);
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      let a: Anchor;
      try {
        a = JSON.parse(line) as Anchor;
      } catch {
        out.problems.push(`锚定文件第 ${i + 1} 行不是有效的锚定记录`);
        return;
      }
      if (a.keyId !== keyId)
        out.problems.push(`锚定文件第 ${i + 1} 行由另一审计密钥（${a.keyId}）写入，与当前密钥（${keyId}）不符`);
      else if (!anchorMacOk(key, a)) out.problems.push(`锚定文件第 ${i + 1} 行的校验码不符（被改动）`);
      else out.anchors.push(a);
    });
  return out;
}

/** The anchors published on the portal, with their MACs checked. */
export async function readPublishedAnchors(db: Database, key: Buffer): Promise<AnchorRead> {
  const rows = await db.selectFrom('audit_anchor').selectAll().orderBy('day').execute();
  const out: AnchorRead = { anchors: [], problems: [] };
  for (const r of rows) {
    const a: Anchor = {
      at: new Date(r.at).toISOString(),
      seq: Number(r.head_seq),
      count: Number(r.row_count),
      digest: r.head_digest,
      keyId: r.key_id,
      mac: r.mac,
    };
    if (a.keyId === keyIdOf(key) && anchorMacOk(key, a)) out.anchors.push(a);
    else out.problems.push(`门户公布的 ${r.day} 锚定记录校验码不符（被改动或使用了其他密钥）`);
  }
  return out;
}

/**
 * The server's schedule: an anchor at start and every `minutes` after (default hourly), so
 * that each Beijing day's first run publishes that day's head. Failures are logged, never
 * fatal: the chain itself is still written and verified.
 */
export function scheduleAnchors(
  db: Database,
  key: Buffer,
  opts: { file: string | null; minutes: number; log: (err: unknown) => void },
): () => void {
  const run = () => takeAnchor(db, key, { file: opts.file, at: new Date() }).catch(opts.log);
  const timer = setInterval(() => void run(), Math.max(1, opts.minutes) * 60_000);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}

/** db:reset starts a new chain: the old anchors describe a database that no longer exists. */
export function retireAnchorFile(file: string | null, at: Date): string | null {
  if (!file || !existsSync(file)) return null;
  const to = `${file}.${at.toISOString().replace(/[:.]/g, '-')}.retired`;
  renameSync(file, to);
  return to;
}
