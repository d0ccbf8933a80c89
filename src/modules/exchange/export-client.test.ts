// The export worker and its client, without HTTP: a slow download is paced (and the file is
// whole), a download that goes away stops the job, and several jobs share the worker.
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { SHEET_NAME } from './columns.js';
import { ExportJob } from './export-client.js';
import { EXPORT_COLUMNS } from './export-protocol.js';
import { EXPORT_INFO_SHEET } from './list-writer.js';
import { readSheets } from './test-fixtures.js';

const power = (i: number) => ({
  code: `150200-026-XK-${String(i).padStart(5, '0')}-000`,
  parent_code: null,
  name: `食品经营许可（第${i}项）`,
  category: 'XK',
  responsible_subject: '包头市市场监督管理局',
  implementing_agency: '包头市市场监督管理局',
  legal_bases: [
    {
      documentId: 1,
      documentName: '《中华人民共和国食品安全法》',
      level: '法律',
      article: '第三十五条',
      text: '从事食品销售，应当依法取得许可。'.repeat(20),
    },
  ],
  responsibilities: [{ order: 1, name: '受理责任', content: '公示应当提交的材料。' }],
  accountability_cases: ['对符合法定条件的申请不予受理的'],
  accountability_basis: '《中华人民共和国行政许可法》第七十二条',
  remarks: '',
  status: 'active',
});
// rows as the export reads them: COPY text of EXPORT_COLUMNS (the jsonb columns as JSON text)
const copyField = (v: unknown) =>
  v === null
    ? '\\N'
    : (typeof v === 'string' ? v : JSON.stringify(v)).replace(
        /[\\\t\n\r]/g,
        (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!,
      );
const chunk = (from: number, n: number) =>
  new TextEncoder().encode(
    Array.from({ length: n }, (_, k) => {
      const p = power(from + k) as Record<string, unknown>;
      return `${EXPORT_COLUMNS.map((c) => copyField(p[c])).join('\t')}\n`;
    }).join(''),
  );

describe('the export worker', () => {
  it('paces a slow download and writes the whole file', async () => {
    const parts: Buffer[] = [];
    // takes 16 KB at a time, each after a pause: a slow client behind a small buffer
    const out = new Writable({
      highWaterMark: 16 * 1024,
      write(c: Buffer, _e, cb) {
        parts.push(c);
        setTimeout(cb, 2);
      },
    });
    const job = new ExportJob(out, { rulebookId: 'baotou-2023', region: false, created: Date.UTC(2026, 10, 29) });
    for (let i = 0; i < 8; i++) await job.rows(chunk(i * 250 + 1, 250), null);
    const rows = await job.finish([['导出内容', '测试']], [['导出时间', '2026-11-29']]);
    expect(rows).toBe(2000);
    const sheets = await readSheets(Buffer.concat(parts));
    const list = sheets.get(SHEET_NAME)!;
    expect(list).toHaveLength(2 + 2000);
    expect(list[2][0]).toBe('食品经营许可（第1项）');
    expect(list[2001][0]).toBe('食品经营许可（第2000项）');
    expect(list[2][3]).toBe('行政许可');
    expect(sheets.get(EXPORT_INFO_SHEET)!.map((r) => r[0])).toEqual(['导出内容', '职权条数', '导出时间']);
    expect(sheets.get(EXPORT_INFO_SHEET)![1][1]).toBe('2000');
  });

  it('stops when the download goes away, and the worker serves the next job', async () => {
    const gone = new PassThrough({ highWaterMark: 1024 }); // nobody reads it
    const job = new ExportJob(gone, { rulebookId: 'baotou-2023', region: false, created: Date.now() });
    setTimeout(() => gone.destroy(), 100);
    await expect(
      (async () => {
        for (let i = 0; i < 1000; i++) await job.rows(chunk(i * 250 + 1, 250), null);
      })(),
    ).rejects.toThrow(/closed/);

    const parts: Buffer[] = [];
    const ok = new PassThrough();
    ok.on('data', (b: Buffer) => parts.push(b));
    const next = new ExportJob(ok, { rulebookId: 'baotou-2023', region: true, created: Date.now() });
    await next.rows(chunk(1, 3), '包头市市场监督管理局');
    expect(await next.finish([], [])).toBe(3);
    const list = (await readSheets(Buffer.concat(parts))).get(SHEET_NAME)!;
    expect(list[2].at(-1)).toBe('包头市市场监督管理局');
  });
});
