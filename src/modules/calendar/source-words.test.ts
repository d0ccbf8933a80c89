// Issue 9.7: no code words reach a user — the shipped calendar names the State Council notices
// its data comes from, not the npm package and version that carry it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await setupTestApp();
});
afterAll(() => t.close());

describe('the calendar’s source in words', () => {
  it('names 国务院办公厅节假日安排通知, never chinese-days', async () => {
    const res = await (await t.login('clerk.scjg')).get('/api/calendar/years');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('国务院办公厅历年部分节假日安排的通知');
    expect(res.body).not.toMatch(/chinese-days|\d+\.\d+\.\d+/);
  });
});
