// §13.3 依法委托行政权力: the applicant of a 委托 records its 法律/法规/规章 basis, the written
// instrument (书面委托, one of the application's attachments) and, when the entrusted party is an
// organisation outside the register, that organisation; once the government has decided, it
// publishes the 委托公告 on the portal, which is its filing (报备) with the office too; the office
// acknowledges the filing; the entrusting body records its guidance and inspections of the party.
import type { Actor, RequestMeta } from '../../core/actor.js';
import { todayInBeijing } from '../../core/calendar/index.js';
import type { EntrustmentInput, SupervisionInput } from '../../contract/delegation.js';
import { AppError } from '../../core/errors.js';
import {
  canAcknowledgeFiling,
  delegationApplicantRole,
  isDelegationApplicant,
} from '../../core/policies/delegation.js';
import { recordAudit } from '../audit/audit.repo.js';
import { loadItems } from '../adjustments/adjustments.repo.js';
import { notify, peopleFor } from '../adjustments/inbox.repo.js';
import { assertOwnAttachments, onDelegation, type Deps } from './delegation.commands.js';
import { announcementOf, entrustmentOf } from './entrustment.repo.js';
import { beforeSubmission, type Scoped } from './delegation.view.js';

const ENTRUST_ONLY = '只有委托申请需要填写委托依据和委托书（第十三条第3项）';

function assertEntrustingBody({ a, roles }: Scoped, what: string) {
  if (a.kind !== 'entrust') throw new AppError('INVALID_STATE', ENTRUST_ONLY);
  if (!isDelegationApplicant(roles))
    throw new AppError('FORBIDDEN', `只有委托机关的经办人或牵头机构可以${what}（第十三条第3项）`);
}

export function saveEntrustment(deps: Deps, actor: Actor, meta: RequestMeta, id: number, input: EntrustmentInput) {
  return onDelegation(deps, actor, id, async (trx, s, at) => {
    const { a, roles } = s;
    assertEntrustingBody(s, '填写委托依据');
    if (!beforeSubmission(a))
      throw new AppError('INVALID_STATE', '调整申请已报送，委托依据不能再修改（退回修改后可以修改）');
    // §13.3: one entrusted party — the body chosen on the application or an organisation
    if (input.organisation && a.receivingBodyId !== null)
      throw new AppError(
        'VALIDATION_FAILED',
        `申请已选择受委托机构“${a.receivingBodyName}”，不能再填写受委托组织；委托平台外的组织请先清除受委托机构`,
        [{ field: 'organisation', message: '受委托方只能是一个' }],
      );
    if (input.instrumentAttachmentId) await assertOwnAttachments(trx, a.id, [input.instrumentAttachmentId]);
    const o = input.organisation;
    const row = {
      basis_level: input.basisLevel,
      basis_document: input.basisDocument,
      basis_article: input.basisArticle,
      instrument_attachment_id: input.instrumentAttachmentId,
      organisation_name: o?.name ?? null,
      organisation_credit_code: o?.creditCode ?? null,
      organisation_function: o?.publicFunction ?? null,
      recorded_by: actor.userId,
      recorded_at: at,
    };
    await trx
      .insertInto('delegation_entrustment')
      .values({ adjustment_id: a.id, ...row })
      .onConflict((oc) => oc.column('adjustment_id').doUpdateSet(row))
      .execute();
    await recordAudit(trx, {
      actor,
      role: delegationApplicantRole(roles),
      bodyId: a.bodyId,
      action: 'delegation.entrustmentRecorded',
      objectType: 'adjustment',
      objectId: a.id,
      after: input,
      meta,
      at,
    });
  });
}

