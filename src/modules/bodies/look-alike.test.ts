// Issue 10.10: look-alike names are refused where they are typed — body, user display name,
// power, legal document, attached file — with a Chinese message naming the field, changing nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { checkAttachment } from '../adjustments/attachments.js';
import { at, draftApplication, power, publishFixture } from '../adjustments/test-fixtures.js';

const ZWSP = '\u200B';
const RLO = '\u202E';
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

let t: TestApp;
let sys: Client;
const count = async (table: 'body' | 'app_user' | 'legal_document' | 'adjustment_attachment') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const refusal = (res: { statusCode: number; json(): any }) => ({
  status: res.statusCode,
  code: res.json().error?.code,
});

beforeAll(async () => {
  t = await setupTestApp();
  sys = await t.login('sysadmin');
});
afterAll(() => t.close());

describe('bodies', () => {
  it.each([
    ['a trailing zero-width space', `包头市市场监督管理局${ZWSP}`],
    ['U+202E', `包头市${RLO}局理管督监场市`],
  ])('refuses %s beside the real one, creating nothing', async (_, name) => {
    const before = await count('body');
    const res = await sys.post('/api/bodies', { regionCode: '150200', name, kind: '政府工作部门' });
    expect(refusal(res)).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(res.json().error.message).toContain('机构名称含有零宽字符、文字方向控制符等不可见字符');
    expect(await count('body')).toBe(before);
  });

  it('finds the duplicate on the normalised form (NFD spelling, stored look-alike)', async () => {
    const made = await sys.post('/api/bodies', {
      regionCode: '150200',
      name: '包头市Cafe\u0301管理局',
      kind: '政府工作部门',
    });
    expect(made.statusCode).toBe(201);
    expect(made.json().name).toBe('包头市Caf\u00e9管理局');
    const before = await count('body');
    const dup = await sys.post('/api/bodies', {
      regionCode: '150200',
      name: '包头市Caf\u00e9管理局',
      kind: '政府工作部门',
    });
    expect(refusal(dup)).toEqual({ status: 409, code: 'CONFLICT' });
    // a row stored with a zero-width space before 10.10 still counts as the same name
    await t.db
      .updateTable('body')
      .set({ name: `包头市旧数据局${ZWSP}` })
      .where('id', '=', made.json().id)
      .execute();
    const old = await sys.post('/api/bodies', { regionCode: '150200', name: '包头市旧数据局', kind: '政府工作部门' });
    expect(refusal(old)).toEqual({ status: 409, code: 'CONFLICT' });
    expect(await count('body')).toBe(before);
  });
});

describe('other names', () => {
  it('a user display name with a bidi override is refused', async () => {
    const before = await count('app_user');
    const bodyId = (
      await t.db.selectFrom('body').select('id').where('name', '=', '包头市市场监督管理局').executeTakeFirstOrThrow()
    ).id;
    const res = await sys.post('/api/users', {
      username: 'lookalike',
      displayName: `张${RLO}三`,
      homeBodyId: bodyId,
      password: 'Xq7#vLm2!pRt9z',
    });
    expect(refusal(res)).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(res.json().error.message).toContain('姓名含有零宽字符');
    expect(await count('app_user')).toBe(before);
  });

  it('a legal document name with a zero-width space is refused', async () => {
    const before = await count('legal_document');
    const res = await (await t.login('coord.city')).post('/api/legal-documents', {
      name: `包头市测试条例${ZWSP}`,
      level: '地方性法规',
    });
    expect(refusal(res)).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(res.json().error.message).toContain('法律文件名称含有零宽字符');
    expect(await count('legal_document')).toBe(before);
  });

  it('an attachment named ‮FDP.exe.pdf is refused, nothing stored', async () => {
    at(t, '2026-11-30T09:00:00');
    const { codes } = await publishFixture(t, '包头市市场监督管理局', [power('名称测试许可')]);
    const id = await draftApplication(t, 'clerk.scjg', { title: '名称测试', kind: 'cancel' }, [
      { targetCode: codes[0] },
    ]);
    const before = await count('adjustment_attachment');
    const clerk = await t.login('clerk.scjg');
    const res = await clerk.request(
      'POST',
      `/api/adjustments/${id}/attachments?filename=${encodeURIComponent(`${RLO}FDP.exe.pdf`)}`,
      PDF,
      { 'content-type': 'multipart/form-data' },
    );
    expect(refusal(res)).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(res.json().error.message).toContain('文件名含有零宽字符');
    expect(await count('adjustment_attachment')).toBe(before);
    // and by the file check itself, whichever way the name arrives
    expect(checkAttachment(`${RLO}FDP.exe.pdf`, PDF)).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(checkAttachment(`依据${ZWSP}.pdf`, PDF)).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(checkAttachment('依据.pdf', PDF)).toMatchObject({ ok: true });
  });
});
