// Receiving the other side's export: multipart, one file in field `file`, `.json` or `.xlsx`,
// spooled to a temporary file of this process (the exchange module's spool folder, swept at
// start) with its SHA-256, so the reconciliation reads it from disk as it streams. An xlsx is
// checked as the exchange module checks workbooks before anyone parses it.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import { checkWorkbookFile, spool } from '../exchange/upload.js';

/** A level's million powers as JSON is about 1 GB; larger files are refused before reading. */
export const MAX_EXCHANGE_BYTES = 2 * 1024 ** 3;

export interface ExchangeUpload {
  path: string;
  fileName: string;
  format: 'json' | 'xlsx';
  sha256: string;
  cleanup(): Promise<void>;
}

const media = (m: string) => new AppError('UNSUPPORTED_MEDIA', m);

export async function receiveExchangeFile(req: FastifyRequest): Promise<ExchangeUpload> {
  if (!req.isMultipart()) throw media('请以 multipart/form-data 方式上传文件（字段名 file）');
  let part;
  try {
    part = await req.file({ limits: { fileSize: MAX_EXCHANGE_BYTES, files: 1, fields: 5, parts: 6 } });
  } catch {
    throw new AppError('VALIDATION_FAILED', '一次只能上传一个文件（字段名 file）');
  }
  if (part?.fieldname !== 'file') {
    part?.file.resume();
    throw new AppError('VALIDATION_FAILED', '没有收到文件，请在字段 file 中上传自治区平台导出的 .json 或 .xlsx 文件');
  }
  const fileName = part.filename || '';
  const format = /\.json$/i.test(fileName) ? 'json' : /\.xlsx$/i.test(fileName) ? 'xlsx' : null;
  if (!format) {
    part.file.resume();
    throw media(`只能导入交换格式的 .json 或 .xlsx 文件，收到的是“${fileName || '未命名文件'}”`);
  }
  const { path, sha256, cleanup } = await spool(
    part.file,
    format,
    async (path, size) => {
      if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', '文件超过 2 GB 上限，请按部门分别导出后对账');
      if (size === 0) throw media('文件是空的');
      if (format === 'xlsx') await checkWorkbookFile(path, size);
    },
    () => new AppError('VALIDATION_FAILED', '文件上传未完成，请重试'),
  );
  return { path, fileName, format, sha256, cleanup };
}
