// The byte scanner of json-items.ts against JSON.parse of the whole file: strings holding quotes,
// backslashes and brackets, items spanning the 1 MB read chunks, and what is not the format.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonItems } from './json-items.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'qz-json-items-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function scan(text: string) {
  const path = join(dir, `${Math.random().toString(16).slice(2)}.json`);
  await writeFile(path, text);
  const top: Record<string, string> = {};
  const out = [];
  for await (const e of jsonItems(path, top)) out.push(e);
  return { out, top };
}

describe('jsonItems', () => {
  it('reads every element as JSON.parse does, across chunk boundaries and escapes', async () => {
    const tricky = ['a"b', 'c\\', '\\"', '}]{[', '包头\\\\"', 'x'.repeat(70_000)];
    const items = Array.from({ length: 200 }, (_, i) => ({
      implementationCode: `C-${i}`,
      name: tricky[i % tricky.length] + '\\'.repeat(i % 5),
      nested: { list: [1, { deep: '"]' }], n: i },
    }));
    const text = JSON.stringify({ scope: { kind: 'level' }, format: 'f"1', items, after: 'z' });
    expect(text.length).toBeGreaterThan(2 * 1024 * 1024);
    const { out, top } = await scan(text);
    expect(out.map((e) => ('value' in e ? e.value : e))).toEqual(items);
    expect(out.map((e) => e.index)).toEqual(items.map((_, i) => i + 1));
    expect(top).toMatchObject({ format: 'f"1', after: 'z' });
  });

  it('names an unreadable element and a file that is not the format', async () => {
    const bad = await scan('{"items":[{"a":1},{"b":tru},{"c":3}]}');
    expect(bad.out.map((e) => ('error' in e ? `error@${e.index}` : e.index))).toEqual([1, 'error@2', 3]);
    expect((await scan('[1,2]')).out[0]).toMatchObject({ index: 0 });
    expect((await scan('{"items":[{"a":1}')).out.at(-1)).toMatchObject({ index: 0 });
    expect((await scan('{"items":[1,{"a":1}]}')).out.map((e) => e.index)).toEqual([1, 2]);
  });
});
