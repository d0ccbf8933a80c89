// Drafts are listed in the actor's scope by the query itself (issue 11: they were listed unscoped
// and filtered afterwards), and each draft carries what its reader may do with it, decided by the
// server (spec §1: nobody submits or reviews what they wrote; §5: the offices of the body's level).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { loadActor } from '../accounts/actor.repo.js';
import { listDrafts } from './draft.repo.js';
import { licencePower } from './fixtures.js';
import { unlistedBody, type UnlistedBody } from './test-support.js';

let t: TestApp;
let body: UnlistedBody;
let clerk: Client, lead: Client, coord: Client, legal: Client;
let draftId: number;

const actorNamed = async (username: string) => {
  const u = await t.db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  return (await loadActor(t.db, u.id))!;
};

beforeAll(async () => {
  t = await setupTestApp();
  body = await unlistedBody(t, '包头市测试范围局', [
    { username: 'clerk.scope', roles: ['clerk'] },
    { username: 'lead.scope', roles: ['leadUnit'] },
  ]);
  [clerk, lead, coord, legal] = await Promise.all(
    ['clerk.scope', 'lead.scope', 'coord.city', 'legal.city'].map((u) => t.login(u)),
  );
  draftId = (await clerk.post('/api/list-drafts', { bodyId: body.bodyId })).json().id;
});
afterAll(() => t.close());

describe('drafts in scope', () => {
  it('the query never returns a draft of another body or level', async () => {
    for (const username of ['clerk.scjg', 'lead.zjj', 'coord.kdl', 'legal.kdl', 'gov.kdl', 'sysadmin', 'auditor']) {
      const rows = await listDrafts(t.db, await actorNamed(username), {});
      expect(
        rows.map((r) => r.id),
        username,
      ).not.toContain(draftId);
      // and nothing of a body the actor does not serve
      const own = (await actorNamed(username)).grants.map((g) => g.bodyId);
      if (username.startsWith('clerk') || username.startsWith('lead'))
        expect(
          rows.every((r) => own.includes(r.bodyId)),
          username,
        ).toBe(true);
    }
    for (const username of ['clerk.scope', 'lead.scope', 'coord.city', 'legal.city', 'gov.city']) {
      const rows = await listDrafts(t.db, await actorNamed(username), {});
      expect(
        rows.map((r) => r.id),
        username,
      ).toContain(draftId);
    }
  });

  it('the list route answers the same: another body’s clerk does not see the draft', async () => {
    const other = await t.login('clerk.scjg');
    expect((await other.get('/api/list-drafts')).json().map((d: { id: number }) => d.id)).not.toContain(draftId);
    expect((await lead.get('/api/list-drafts')).json().map((d: { id: number }) => d.id)).toContain(draftId);
  });
});

describe('what the reader may do comes with the draft', () => {
  it('follows the role, the state and who wrote it', async () => {
    const can = async (c: Client) => (await c.get(`/api/list-drafts/${draftId}`)).json().can;
    expect(await can(clerk)).toMatchObject({ edit: true, submit: false, review: null, publish: false });
    expect(await can(lead)).toMatchObject({ edit: false, submit: true, exportDraft: true });
    expect(await can(coord)).toMatchObject({ edit: false, submit: false, review: null, override: true });

    expect((await clerk.post(`/api/list-drafts/${draftId}/powers`, licencePower('范围测试许可'))).statusCode).toBe(201);
    expect((await lead.post(`/api/list-drafts/${draftId}/submit`)).statusCode).toBe(200);
    expect(await can(clerk)).toMatchObject({ edit: false, submit: false });
    expect(await can(coord)).toMatchObject({ review: 'preliminary', canPass: true, publish: false });
    // §5: at the city the 2023 rulebook gives the legality review to the legal office
    expect(await can(legal)).toMatchObject({ review: 'legality', canPass: true });
    // spec §1: the lead unit submitted it, so it reviews nothing
    expect(await can(lead)).toMatchObject({ review: null, canPass: false });

    expect((await coord.post(`/api/list-drafts/${draftId}/preliminary-review`, { decision: 'pass' })).statusCode).toBe(
      200,
    );
    expect(await can(coord)).toMatchObject({ review: 'preliminary', canPass: false, publish: false });
    expect((await legal.post(`/api/list-drafts/${draftId}/legality-review`, { decision: 'pass' })).statusCode).toBe(
      200,
    );
    expect(await can(coord)).toMatchObject({ publish: true });
    expect(await can(legal)).toMatchObject({ publish: false });
  });
});
