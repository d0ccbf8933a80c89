// A backup is a folder: the dump and manifest.json (what it holds and how to check it).
import { mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../core/errors.js';
import { type describe, FORMAT, MANIFEST_FILE, type Manifest, sm3File } from './manifest.js';

/** <root>/qz-<kind>-20261207T031500Z: sortable by name, one per run. */
export function newFolder(root: string, kind: Manifest['kind'], at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const dir = join(root, `qz-${kind}-${stamp}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export const writeManifest = (folder: string, m: Manifest) =>
  writeFile(join(folder, MANIFEST_FILE), `${JSON.stringify(m, null, 2)}\n`);

/** The manifest of a dump just written to <folder>/<file>: its size and SM3, and the facts read in its snapshot. */
export async function finishBackup(
  folder: string,
  kind: Manifest['kind'],
  file: string,
  at: Date,
  facts: Awaited<ReturnType<typeof describe>>,
): Promise<Manifest> {
  const m: Manifest = {
    format: FORMAT,
    kind,
    createdAt: at.toISOString(),
    file,
    ...(await sm3File(join(folder, file))),
    ...facts,
  };
  await writeManifest(folder, m);
  return m;
}

export async function readManifest(folder: string, kind: Manifest['kind']): Promise<Manifest> {
  let m: Manifest;
  try {
    m = JSON.parse(await readFile(join(folder, MANIFEST_FILE), 'utf8'));
  } catch {
    throw new AppError('NOT_FOUND', `${folder} 中没有可读的备份清单文件 ${MANIFEST_FILE}`);
  }
  if (m.format !== FORMAT) throw new AppError('IMPORT_INVALID', `不认识的备份格式：${String(m.format)}`);
  if (m.kind !== kind)
    throw new AppError(
      'IMPORT_INVALID',
      `这是${m.kind === 'pglite' ? '内嵌数据库（PGlite）' : 'PostgreSQL'}的备份，不能恢复到${kind === 'pglite' ? '内嵌数据库' : 'PostgreSQL'}`,
    );
  return m;
}
