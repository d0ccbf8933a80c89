// Test fixtures for adjustments: a body's list published with a few known powers (on top of
// whatever the demo data published), through the register's own publishVersion.
import type { Power } from '../../core/register/index.js';
import { nextCode } from '../../core/register/index.js';
import type { TestApp, Client } from '../../../test/harness.js';
import { issueCodes, loadCurrentList, publishVersion } from '../register/publish.js';

export type FixturePower = Partial<Power> & Pick<Power, 'name' | 'category'>;

export const power = (name: string, category = 'XK', over: Partial<Power> = {}): FixturePower => ({
  name,
  category,
  responsibleSubject: '包头市市场监督管理局',
  implementingAgency: '包头市市场监督管理局',
  legalBases: [{ documentName: '《中华人民共和国行政许可法》', level: '法律', article: '第十二条', text: '' }],
  responsibilities: [{ order: 1, name: '受理责任', content: '依法受理申请' }],
  accountabilityCases: ['对符合法定条件的申请不予受理的'],
  accountabilityBasis: '《中华人民共和国行政许可法》第七十二条',
  remarks: '',
  ...over,
});

/** The values of a new power in an application, complete as §6 ¶3 and §7 ask (the citation is in the register). */
export const complete = (name: string, category = 'XK') => power(name, category) as Record<string, unknown>;

export async function bodyIdOf(t: TestApp, name: string): Promise<number> {
  return (await t.db.selectFrom('body').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}

/** Publish the body's current list plus `powers` (new codes) as its next version; returns their codes. */
export async function publishFixture(t: TestApp, bodyName: string, powers: FixturePower[]) {
  const bodyId = await bodyIdOf(t, bodyName);
  return t.db.transaction().execute(async (trx) => {
    const body = await trx
      .selectFrom('body')
      .select(['region_code', 'seq'])
      .where('id', '=', bodyId)
      .executeTakeFirstOrThrow();
    const current = await loadCurrentList(trx, bodyId);
    const issued = (await trx.selectFrom('power_code').select('code').where('body_id', '=', bodyId).execute()).map(
      (r) => r.code,
    );
    const added: Power[] = powers.map((p) => {
      const code = nextCode(issued, {
        regionCode: body.region_code,
        bodyCode: String(body.seq).padStart(3, '0'),
        category: p.category,
      });
      issued.push(code);
      return {
        parentId: null,
        responsibleSubject: bodyName,
        implementingAgency: bodyName,
        legalBases: [],
        responsibilities: [],
        accountabilityCases: [],
        accountabilityBasis: '',
        remarks: '',
        status: 'active',
        ...p,
        code,
      };
    });
    await issueCodes(
      trx,
      bodyId,
      added.map((p) => p.code),
    );
    const r = await publishVersion(trx, {
      bodyId,
      powers: [...current.powers, ...added],
      source: { type: 'compilation', id: 0 },
      rulebookId: 'baotou-2023',
      actor: null,
      at: t.clock.now,
      note: '测试数据',
    });
    return { bodyId, codes: added.map((p) => p.code), version: r.version };
  });
}

/** The audit actions written about one application, oldest first: a refusal must add none. */
export async function auditActionsOf(t: TestApp, id: number): Promise<string[]> {
  const rows = await t.db
    .selectFrom('audit_event')
    .select('action')
    .where('object_type', '=', 'adjustment')
    .where('object_id', '=', String(id))
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.action);
}

export async function versionOf(t: TestApp, bodyId: number): Promise<number | null> {
  return (await loadCurrentList(t.db, bodyId)).version;
}

export async function powerAt(t: TestApp, bodyId: number, code: string) {
  return (await loadCurrentList(t.db, bodyId)).powers.find((p) => p.code === code);
}

/** Set the test clock to a Beijing date and time, and sign in afresh (sessions idle out). */
export function at(t: TestApp, beijing: string) {
  t.clock.now = new Date(`${beijing}+08:00`);
}

export const expectOk = async (res: Awaited<ReturnType<Client['get']>>, status = 200) => {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res.json();
};

export const CITY: Record<string, string> = {
  clerk: 'clerk.scjg',
  leadUnit: 'lead.scjg',
  coordinator: 'coord.city',
  legalReviewer: 'legal.city',
  approver: 'gov.city',
};

/** Beijing date of the test clock plus n calendar days. */
function plusDays(t: TestApp, n: number) {
  return new Date(t.clock.now.getTime() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);
}

/** §13(五): the receiving body's step is done by its lead unit (the first such account by name). */
export async function receiverOf(t: TestApp, receivingBodyId: number | null): Promise<string> {
  if (!receivingBodyId) throw new Error('drive: no receiving body');
  const u = await t.db
    .selectFrom('user_role as ur')
    .innerJoin('app_user as u', 'u.id', 'ur.user_id')
    .select('u.username')
    .where('ur.role', '=', 'leadUnit')
    .where('ur.body_id', '=', receivingBodyId)
    .where('u.disabled', '=', false)
    .orderBy('u.username')
    .executeTakeFirstOrThrow();
  return u.username;
}

/**
 * Complete steps of application `id` with the role-holders in `users` until `until` is open
 * (or the application is done); the receiving body's confirmation of a 下放 or 委托 by its lead
 * unit unless `users.receiver` names someone. A consultation is opened for the minimum 5 days and the
 * clock moved past it.
 */
