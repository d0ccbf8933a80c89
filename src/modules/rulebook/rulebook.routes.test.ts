// GET /api/rulebooks/:id answers each shipped rulebook whole: the contract's schema (issue 11)
// names every part the workspace reads (steps, clocks, kinds, roles) and drops nothing the core's
// rulebook holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';
import { getRulebook, listRulebooks } from '../../core/rulebook/index.js';
import { rulebookSchema } from '../../contract/rulebook.js';

let t: TestApp;
beforeAll(async () => {
  t = await setupTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('the rulebook as data', () => {
  it('each shipped rulebook comes back as the core holds it, in the contract’s shape', async () => {
    const clerk = await t.login('clerk.scjg');
    const index = await clerk.get('/api/rulebooks');
    expect(index.statusCode).toBe(200);
    const ids = index.json().rulebooks.map((r: { id: string }) => r.id);
    expect(ids).toEqual(listRulebooks().map((r) => r.id));
    for (const id of ids) {
      const res = await clerk.get(`/api/rulebooks/${id}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body).toEqual(JSON.parse(JSON.stringify(getRulebook(id))));
      const wire = rulebookSchema.parse(body);
      // §12: the filing clock of the submit step, with its article, as the workspace shows it
      const submit = Object.values(wire.procedures)
        .flatMap((p) => p.stages.flat())
        .find((s) => s.id === 'submit');
      expect(submit?.clock).toMatchObject({ unit: 'workday', kind: 'deadline' });
      expect(submit?.clock?.articleText).toBeTruthy();
    }
  });

  it('an unknown rulebook is 404', async () => {
    const res = await (await t.login('clerk.scjg')).get('/api/rulebooks/baotou-1999');
    expect(res.statusCode).toBe(404);
  });
});
