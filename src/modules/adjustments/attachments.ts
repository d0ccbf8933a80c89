// §13.1 附相关依据: what an application may carry as attachments. The type is decided by the
// file's first bytes (its magic number), never by the name or the header the client sends,
// and must agree with the extension; anything else is refused in Chinese.
import { hasInvisible, invisibleMessage } from '../../core/names.js';

/** 10 MB per file, 20 files per application: enough for a scanned 规范性文件, small for the database. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 20;

interface Kind {
  ext: string[];
  mediaType: string;
  label: string;
  magic: number[];
  /** For ZIP-based formats: a path that must occur inside the archive. */
  contains?: string;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export const KINDS: Kind[] = [
  { ext: ['pdf'], mediaType: 'application/pdf', label: 'PDF', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { ext: ['ofd'], mediaType: 'application/ofd', label: 'OFD', magic: ZIP, contains: 'OFD.xml' },
  {
    ext: ['docx'],
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word',
    magic: ZIP,
    contains: 'word/',
  },
  {
    ext: ['xlsx'],
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Excel',
    magic: ZIP,
    contains: 'xl/',
  },
  { ext: ['doc'], mediaType: 'application/msword', label: 'Word 97-2003', magic: OLE },
  { ext: ['xls'], mediaType: 'application/vnd.ms-excel', label: 'Excel 97-2003', magic: OLE },
  { ext: ['png'], mediaType: 'image/png', label: 'PNG', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { ext: ['jpg', 'jpeg'], mediaType: 'image/jpeg', label: 'JPEG', magic: [0xff, 0xd8, 0xff] },
];

export const ALLOWED_WORDS = 'PDF、OFD、Word（doc/docx）、Excel（xls/xlsx）、PNG、JPEG';

export type Checked =
  | { ok: true; filename: string; mediaType: string }
  | { ok: false; message: string; code: 'VALIDATION_FAILED' | 'UNSUPPORTED_MEDIA' | 'PAYLOAD_TOO_LARGE' };

/** A file name safe to store and to send back: no path, no control characters, bounded length. */
export function cleanFilename(name: string): string | null {
  const base = name
    .normalize('NFC')
    .split(/[\\/]/)
    .pop()!
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .trim();
  if (!base || base === '.' || base === '..' || base.length > 120) return null;
  return base;
}

export function checkAttachment(rawName: string, bytes: Uint8Array): Checked {
  // issue 10.10: a file name that hides or reverses characters (‮) is refused, not cleaned
  if (hasInvisible(rawName.normalize('NFC')))
    return { ok: false, code: 'VALIDATION_FAILED', message: invisibleMessage('文件名') };
  const filename = cleanFilename(rawName);
  if (!filename)
    return { ok: false, code: 'VALIDATION_FAILED', message: '文件名无效（不超过120个字符，不含路径和特殊字符）' };
  if (bytes.length === 0) return { ok: false, code: 'VALIDATION_FAILED', message: '文件为空' };
  if (bytes.length > MAX_ATTACHMENT_BYTES)
    return { ok: false, code: 'PAYLOAD_TOO_LARGE', message: `附件不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB` };
  const ext = filename.includes('.') ? filename.split('.').pop()!.toLowerCase() : '';
  const kind = KINDS.find((k) => k.ext.includes(ext));
  if (!kind)
    return { ok: false, code: 'UNSUPPORTED_MEDIA', message: `不支持的附件类型“.${ext}”，仅支持 ${ALLOWED_WORDS}` };
  const head = kind.magic.every((b, i) => bytes[i] === b);
  const inside =
    !kind.contains ||
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(kind.contains, 0, 'latin1');
  if (!head || !inside)
    return {
      ok: false,
      code: 'UNSUPPORTED_MEDIA',
      message: `文件内容与扩展名不符：“${filename}”不是有效的${kind.label}文件`,
    };
  return { ok: true, filename, mediaType: kind.mediaType };
}