/** §13.3 向社会公告，同时向本级协调小组办公室报备 — after the government's decision, once. */
export function announceEntrustment(deps: Deps, actor: Actor, meta: RequestMeta, id: number) {
  return onDelegation(deps, actor, id, async (trx, s, at) => {
    const { a, roles } = s;
    assertEntrustingBody(s, '发布委托公告');
    if (a.approvedAt === null || !(a.status === 'open' || a.status === 'done'))
      throw new AppError('INVALID_STATE', '本级人民政府审定委托后，才能发布委托公告并报备（第十三条第3项）');
    if (await announcementOf(trx, a.id)) throw new AppError('CONFLICT', '委托公告已经发布，不能重复发布');
    const e = await entrustmentOf(trx, a.id);
    const partyName = e?.organisation?.name ?? a.receivingBodyName;
    if (!e || !partyName) throw new AppError('INVALID_STATE', '尚未填写委托依据或受委托方，不能发布委托公告');
    const powers = (await loadItems(trx, a.id)).flatMap((i) => {
      const p = i.proposed ?? i.base;
      return p && i.targetCode ? [{ code: i.targetCode, name: p.name, category: p.category }] : [];
    });
    const announcement = {
      party_name: partyName,
      party_kind: e.organisation ? ('organisation' as const) : ('body' as const),
      powers: JSON.stringify(powers),
      basis: `${e.basisDocument}${e.basisArticle}`,
      decision: a.normativeDocumentNumber,
      announced_on: todayInBeijing(at),
    };
    await trx
      .insertInto('delegation_announcement')
      .values({ adjustment_id: a.id, body_id: a.bodyId, ...announcement, announced_by: actor.userId, announced_at: at })
      .execute();
    await recordAudit(trx, {
      actor,
      role: delegationApplicantRole(roles),
      bodyId: a.bodyId,
      action: 'delegation.entrustmentAnnounced',
      objectType: 'adjustment',
      objectId: a.id,
      after: { ...announcement, powers },
      meta,
      at,
    });
    // 报备: the office of the body's level is told there is a filing to acknowledge
    const people = await peopleFor(trx, ['coordinator'], a);
    await notify(
      trx,
      people.map((p) => ({
        userId: p.userId,
        kind: 'notice' as const,
        adjustmentId: a.id,
        title: `委托报备：${a.bodyName}委托${partyName}实施${powers.length}项行政权力`,
        body: `请在“下放与委托”中确认收到报备（第十三条第3项）`,
        dedupeKey: `entrustmentFiled:${a.id}`,
      })),
      at,
    );
  });
}

/** §13.3 报备: the coordination office of the body's level acknowledges the filing, once. */
export function acknowledgeFiling(deps: Deps, actor: Actor, meta: RequestMeta, id: number, note: string) {
  return onDelegation(deps, actor, id, async (trx, { a, roles }, at) => {
    if (a.kind !== 'entrust') throw new AppError('INVALID_STATE', ENTRUST_ONLY);
    if (!canAcknowledgeFiling(roles))
      throw new AppError('FORBIDDEN', '委托报备由本级协调小组办公室确认（第十三条第3项）');
    const n = await announcementOf(trx, a.id);
    if (!n) throw new AppError('INVALID_STATE', '委托机关尚未发布委托公告并报备');
    if (n.acknowledgedAt) throw new AppError('CONFLICT', '委托报备已经确认');
    await trx
      .updateTable('delegation_announcement')
      .set({ acknowledged_by: actor.userId, acknowledged_at: at, acknowledgement_note: note || null })
      .where('adjustment_id', '=', a.id)
      .execute();
    await recordAudit(trx, {
      actor,
      role: 'coordinator',
      bodyId: a.bodyId,
      action: 'delegation.filingAcknowledged',
      objectType: 'adjustment',
      objectId: a.id,
      after: { note },
      meta,
      at,
    });
  });
}

/** §13.3 对受委托主体行使的行政权力进行指导和监督: a guidance or an inspection, once announced. */
export function recordSupervision(deps: Deps, actor: Actor, meta: RequestMeta, id: number, input: SupervisionInput) {
  return onDelegation(deps, actor, id, async (trx, s, at) => {
    const { a, roles } = s;
    assertEntrustingBody(s, '登记对受委托方的指导和监督');
    if (!(await announcementOf(trx, a.id)) || a.status !== 'done')
      throw new AppError('INVALID_STATE', '委托公布施行并发布委托公告后，才能登记对受委托方的指导和监督');
    if (input.heldOn > todayInBeijing(at))
      throw new AppError('VALIDATION_FAILED', '日期不能晚于今天（请在指导或检查后登记）', [
        { field: 'heldOn', message: '日期不能晚于今天' },
      ]);
    const row = await trx
      .insertInto('delegation_supervision')
      .values({
        adjustment_id: a.id,
        kind: input.kind,
        held_on: input.heldOn,
        summary: input.summary,
        problems: input.problems,
        recorded_by: actor.userId,
        recorded_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor,
      role: delegationApplicantRole(roles),
      bodyId: a.bodyId,
      action: 'delegation.supervisionRecorded',
      objectType: 'adjustment',
      objectId: a.id,
      after: { supervisionId: row.id, ...input },
      meta,
      at,
    });
  });
}
