// What a backup promises about itself (issue 14.5): every body's current list digest, recomputed
// from the power rows, and the audit chain's head, read in the same snapshot as the dump; and
// the check run after a restore — the same digests, the chain verified end to end (等保2.0).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { sql } from 'kysely';
import type { Db } from '../../platform/db.js';
import { chainHead } from '../audit/anchor.js';
import { verifyAudit } from '../audit/verify.js';
import { currentListsFromRows } from '../integrity/integrity.repo.js';
import { listDigest } from '../register/publish.js';

export const MANIFEST_FILE = 'manifest.json';
export const FORMAT = 'qz-backup/1';

export interface ListDigest {
  bodyId: number;
  version: number;
  /** SM3 of the list recomputed from its rows (equal to the publication's digest when intact) */
  digest: string;
}

export interface Manifest {
  format: typeof FORMAT;
  kind: 'pglite' | 'postgres';
  createdAt: string;
  /** the dump's file name in the backup folder, its size and SM3 */
  file: string;
  bytes: number;
  sm3: string;
  /** the newest migration the database had run */
  migration: string | null;
  lists: ListDigest[];
  audit: { seq: number; count: number; digest: string };
}

/** Every body's current list, digested from the rows, in body order. */
export async function listDigests(db: Db): Promise<ListDigest[]> {
  const [heads, lists] = await Promise.all([
    db
      .selectFrom('power_list_version')
      .select(['body_id', (eb) => eb.fn.max('version').as('version')])
      .groupBy('body_id')
      .orderBy('body_id')
      .execute(),
    currentListsFromRows(db),
  ]);
  return heads.map((h) => ({
    bodyId: h.body_id,
    version: Number(h.version),
    digest: listDigest(lists.get(h.body_id) ?? []),
  }));
}

export async function lastMigration(db: Db): Promise<string | null> {
  const r = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(db);
  return r.rows[0]?.name ?? null;
}

/** The facts read from the database; the caller adds the file's. */
export async function describe(db: Db) {
  const [lists, audit, migration] = await Promise.all([listDigests(db), chainHead(db), lastMigration(db)]);
  return { lists, audit, migration };
}

export async function sm3File(path: string): Promise<{ sm3: string; bytes: number }> {
  const h = createHash('sm3');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    h.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sm3: h.digest('hex'), bytes };
}

export interface RestoreCheck {
  ok: boolean;
  problems: string[];
  lists: number;
  audit: Awaited<ReturnType<typeof verifyAudit>>;
}

/** After a restore: the lists hash as they did, and the audit chain verifies up to the backup's head. */
export async function checkRestored(db: Db, m: Manifest): Promise<RestoreCheck> {
  const problems: string[] = [];
  const now = await listDigests(db);
  const before = new Map(m.lists.map((l) => [l.bodyId, l]));
  if (now.length !== m.lists.length)
    problems.push(`清单数量不符：备份时 ${m.lists.length} 个，恢复后 ${now.length} 个`);
  for (const l of now) {
    const b = before.get(l.bodyId);
    if (!b || b.version !== l.version || b.digest !== l.digest)
      problems.push(`机构 ${l.bodyId} 的清单摘要与备份时不符（第 ${l.version} 版）`);
  }
  // the published anchors came back with the database; the anchor file (newer rows) is the auditor's
  const audit = await verifyAudit(db, null);
  if (!audit.ok) problems.push(`审计日志校验失败：seq=${audit.firstBadSeq ?? '—'} ${audit.reason ?? ''}`);
  if (audit.headSeq !== m.audit.seq || audit.headDigest !== m.audit.digest)
    problems.push(`审计日志链头与备份时不符：备份 seq=${m.audit.seq}，恢复后 seq=${audit.headSeq}`);
  return { ok: problems.length === 0, problems, lists: now.length, audit };
}