export async function drive(t: TestApp, id: number, until: string | null, users = CITY) {
  for (let guard = 0; guard < 30; guard++) {
    const any = await t.login(users.coordinator);
    const a = await expectOk(await any.get(`/api/adjustments/${id}`));
    if (a.status !== 'open' || (until && a.openSteps.includes(until))) return a;
    const stepId: string = a.openSteps[0];
    const def = a.deadlines.find((d: { step: string }) => d.step === stepId);
    const c = await t.login(users[def.roles[0]] ?? (await receiverOf(t, a.receivingBodyId)));
    // §13.2: a 下放 or 委托 is submitted with a prior assessment that finds no refusal
    if (stepId === 'submit' && (a.kind === 'delegate' || a.kind === 'entrust'))
      await assessFixture(t, id, users.clerk ?? 'clerk.scjg', a.kind);
    if (stepId === 'consultation' && !a.consultation) {
      await expectOk(await c.post(`/api/adjustments/${id}/consultation`, { closesOn: plusDays(t, 5) }));
      t.clock.now = new Date(t.clock.now.getTime() + 6 * 86_400_000);
      continue;
    }
    // §13.1: the platform step rests on a reconciliation that shows the changes on the regional platform
    if (stepId === 'platformSync') await reconcileFixture(t, id, c, users);
    const body = stepId === 'approval' ? { normativeDocumentNumber: `包府发〔2026〕${id}号` } : {};
    await expectOk(await c.post(`/api/adjustments/${id}/steps/${stepId}/complete`, body));
  }
  throw new Error('drive: too many steps');
}

/** A multipart body of one file in field `file`, as a browser sends it. */
function fileUpload(file: Buffer, filename: string, type: string) {
  const boundary = `----qzFixture${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/**
 * §13.1 (issue 14.1): as if the regional platform had taken the published changes — each list the
 * application changed is exported in the exchange format, imported back as the platform's export
 * (by the body's own staff), and the reconciliation attached to the application by `attacher`.
 */
export async function reconcileFixture(t: TestApp, id: number, attacher: Client, users = CITY) {
  const a = await t.db
    .selectFrom('adjustment')
    .select(['body_id', 'receiving_body_id', 'receiving_published_version'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const sides: [number, string][] = [[a.body_id, users.clerk ?? 'clerk.scjg']];
  if (a.receiving_body_id !== null && a.receiving_published_version !== null && a.receiving_body_id !== a.body_id)
    sides.push([a.receiving_body_id, await receiverOf(t, a.receiving_body_id)]);
  for (const [bodyId, who] of sides) {
    const c = await t.login(who);
    const file = (await c.get(`/api/regional-platform/bodies/${bodyId}/export.json`)).rawPayload;
    const m = fileUpload(file, 'regional-platform.json', 'application/json');
    const rec = await expectOk(
      await c.request('POST', `/api/regional-platform/bodies/${bodyId}/reconciliations`, m.payload, m.headers),
      201,
    );
    await expectOk(await attacher.post(`/api/regional-platform/adjustments/${id}/sync`, { reconciliationId: rec.id }));
  }
}

/** Create an application as the clerk and list its items; returns its id. */
/** Upload `pdf` as an attachment of application `id`, as `user`; returns the attachment's id. */
export async function attachPdf(t: TestApp, user: string, id: number, filename: string, pdf: Buffer): Promise<number> {
  const res = await (await t.login(user)).request(
    'POST',
    `/api/adjustments/${id}/attachments?filename=${encodeURIComponent(filename)}`,
    pdf,
    { 'content-type': 'application/pdf' },
  );
  return (await expectOk(res, 201)).id as number;
}

export async function draftApplication(t: TestApp, clerk: string, body: Record<string, unknown>, items: unknown[]) {
  const c = await t.login(clerk);
  const a = await expectOk(
    await c.post('/api/adjustments', {
      triggerKind: 'other',
      triggerDate: plusDays(t, -1),
      reason: '测试理由',
      legalBasis: '测试依据',
      ...body,
    }),
    201,
  );
  if (items.length) await expectOk(await c.put(`/api/adjustments/${a.id}/items`, { items, version: a.version }));
  return a.id as number;
}

/** §13.2 ¶1: a complete prior assessment that answers every refusal "no" (unless `yes` names some). */
export function assessmentFixture(assessedOn: string, yes: string[] = []) {
  const section = (finding: string) => ({ finding, assessor: '王建国', attachmentIds: [] });
  return {
    sections: {
      staff: section('承接部门现有审批人员6名，均已取得执法证'),
      qualifications: section('经办人员具备相应业务资质'),
      equipment: section('办公场所和检测设备满足办理需要'),
      systems: section('已开通自治区政务服务平台办理权限'),
      implementation: section('承接部门已制定承接方案和办事指南'),
      supervision: section('放权部门按季度开展业务指导和抽查'),
    },
    refusals: Object.fromEntries(
      ['unlawful', 'policyRisk', 'cannotCarry'].map((r) => [
        r,
        { answer: yes.includes(r) ? 'yes' : 'no', reason: yes.includes(r) ? '经评估存在该情形' : '经评估不存在该情形' },
      ]),
    ),
    assessedOn,
    conclusion: yes.length ? '不具备下放条件' : '具备调整下放条件',
  };
}

/** Record the passing assessment of application `id` as `clerk` (and a 委托's basis), if it has none yet. */
export async function assessFixture(t: TestApp, id: number, clerk: string, kind = 'delegate') {
  const c = await t.login(clerk);
  const d = await expectOk(await c.get(`/api/adjustments/${id}/delegation`));
  if (!d.assessment)
    await expectOk(await c.put(`/api/adjustments/${id}/delegation/assessment`, assessmentFixture(plusDays(t, 0))));
  // §13.3: a 委托 rests on a law, regulation or rule
  if (kind === 'entrust' && !d.entrustment)
    await expectOk(
      await c.put(`/api/adjustments/${id}/delegation/entrustment`, {
        basisLevel: '法律',
        basisDocument: '《中华人民共和国行政许可法》',
        basisArticle: '第二十四条',
      }),
    );
}
