// Helpers for the feedback tests: a multipart body like a browser's form post, the form token
// out of the page, and a power of a body's current list from the seeded database.
import type { Database } from '../../db/connect.js';
import type { Client } from '../../../test/harness.js';

export const tokenOf = (page: string) => /name="token" value="([^"]+)"/.exec(page)?.[1] ?? '';

export function formData(fields: Record<string, string>, files: { name: string; bytes: Buffer; type?: string }[] = []) {
  const boundary = `----qzfeedback${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files)
    parts.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="files"; filename="${f.name}"\r\ncontent-type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      f.bytes,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** GET the form (with the pre-filled body and power), then POST it as the browser would. */
export async function fileOnPortal(
  c: Client,
  fields: Record<string, string>,
  opts: { files?: { name: string; bytes: Buffer }[]; ip?: string; token?: string; query?: string } = {},
) {
  const page = await c.get(`/feedback${opts.query ?? ''}`);
  const form = formData({ token: opts.token ?? tokenOf(page.body), ...fields }, opts.files);
  return c.request('POST', '/feedback', form.payload, { ...form.headers, 'x-forwarded-for': opts.ip ?? '203.0.113.9' });
}

export const receiptOf = (page: string) => /id="receipt-code"[^>]*>([0-9A-Z-]{19})</.exec(page)?.[1] ?? null;

export async function bodyIdOf(db: Database, name: string) {
  return (await db.selectFrom('body').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}

export async function somePower(db: Database, bodyId: number) {
  return db
    .selectFrom('power')
    .select(['code', 'name'])
    .where('body_id', '=', bodyId)
    .where('valid_to', 'is', null)
    .where('status', '=', 'active')
    .orderBy('code')
    .executeTakeFirstOrThrow();
}

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
