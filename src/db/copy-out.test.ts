// copyOut (COPY text bytes) and parseCopyText (their decoding in the export worker) give back
// exactly what was stored — tabs, newlines, backslashes, control characters, nulls, JSON —
// on PGlite and on PostgreSQL; a failed COPY leaves the handle usable.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../test/harness.js';
import { parseCopyText } from '../modules/exchange/copy-text.js';
import { copyOut } from './copy-out.js';

let t: TestApp;
beforeAll(async () => {
  t = await setupTestApp();
  await sql`create table copy_probe (id int primary key, a text, b jsonb)`.execute(t.db);
});
afterAll(() => t.close());

const TEXTS = [
  '许可\t审查\n决定\r\n送达',
  'C:\\new\\table 与 \\N 与 \\\\ 字面',
  '\b\f\v 控制字符 \u0001\u001f',
  '"引号" \'单引号\' 🀄 𠮷',
  '',
  null,
];

describe('copyOut', () => {
  it('reads rows as COPY text that decodes back to the stored values', async () => {
    const rows = TEXTS.map((a, i) => ({ id: i + 1, a, b: JSON.stringify({ text: a ?? '', list: [a, '\\n'] }) }));
    for (const r of rows) await sql`insert into copy_probe values (${r.id}, ${r.a}, ${r.b}::jsonb)`.execute(t.db);
    const bytes = await copyOut(t.db, 'select id, a, b from copy_probe order by id');
    const back = parseCopyText(bytes);
    expect(back.map((f) => f[0])).toEqual(rows.map((r) => String(r.id)));
    expect(back.map((f) => f[1])).toEqual(TEXTS);
    expect(back.map((f) => JSON.parse(f[2]!))).toEqual(rows.map((r) => JSON.parse(r.b)));
  });

  it('reads nothing as an empty buffer', async () => {
    const bytes = await copyOut(t.db, 'select id from copy_probe where id < 0');
    expect(bytes.length).toBe(0);
    expect(parseCopyText(bytes)).toEqual([]);
  });

  it('rejects a failing query and the database answers the next one', async () => {
    await expect(copyOut(t.db, 'select no_such_column from copy_probe')).rejects.toThrow(/no_such_column/);
    const n = await sql<{ n: number }>`select count(*)::int as n from copy_probe`.execute(t.db);
    expect(n.rows[0]!.n).toBe(TEXTS.length);
    expect(parseCopyText(await copyOut(t.db, 'select count(*) from copy_probe'))).toEqual([[String(TEXTS.length)]]);
  });
});

describe('parseCopyText', () => {
  it('decodes a buffer of many pieces exactly: lines across piece boundaries, one line longer than a piece', () => {
    const enc = (f: string | null) =>
      f === null
        ? '\\N'
        : f.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
    const rows: (string | null)[][] = [];
    for (let i = 0; i < 400; i++)
      rows.push([String(i), `第${i}项 行政许可𠮷🀄`.repeat(1 + (i % 40)), i % 7 ? `依据\t第${i}条\n内容\\` : null]);
    rows.splice(200, 0, ['长', '责'.repeat(70_000), 'x']); // 210 KB of UTF-8 in one line
    const bytes = Buffer.from(rows.map((r) => `${r.map(enc).join('\t')}\n`).join(''), 'utf8');
    expect(bytes.length).toBeGreaterThan(400_000);
    expect(parseCopyText(bytes)).toEqual(rows);
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(() => parseCopyText(new Uint8Array([0x61, 0xff, 0x0a]))).toThrow();
  });
});
