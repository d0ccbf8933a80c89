// Issue 10.5: 三员分立 without gaps — no self-grants; changes to an administrator need a second one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../../../test/harness.js';

let t: TestApp;
beforeAll(async () => (t = await setupTestApp()));
afterAll(() => t.close());

const user = (username: string) =>
  t.db
    .selectFrom('app_user')
    .select(['id', 'home_body_id', 'disabled'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
const bodyId = async (name: string) =>
  (await t.db.selectFrom('body').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
const rolesOf = async (id: number) =>
  (await t.db.selectFrom('user_role').select(['role', 'body_id']).where('user_id', '=', id).execute())
    .map((r) => `${r.role}@${r.body_id}`)
    .sort();
const actions = async (since: number) =>
  (await t.db.selectFrom('audit_event').select('action').where('seq', '>', since).orderBy('seq').execute()).map(
    (r) => r.action,
  );
const lastSeq = async () =>
  Number(
    (await t.db.selectFrom('audit_event').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow()).seq,
  );

describe('no administrator grants itself a role', () => {
  it('refuses secadmin granting itself approver at the city government and clerk at a department, and changes nothing', async () => {
    const sec = await t.login('secadmin');
    const me = await user('secadmin');
    const before = await rolesOf(me.id);
    const seq = await lastSeq();
    for (const [at, role] of [
      [me.home_body_id, 'approver'],
      [await bodyId('包头市市场监督管理局'), 'clerk'],
    ] as const) {
      const res = await sec.post(`/api/users/${me.id}/roles`, { bodyId: at, role });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
      expect(res.json().error.message).toContain('不能为本人');
    }
    expect((await sec.del(`/api/users/${me.id}/roles`, { bodyId: me.home_body_id, role: 'secAdmin' })).statusCode).toBe(
      403,
    );
    expect(await rolesOf(me.id)).toEqual(before);
    expect(await actions(seq)).toEqual(['security.refused', 'security.refused', 'security.refused']);
    expect(await t.db.selectFrom('admin_change').select('id').execute()).toHaveLength(0);
  });
});

describe('a change to another administrator needs a second administrator', () => {
  it('holds sysadmin’s disabling of the auditor until a different administrator confirms it', async () => {
    const sys = await t.login('sysadmin');
    const auditorClient = await t.login('auditor');
    const auditor = await user('auditor');
    const seq = await lastSeq();
    const res = await sys.patch(`/api/users/${auditor.id}`, { disabled: true });
    expect(res.statusCode).toBe(202);
    expect(res.json().message).toContain('另一名管理员确认');
    const changeId = res.json().pending.id;
    // nothing changed yet: the account works and its session lives
    expect((await user('auditor')).disabled).toBe(false);
    expect((await auditorClient.get('/api/session')).statusCode).toBe(200);
    expect(await actions(seq)).toEqual(['adminChange.requested']);
    // the requester cannot confirm it, nor can its subject
    const own = await sys.post(`/api/admin-changes/${changeId}/confirm`);
    expect(own.statusCode).toBe(403);
    expect(own.json().error.message).toContain('另一名管理员');
    expect((await auditorClient.post(`/api/admin-changes/${changeId}/confirm`)).statusCode).toBe(403);
    expect((await user('auditor')).disabled).toBe(false);
    // a non-administrator cannot see or confirm it
    const clerk = await t.login('clerk.scjg');
    expect((await clerk.post(`/api/admin-changes/${changeId}/confirm`)).statusCode).toBe(403);
    expect((await user('auditor')).disabled).toBe(false);
    // the security administrator sees and confirms it: now it takes effect
    const sec = await t.login('secadmin');
    // each sees what it does and whether they may confirm it: the requester and the subject may not
    const seen = async (c: Awaited<ReturnType<typeof t.login>>) =>
      (await c.get('/api/admin-changes')).json().find((x: { id: number }) => x.id === changeId);
    expect(await seen(sec)).toMatchObject({
      description: '停用账户',
      targetName: '郑红',
      targetUsername: 'auditor',
      requesterName: '周明',
      mayConfirm: true,
    });
    expect(await seen(sys)).toMatchObject({ mayConfirm: false });
    expect(await seen(auditorClient)).toMatchObject({ mayConfirm: false });
    expect((await clerk.get('/api/admin-changes')).statusCode).toBe(403);
    const ok = await sec.post(`/api/admin-changes/${changeId}/confirm`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('confirmed');
    expect((await user('auditor')).disabled).toBe(true);
    expect((await auditorClient.get('/api/session')).statusCode).toBe(401);
    const again = await sec.post(`/api/admin-changes/${changeId}/confirm`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('INVALID_STATE');
    const trail = await t.db
      .selectFrom('audit_event')
      .select(['action', 'actor_id', 'after'])
      .where('seq', '>', seq)
      .where('action', 'in', ['adminChange.requested', 'user.updated', 'adminChange.confirmed'])
      .orderBy('seq')
      .execute();
    const sysId = (await user('sysadmin')).id;
    const secId = (await user('secadmin')).id;
    expect(trail.map((r) => [r.action, r.actor_id])).toEqual([
      ['adminChange.requested', sysId],
      ['user.updated', sysId],
      ['adminChange.confirmed', secId],
    ]);
    expect(trail[1]!.after).toMatchObject({ disabled: true, confirmedBy: secId });
  });

  it('files a grant that makes someone an administrator, and a rejection leaves it ungranted', async () => {
    const sec = await t.login('secadmin');
    const gov = await user('gov.city');
    const before = await rolesOf(gov.id);
    const res = await sec.post(`/api/users/${gov.id}/roles`, { bodyId: gov.home_body_id, role: 'auditor' });
    expect(res.statusCode).toBe(202);
    expect(await rolesOf(gov.id)).toEqual(before);
    const sys = await t.login('sysadmin');
    const id = res.json().pending.id;
    // a rejection says why: without a reason it is refused and the change stays pending
    for (const body of [{}, { reason: '   ' }, { reason: '理'.repeat(201) }]) {
      const bare = await sys.post(`/api/admin-changes/${id}/reject`, body);
      expect(bare.statusCode).toBe(400);
      expect(bare.json().error.message).toMatch(/驳回理由|理由/);
    }
    expect((await sys.get('/api/admin-changes')).json().find((c: { id: number }) => c.id === id)).toMatchObject({
      status: 'pending',
      reason: null,
      description: '授予“审计管理员”角色（包头市人民政府）',
      mayConfirm: true,
    });
    const rejected = await sys.post(`/api/admin-changes/${id}/reject`, { reason: '该同志不在审计岗位' });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', reason: '该同志不在审计岗位', deciderName: '周明' });
    // no longer pending; the requester reads the decision and its reason among the decided ones
    expect((await sec.get('/api/admin-changes')).json().map((c: { id: number }) => c.id)).not.toContain(id);
    const decided = (await sec.get('/api/admin-changes?status=decided')).json();
    expect(decided.find((c: { id: number }) => c.id === id)).toMatchObject({
      status: 'rejected',
      reason: '该同志不在审计岗位',
      mayConfirm: false,
    });
    expect(await rolesOf(gov.id)).toEqual(before);
    expect((await sec.post(`/api/admin-changes/${res.json().pending.id}/confirm`)).statusCode).toBe(409);
    expect(await rolesOf(gov.id)).toEqual(before);
  });

  it('still applies at once a role change to someone who is not an administrator', async () => {
    const sec = await t.login('secadmin');
    const clerk = await user('clerk.zjj');
    const at = await bodyId('包头市住房和城乡建设局');
    const res = await sec.post(`/api/users/${clerk.id}/roles`, { bodyId: at, role: 'leadUnit' });
    expect(res.statusCode).toBe(200);
    expect(await rolesOf(clerk.id)).toContain(`leadUnit@${at}`);
  });
});

describe('the same change is pending once (QA: 停用 pressed twice)', () => {
  it('refuses a second request for the same pending change and files nothing', async () => {
    const sys = await t.login('sysadmin');
    // the tests above left the auditor disabled: start from an enabled account
    await t.db.updateTable('app_user').set({ disabled: false }).where('username', '=', 'auditor').execute();
    const auditor = await user('auditor');
    const first = await sys.patch(`/api/users/${auditor.id}`, { disabled: true });
    expect(first.statusCode).toBe(202);
    const pendingBefore = await t.db.selectFrom('admin_change').select('id').where('status', '=', 'pending').execute();
    const seq = await lastSeq();
    const second = await sys.patch(`/api/users/${auditor.id}`, { disabled: true });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('CONFLICT');
    expect(second.json().error.message).toContain('已有待确认的同一变更');
    // another administrator filing the same change is refused too
    const sec = await t.login('secadmin');
    const again = await sec.post(`/api/users/${auditor.id}/roles`, { bodyId: auditor.home_body_id, role: 'auditor' });
    expect(again.statusCode).toBe(409); // already held: nothing to request
    expect(await t.db.selectFrom('admin_change').select('id').where('status', '=', 'pending').execute()).toEqual(
      pendingBefore,
    );
    expect(await actions(seq)).not.toContain('adminChange.requested');
    expect((await user('auditor')).disabled).toBe(false);
    // confirming says what took effect, not "undefined"
    const ok = await sec.post(`/api/admin-changes/${first.json().pending.id}/confirm`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'confirmed', description: '停用账户', targetName: '郑红' });
    // once it holds, asking for it again is refused: the account is already disabled
    const noop = await sys.patch(`/api/users/${auditor.id}`, { disabled: true });
    expect(noop.statusCode).toBe(409);
    expect(noop.json().error.message).toContain('已是所要求的状态');
    // re-enable for the next test, through a second administrator
    const en = await sys.patch(`/api/users/${auditor.id}`, { disabled: false });
    expect((await sec.post(`/api/admin-changes/${en.json().pending.id}/confirm`)).statusCode).toBe(200);
    expect((await user('auditor')).disabled).toBe(false);
  });

  it('closes a duplicate filed before this rule when the other is confirmed, and refuses to confirm one that changes nothing', async () => {
    const sec = await t.login('secadmin');
    const auditor = await user('auditor');
    const sysId = (await user('sysadmin')).id;
    // two duplicates as they could be filed before (straight into the table)
    const [a, b] = await Promise.all(
      [1, 2].map(
        async () =>
          (
            await t.db
              .insertInto('admin_change')
              .values({
                kind: 'user.update',
                target_user_id: auditor.id,
                payload: JSON.stringify({ disabled: true }),
                requested_by: sysId,
                requested_at: t.clock.now,
              })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id,
      ),
    );
    const ok = await sec.post(`/api/admin-changes/${a}/confirm`);
    expect(ok.statusCode).toBe(200);
    const other = await t.db
      .selectFrom('admin_change')
      .select(['status', 'reason', 'decided_by'])
      .where('id', '=', b!)
      .executeTakeFirstOrThrow();
    expect(other).toMatchObject({ status: 'superseded', decided_by: null });
    expect(other.reason).toContain(`第${a}号`);
    expect((await sec.get('/api/admin-changes')).json().map((c: { id: number }) => c.id)).not.toContain(b);
    const trail = await t.db
      .selectFrom('audit_event')
      .select('after')
      .where('action', '=', 'adminChange.confirmed')
      .where('object_id', '=', String(a))
      .executeTakeFirstOrThrow();
    expect(trail.after).toMatchObject({ closed: [b] });
    // a leftover that no longer changes anything cannot be confirmed, and confirming it changes nothing
    const c = (
      await t.db
        .insertInto('admin_change')
        .values({
          kind: 'user.update',
          target_user_id: auditor.id,
          payload: JSON.stringify({ disabled: true }),
          requested_by: sysId,
          requested_at: t.clock.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const seq = await lastSeq();
    const refused = await sec.post(`/api/admin-changes/${c}/confirm`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('INVALID_STATE');
    expect(refused.json().error.message).toContain('已无实际效果');
    expect(
      (await t.db.selectFrom('admin_change').select('status').where('id', '=', c).executeTakeFirstOrThrow()).status,
    ).toBe('pending');
    expect(await actions(seq)).not.toContain('adminChange.confirmed');
    expect((await sec.post(`/api/admin-changes/${c}/reject`, { reason: '重复提出' })).statusCode).toBe(200);
  });
});
