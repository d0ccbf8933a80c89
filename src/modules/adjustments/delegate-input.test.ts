// A delegation without a receiving body is bad input: a 4xx with a Chinese message, never a 500.
// An entrustment may go to an organisation outside the register (§13.3), so it may leave it empty.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';

let t: TestApp;
beforeAll(async () => (t = await setupTestApp()));
afterAll(() => t.close());

const body = (kind: string) => ({
  title: '下放食品经营许可',
  kind,
  triggerKind: 'other',
  triggerDate: '2026-11-20',
  reason: '简政放权',
  legalBasis: '《中华人民共和国行政许可法》第二十四条',
});

it('answers a delegation without a receiving body with a 4xx', async () => {
  const c = await t.login('clerk.scjg');
  const res = await c.post('/api/adjustments', body('delegate'));
  expect(res.statusCode, res.body).toBe(400);
  expect(res.json().error.code).toBe('VALIDATION_FAILED');
  expect(res.json().error.details[0].field).toBe('receivingBodyId');
});

// §13.3: an entrustment may name an organisation outside the register in its entrustment record;
// one naming neither is refused at submission (src/modules/delegation/entrustment-parties.test.ts)
it('takes an entrustment without a receiving body as a draft', async () => {
  const c = await t.login('clerk.scjg');
  const res = await c.post('/api/adjustments', body('entrust'));
  expect(res.statusCode, res.body).toBe(201);
  expect(res.json()).toMatchObject({ kind: 'entrust', receivingBodyId: null });
});
