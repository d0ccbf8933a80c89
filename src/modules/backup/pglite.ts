// Backup and restore of the embedded database (PGlite). The dump is PGlite's own dumpDataDir():
// a tarball of the data directory taken inside the database process after its buffers are
// written, so it is consistent. The embedded database admits one process: stop the server first
// (the README's systemd units do).
import { existsSync, readdirSync, renameSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { connect } from '../../db/connect.js';
import { AppError } from '../../core/errors.js';
import { checkRestored, describe, type Manifest, type RestoreCheck, sm3File } from './manifest.js';
import { finishBackup, readManifest } from './folder.js';

export const PGLITE_FILE = 'data.tar.gz';

export async function backupPglite(
  dataDir: string,
  folder: string,
  at: Date,
  opts: { force?: boolean } = {},
): Promise<Manifest> {
  if (!existsSync(dataDir) || readdirSync(dataDir).length === 0)
    throw new AppError('NOT_FOUND', `内嵌数据库目录不存在或为空：${dataDir}`);
  // a server holding the directory: two processes on one embedded database would corrupt it
  if (existsSync(join(dataDir, 'postmaster.pid')) && !opts.force)
    throw new AppError(
      'CONFLICT',
      `内嵌数据库正被服务进程使用（${dataDir}/postmaster.pid 存在）：请先停止服务再备份；如服务确已停止（异常退出后遗留该文件），加 --force`,
    );
  const h = await connect({ dataDir });
  try {
    const facts = await describe(h.db);
    const dump = await h.pglite!.dumpDataDir('gzip');
    const file = join(folder, PGLITE_FILE);
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
    return finishBackup(folder, 'pglite', PGLITE_FILE, at, facts);
  } finally {
    await h.close();
  }
}

/**
 * Restores into dataDir. A directory that holds a database is kept aside as
 * `<dataDir>.before-restore-<time>` (only with force), never deleted.
 */
export async function restorePglite(
  folder: string,
  dataDir: string,
  opts: { force: boolean; at: Date },
): Promise<RestoreCheck & { keptAside: string | null }> {
  const m = await readManifest(folder, 'pglite');
  const file = join(folder, m.file);
  const { sm3 } = await sm3File(file);
  if (sm3 !== m.sm3)
    throw new AppError('IMPORT_INVALID', `备份文件 ${m.file} 的 SM3 摘要与清单文件不符：文件已损坏或被改动`);
  let keptAside: string | null = null;
  // never from under a running server, --force or not
  if (existsSync(join(dataDir, 'postmaster.pid')))
    throw new AppError(
      'CONFLICT',
      `内嵌数据库正被服务进程使用（${dataDir}/postmaster.pid 存在）：请先停止服务；如服务确已停止（异常退出后遗留），删除该文件后再恢复`,
    );
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    if (!opts.force)
      throw new AppError(
        'CONFLICT',
        `目标目录 ${dataDir} 已有数据库；确认要以备份替换时加 --force（原目录改名保留，不会删除）`,
      );
    keptAside = `${dataDir}.before-restore-${opts.at.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(dataDir, keptAside);
  }
  const h = await connect({ dataDir, loadDataDir: new Blob([await readFile(file)]) });
  try {
    return { ...(await checkRestored(h.db, m)), keptAside };
  } finally {
    await h.close();
  }
}
