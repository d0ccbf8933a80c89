// Exercise records as CSV (the export format most 政务服务 and 执法 systems offer): one multipart
// file, at most MAX_CSV_BYTES, UTF-8 (with or without BOM) or GB18030 (Excel's “CSV” on a Chinese
// Windows), quoted fields per RFC 4180. Read whole: the bound keeps it small enough.
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { EXERCISE_COLUMNS, MAX_EXERCISE_RECORDS } from '../../contract/exercise.js';
import { AppError } from '../../core/errors.js';
import { mapMultipartError } from '../exchange/upload.js';

export const MAX_CSV_BYTES = 30 * 1024 * 1024;

export interface CsvUpload {
  fileName: string;
  sha256: string;
  text: string;
}

export async function receiveCsv(req: FastifyRequest): Promise<CsvUpload> {
  if (!req.isMultipart())
    throw new AppError('UNSUPPORTED_MEDIA', '请以 multipart/form-data 方式上传文件（字段名 file）');
  const tooLarge = () =>
    new AppError('PAYLOAD_TOO_LARGE', `文件超过 ${MAX_CSV_BYTES / 1024 / 1024} MB 上限，请拆分后导入`);
  let part;
  try {
    part = await req.file({ limits: { fileSize: MAX_CSV_BYTES, files: 1, fields: 10, parts: 11 } });
  } catch (e) {
    throw mapMultipartError(e, tooLarge);
  }
  if (!part) throw new AppError('VALIDATION_FAILED', '没有收到文件，请选择要导入的 .csv 文件');
  const fileName = part.filename || '';
  if (part.fieldname !== 'file' || !/\.csv$/i.test(fileName)) {
    part.file.resume();
    throw new AppError('UNSUPPORTED_MEDIA', `只能导入 .csv 文件（字段名 file），收到的是“${fileName || '未命名文件'}”`);
  }
  const bytes = await part.toBuffer().catch((e: unknown) => {
    throw mapMultipartError(e, tooLarge);
  });
  if (!bytes.length) throw new AppError('UNSUPPORTED_MEDIA', '文件是空的');
  return { fileName, sha256: createHash('sha256').update(bytes).digest('hex'), text: decodeText(bytes) };
}

/** UTF-8 when the bytes are valid UTF-8, else GB18030; a binary file is refused. */
export function decodeText(bytes: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  if (text.includes('\u0000')) throw new AppError('UNSUPPORTED_MEDIA', '文件内容不是文本（CSV），请另存为 CSV 后导入');
  return text.replace(/^\uFEFF/, '');
}

/** A CSV document as rows of fields (RFC 4180: "" inside quotes, CRLF or LF). */
export function* csvRows(text: string): Generator<{ row: number; cells: string[] }> {
  let row = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const cells: string[] = [];
    const start = row;
    for (;;) {
      let cell = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= n)
            throw new AppError('IMPORT_INVALID', `第${start}行：引号未闭合`, [
              { row: start, column: '', message: '引号未闭合' },
            ]);
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n') row++;
          cell += c;
          i++;
        }
      }
      while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') cell += text[i++];
      cells.push(cell.trim());
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      break;
    }
    yield { row: start, cells };
    row++;
  }
}

/** The data rows under the header row EXERCISE_COLUMNS; a wrong header refuses the file. */
export function* exerciseCsvRows(text: string): Generator<{ row: number; cells: string[] }> {
  let header = true;
  let count = 0;
  for (const r of csvRows(text)) {
    if (header) {
      EXERCISE_COLUMNS.forEach((c, k) => {
        if (r.cells[k] !== c.header)
          throw new AppError(
            'IMPORT_INVALID',
            `第1行第${k + 1}列应为“${c.header}”，实际为“${r.cells[k] || '（空）'}”`,
            [
              {
                row: 1,
                column: c.header,
                message: `列名应依次为：${EXERCISE_COLUMNS.map((x) => x.header).join('、')}`,
              },
            ],
          );
      });
      header = false;
      continue;
    }
    if (r.cells.every((c) => c === '')) continue;
    if (++count > MAX_EXERCISE_RECORDS)
      throw new AppError('IMPORT_INVALID', `数据行超过${MAX_EXERCISE_RECORDS}行，请分多个文件导入`, [
        { row: r.row, column: '', message: '行数超过上限' },
      ]);
    yield r;
  }
  if (header)
    throw new AppError('IMPORT_INVALID', '文件是空的，第1行应为列名', [{ row: 1, column: '', message: '缺少列名行' }]);
}
