// Backup and restore of the application's PostgreSQL database with pg_dump / pg_restore (custom
// format). The manifest's digests and audit head are read in the very snapshot pg_dump dumps
// (pg_export_snapshot in a repeatable-read transaction), so they describe exactly the dump, while
// the platform keeps running.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { AppError } from '../../core/errors.js';
import { connect } from '../../db/connect.js';
import { checkRestored, describe, type Manifest, type RestoreCheck, sm3File } from './manifest.js';
import { finishBackup, readManifest } from './folder.js';

export const PG_FILE = 'db.dump';
const run = promisify(execFile);

/** The URL without its password (which goes to the tools in PGPASSWORD, not on their command line). */
function toolArgs(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const env = { ...process.env, ...(u.password ? { PGPASSWORD: decodeURIComponent(u.password) } : {}) };
  u.password = '';
  return { dbname: u.toString(), env };
}

async function tool(cmd: 'pg_dump' | 'pg_restore', args: string[], url: string) {
  const { dbname, env } = toolArgs(url);
  try {
    await run(cmd, [...args, `--dbname=${dbname}`], { env, maxBuffer: 16 * 1024 * 1024 });
  } catch (e) {
    const err = e as { code?: string; stderr?: string; message: string };
    if (err.code === 'ENOENT')
      throw new AppError('NOT_FOUND', `找不到 ${cmd}：请安装 PostgreSQL 客户端工具（与服务器同一主版本）`);
    throw new AppError('INTERNAL', `${cmd} 失败：${(err.stderr || err.message).trim().slice(0, 2000)}`);
  }
}

export async function backupPostgres(url: string, folder: string, at: Date): Promise<Manifest> {
  const h = await connect({ databaseUrl: url });
  const file = join(folder, PG_FILE);
  try {
    const facts = await h.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const snap = await sql<{ s: string }>`select pg_export_snapshot() as s`.execute(trx);
        const facts = await describe(trx);
        // the transaction stays open while pg_dump reads the exported snapshot
        await tool('pg_dump', ['--format=custom', `--snapshot=${snap.rows[0]!.s}`, `--file=${file}`], url);
        return facts;
      });
    return finishBackup(folder, 'postgres', PG_FILE, at, facts);
  } finally {
    await h.close();
  }
}

const adminUrl = (url: string) => {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
};

/**
 * Restores into the database DATABASE_URL names: created when missing; one that holds tables
 * only with force (then dropped and created anew). All or nothing (--single-transaction).
 * Ownership and grants are not restored: run scripts/db-roles.sql afterwards (docs/SECURITY.md).
 */
export async function restorePostgres(folder: string, url: string, opts: { force: boolean }): Promise<RestoreCheck> {
  const m = await readManifest(folder, 'postgres');
  const file = join(folder, m.file);
  if ((await sm3File(file)).sm3 !== m.sm3)
    throw new AppError('IMPORT_INVALID', `备份文件 ${m.file} 的 SM3 摘要与清单文件不符：文件已损坏或被改动`);
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name))
    throw new AppError('VALIDATION_FAILED', `数据库名只能含字母、数字和下划线：${name}`);
  const admin = new pg.Client({ connectionString: adminUrl(url) });
  await admin.connect();
  try {
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount! > 0;
    if (exists) {
      const probe = new pg.Client({ connectionString: url });
      await probe.connect();
      const tables = Number(
        (await probe.query(`select count(*) as n from pg_tables where schemaname = 'public'`)).rows[0].n,
      );
      await probe.end();
      if (tables > 0 && !opts.force)
        throw new AppError(
          'CONFLICT',
          `数据库 ${name} 中已有数据；确认要以备份替换时加 --force（将删除并重建该数据库）`,
        );
      if (tables > 0) {
        await admin.query(`drop database "${name}" with (force)`);
        await admin.query(`create database "${name}"`);
      }
    } else await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  await tool('pg_restore', ['--no-owner', '--no-acl', '--single-transaction', '--exit-on-error', file], url);
  const h = await connect({ databaseUrl: url });
  try {
    return await checkRestored(h.db, m);
  } finally {
    await h.close();
  }
}
