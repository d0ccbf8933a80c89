// A delegation without a receiving body is bad input: a 4xx with a Chinese message, never a 500.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';

let t: TestApp;
beforeAll(async () => (t = await setupTestApp()));
afterAll(() => t.close());

it('answers a delegation or entrustment without a receiving body with a 4xx', async () => {
  const c = await t.login('clerk.scjg');
  for (const kind of ['delegate', 'entrust']) {
    const res = await c.post('/api/adjustments', {
      title: '下放食品经营许可',
      kind,
      triggerKind: 'other',
      triggerDate: '2026-11-20',
      reason: '简政放权',
      legalBasis: '《中华人民共和国行政许可法》第二十四条',
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details[0].field).toBe('receivingBodyId');
  }
});
