// §13.1 附相关依据: attachments are checked by their first bytes against the extension, limited
// in size, refused in Chinese, stored with an SM3 digest and downloadable only by those who may
// see the application.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { checkAttachment, MAX_ATTACHMENT_BYTES } from './attachments.js';
import { at, draftApplication, expectOk, power, publishFixture } from './test-fixtures.js';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('1 0 obj << /Type /Catalog >> endobj\n%%EOF\n')]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const DOCX = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  Buffer.from('....[Content_Types].xml....word/document.xml'),
]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]);

describe('checkAttachment (table-driven)', () => {
  // [file name, bytes, ok, message part]
  const table: [string, Buffer, boolean, string][] = [
    ['依据.pdf', PDF, true, ''],
    ['截图.PNG', PNG, true, ''],
    ['请示.docx', DOCX, true, ''],
    ['伪装.pdf', EXE, false, '不是有效的PDF文件'],
    ['程序.exe', EXE, false, '不支持的附件类型'],
    ['表格.xlsx', DOCX, false, '不是有效的Excel文件'],
    ['../../etc/passwd.pdf', PDF, true, ''],
    ['无扩展名', PDF, false, '不支持的附件类型'],
    ['空.pdf', Buffer.alloc(0), false, '文件为空'],
    ['大.pdf', Buffer.concat([PDF, Buffer.alloc(MAX_ATTACHMENT_BYTES)]), false, '不能超过'],
  ];
  it.each(table)('%s → %s', (name, bytes, ok, msg) => {
    const r = checkAttachment(name, bytes);
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(r.message).toContain(msg);
  });
  it('keeps only the base name', () => {
    expect(checkAttachment('../../etc/passwd.pdf', PDF)).toMatchObject({
      ok: true,
      filename: 'passwd.pdf',
      mediaType: 'application/pdf',
    });
  });
});

describe('attachments via the API', () => {
  let t: TestApp;
  let id: number;
  beforeAll(async () => {
    t = await setupTestApp();
    at(t, '2026-11-30T09:00:00');
    const { codes } = await publishFixture(t, '包头市市场监督管理局', [power('附件测试许可')]);
    id = await draftApplication(t, 'clerk.scjg', { title: '附件测试', kind: 'cancel' }, [{ targetCode: codes[0] }]);
  });
  afterAll(() => t.close());

  const upload = async (user: string, name: string, bytes: Buffer, type = 'application/octet-stream') =>
    (await t.login(user)).request(
      'POST',
      `/api/adjustments/${id}/attachments?filename=${encodeURIComponent(name)}`,
      bytes,
      { 'content-type': type },
    );

  it('stores a PDF with its digest and serves it back to those who may see the application', async () => {
    const f = await expectOk(await upload('clerk.scjg', '上级取消文件.pdf', PDF, 'application/pdf'), 201);
    expect(f).toMatchObject({ filename: '上级取消文件.pdf', media_type: 'application/pdf', size_bytes: PDF.length });
    expect(f.sm3).toMatch(/^[0-9a-f]{64}$/);
    const res = await (await t.login('coord.city')).get(`/api/adjustments/${id}/attachments/${f.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('上级取消文件.pdf'));
    expect(res.rawPayload.equals(PDF)).toBe(true);
    expect((await (await t.login('clerk.zjj')).get(`/api/adjustments/${id}/attachments/${f.id}`)).statusCode).toBe(404);
    const detail = await expectOk(await (await t.login('clerk.scjg')).get(`/api/adjustments/${id}`));
    expect(detail.attachments).toEqual([expect.objectContaining({ filename: '上级取消文件.pdf' })]);
  });

  it('refuses a disguised file, a wrong type and an oversized one, in Chinese, storing nothing', async () => {
    const fake = await upload('clerk.scjg', '伪装.pdf', EXE);
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.message).toContain('文件内容与扩展名不符');
    expect((await upload('clerk.scjg', 'x.exe', EXE)).statusCode).toBe(415);
    const big = await upload('clerk.scjg', '大.pdf', Buffer.concat([PDF, Buffer.alloc(MAX_ATTACHMENT_BYTES)]));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    const n = await t.db.selectFrom('adjustment_attachment').select('id').where('adjustment_id', '=', id).execute();
    expect(n).toHaveLength(1);
  });

  it('only the clerk, only while drafting; the CSRF token is required', async () => {
    expect((await upload('coord.city', '意见.pdf', PDF)).statusCode).toBe(403);
    const c = await t.login('clerk.scjg');
    const noCsrf = await c.request('POST', `/api/adjustments/${id}/attachments?filename=a.pdf`, PDF, {
      'content-type': 'application/pdf',
      'x-csrf-token': '',
    });
    expect(noCsrf.statusCode).toBe(403);
    await expectOk(await c.post(`/api/adjustments/${id}/steps/draft/complete`, {}));
    const late = await upload('clerk.scjg', '补充.pdf', PDF);
    expect(late.statusCode).toBe(409);
  });
});
