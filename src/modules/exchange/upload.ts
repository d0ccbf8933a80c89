// Receiving an uploaded workbook: multipart, one file, .xlsx only, at most MAX_UPLOAD_BYTES,
// spooled to a temporary file of this process (temp-files.ts; so the import's transaction never
// waits on a slow client) and checked before anyone parses it: the zip magic bytes, a
// legacy/encrypted .xls, the zip's central directory (an Excel workbook inside, declared sizes
// within bounds). The declared sizes are not trusted further: the parse worker counts the
// inflated bytes (zip-read.ts). Every refusal says why in Chinese.
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import { MAX_UPLOAD_BYTES } from './columns.js';
import { spoolDir } from './temp-files.js';
import { MAX_ENTRIES, MAX_UNPACKED, tooBigUnpacked } from './zip-read.js';

export interface Upload {
  path: string;
  fileName: string;
  size: number;
  sha256: string;
  /** text fields sent before the file (the mapped import's `mapping`, issue 14.2) */
  fields: Record<string, string>;
  cleanup(): Promise<void>;
}

const MB = MAX_UPLOAD_BYTES / 1024 / 1024;
const XLSX_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
  'application/zip',
  'application/x-zip-compressed',
  '',
]);

const media = (message: string) => new AppError('UNSUPPORTED_MEDIA', message);

export async function receiveXlsx(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart()) throw media('请以 multipart/form-data 方式上传文件（字段名 file）');
  let part;
  try {
    part = await req.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, parts: 11 } });
  } catch (e) {
    throw mapMultipartError(e);
  }
  if (!part) throw new AppError('VALIDATION_FAILED', '没有收到文件，请选择要导入的 .xlsx 文件');
  const fileName = part.filename || '';
  if (part.fieldname !== 'file') {
    part.file.resume();
    throw new AppError('VALIDATION_FAILED', `文件应放在字段 file 中（收到字段 ${part.fieldname}）`);
  }
  if (!/\.xlsx$/i.test(fileName)) {
    part.file.resume();
    throw media(
      /\.xls$/i.test(fileName)
        ? `不支持旧版 .xls 文件（${fileName}），请用 Excel 或 WPS 另存为 .xlsx 后导入`
        : `只能导入 .xlsx 格式的 Excel 文件，收到的是“${fileName || '未命名文件'}”`,
    );
  }
  if (!XLSX_TYPES.has(part.mimetype)) {
    part.file.resume();
    throw media(`文件类型“${part.mimetype}”不是 Excel 工作簿（.xlsx）`);
  }

  const { path, size, sha256, cleanup } = await spool(
    part.file,
    'xlsx',
    async (path, size) => {
      if (part.file.truncated) throw tooLarge();
      await checkWorkbookFile(path, size);
    },
    (e) => mapMultipartError(e),
  );
  const fields: Record<string, string> = {};
  for (const [k, f] of Object.entries(part.fields ?? {}))
    if (f && !Array.isArray(f) && f.type === 'field' && typeof f.value === 'string') fields[k] = f.value;
  return { path, fileName, size, sha256, fields, cleanup };
}

/** An uploaded stream written to a new file in this process's spool folder, its bytes counted and
 * hashed as they pass, then `check`ed; on any failure the file is removed and an error that is not
 * already an AppError is turned into one by `mapError`. */
export async function spool(
  file: NodeJS.ReadableStream,
  ext: string,
  check: (path: string, size: number) => Promise<void>,
  mapError: (e: unknown) => AppError,
): Promise<{ path: string; size: number; sha256: string; cleanup(): Promise<void> }> {
  const dir = spoolDir();
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${randomUUID()}.${ext}`);
  const cleanup = () => rm(path, { force: true });
  const hash = createHash('sha256');
  let size = 0;
  try {
    await pipeline(
      file,
      new Transform({
        transform(chunk: Buffer, _enc, cb) {
          size += chunk.length;
          hash.update(chunk);
          cb(null, chunk);
        },
      }),
      createWriteStream(path),
    );
    await check(path, size);
  } catch (e) {
    await cleanup();
    throw e instanceof AppError ? e : mapError(e);
  }
  return { path, size, sha256: hash.digest('hex'), cleanup };
}

const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', `文件超过 ${MB} MB 上限，请拆分为多个文件分别导入`);

/** A multipart error as the user should read it; `overLimit` names the caller's own size limit. */
export function mapMultipartError(e: unknown, overLimit: () => AppError = tooLarge): AppError {
  const code = (e as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return overLimit();
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
    return new AppError('VALIDATION_FAILED', '一次只能上传一个文件');
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
    return media('请以 multipart/form-data 方式上传文件（字段名 file）');
  return new AppError(
    'VALIDATION_FAILED',
    `文件上传未完成（${(e as Error).message?.slice(0, 60) ?? '连接中断'}），请重试`,
  );
}

/** Check the bytes: a zip whose central directory holds an Excel workbook of sane declared size. */
export async function checkWorkbookFile(path: string, size: number): Promise<void> {
  if (size === 0) throw media('文件是空的');
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(8);
    await fh.read(head, 0, 8, 0);
    if (head.equals(Buffer.from('d0cf11e0a1b11ae1', 'hex')))
      throw media('文件是旧版 .xls 格式或已加密的工作簿，请去除密码并另存为 .xlsx 后导入');
    if (head.readUInt32LE(0) !== 0x04034b50)
      throw media('文件内容不是 .xlsx 工作簿（扩展名与内容不符），请用 Excel 或 WPS 另存为 .xlsx 后导入');

    // End of central directory: the last 22 bytes plus a comment of up to 65,535
    const tailLen = Math.min(size, 22 + 65_535);
    const tail = Buffer.alloc(tailLen);
    await fh.read(tail, 0, tailLen, size - tailLen);
    let eocd = -1;
    for (let i = tailLen - 22; i >= 0; i--)
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    if (eocd < 0) throw media('文件不完整或已损坏（不是有效的 .xlsx），请重新保存后导入');
    const entries = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (entries === 0xffff || cdOffset === 0xffffffff || cdOffset + cdSize > size)
      throw media('文件结构异常（不是有效的 .xlsx），请用 Excel 或 WPS 另存为 .xlsx 后导入');
    if (entries > MAX_ENTRIES) throw media('文件结构异常：压缩包内文件过多');
    const cd = Buffer.alloc(cdSize);
    await fh.read(cd, 0, cdSize, cdOffset);
    let unpacked = 0;
    let workbook = false;
    for (let p = 0, n = 0; n < entries; n++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50)
        throw media('文件已损坏（目录无法读取），请重新保存后导入');
      const usize = cd.readUInt32LE(p + 24);
      const nameLen = cd.readUInt16LE(p + 28);
      const name = cd.toString('utf8', p + 46, p + 46 + nameLen);
      if (usize === 0xffffffff) throw media('文件过大（单个部件超过4 GB），请拆分后导入');
      unpacked += usize;
      if (name === 'xl/workbook.xml') workbook = true;
      if (cd.readUInt32LE(p + 42) >= cdOffset) throw media('文件已损坏（目录无法读取），请重新保存后导入');
      p += 46 + nameLen + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
    }
    if (!workbook) throw media('文件不是 Excel 工作簿（可能是 Word 等其他格式改了扩展名），请使用本平台下载的导入模板');
    if (unpacked > MAX_UNPACKED) throw new AppError('PAYLOAD_TOO_LARGE', tooBigUnpacked().message);
  } finally {
    await fh.close();
  }
}
