// The import error report (issue 3 item 7): every problem of a refused import as a
// downloadable .xlsx — 行号, 列名, 错误说明 — kept for a day under a random id that only the
// user who uploaded the file can fetch. Written with the streaming writer like every export,
// to a “.part” file named by this process and renamed when complete: what a crash leaves
// half-written, and every report past its day, is removed when the server starts
// (exchange.routes.ts) and whenever a report is saved.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import type { ErrorDetail } from '../../core/errors.js';
import { neutralise } from '../../core/formula-text.js';
import { addTextSheet, openWorkbook } from './sheet-writer.js';
import { alive } from './temp-files.js';
import { STYLE } from '../../platform/xlsx-writer.js';

const KEEP_MS = 24 * 60 * 60 * 1000;
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const reportDir = () => join(tmpdir(), 'qz-import-reports');

export interface ReportInfo {
  fileName: string;
  bodyName: string;
  at: Date;
  message: string;
}

export async function writeErrorReport(
  out: Writable,
  details: readonly ErrorDetail[],
  info: ReportInfo,
): Promise<void> {
  const book = openWorkbook(out, ['导入错误', '说明'], info.at);
  const ws = await book.sheet('导入错误', {
    cols: [
      { width: 8, style: STYLE.top },
      { width: 16, style: STYLE.top },
      { width: 100, style: STYLE.wrap },
    ],
    frozen: { columns: 0, rows: 1 },
  });
  await ws.row(['行号', '列名', '错误说明'], { style: STYLE.headerWarm });
  for (const d of details) await ws.row([d.row ? d.row : '', neutralise(d.column ?? ''), neutralise(d.message)]);
  await addTextSheet(book, '说明', [
    ['导入文件', neutralise(info.fileName)],
    ['导入部门', info.bodyName],
    ['检查时间', info.at.toISOString()],
    ['结果', info.message],
    [
      '说明',
      '行号为 Excel 中的行号（第1行为列名，第2行为说明行，数据从第3行起）；行号为空的是整个文件的问题。按本表逐项改正后重新导入；任何一处有误，整个文件都不会导入。',
    ],
  ]);
  await book.finish();
}

/** Write the report to the report folder; returns its id. Old reports are swept on the way. */
export async function saveErrorReport(
  userId: number,
  details: readonly ErrorDetail[],
  info: ReportInfo,
): Promise<string> {
  const dir = reportDir();
  await mkdir(dir, { recursive: true });
  await sweepReports(info.at);
  const id = randomUUID();
  const path = join(dir, `${userId}-${id}.xlsx`);
  const part = `${path}.${process.pid}.part`;
  try {
    const out = createWriteStream(part);
    await writeErrorReport(out, details, info);
    await finished(out);
    await rename(part, path);
  } finally {
    await rm(part, { force: true });
  }
  return id;
}

/** The path of a report, only for the user it was made for; null otherwise. */
export async function findErrorReport(userId: number, id: string): Promise<string | null> {
  if (!ID.test(id)) return null;
  const path = join(reportDir(), `${userId}-${id}.xlsx`);
  try {
    await stat(path);
    return path;
  } catch {
    return null;
  }
}

const PART = /\.(\d+)\.part$/;

/** Remove reports past their day, and half-written ones whose process is gone. */
export async function sweepReports(now: Date): Promise<void> {
  const dir = reportDir();
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const p = join(dir, name);
    const part = PART.exec(name);
    if (part) {
      if (!alive(Number(part[1]))) await rm(p, { force: true });
      continue;
    }
    const s = await stat(p).catch(() => null);
    if (s && now.getTime() - s.mtimeMs > KEEP_MS && Date.now() - s.mtimeMs > KEEP_MS) await rm(p, { force: true });
  }
}
