// Who may see and act on a delegation's records, and the record as the contract describes it.
// Scope first (outside it: 404), then the kind: only a 下放 or 委托 carries these records (§13.2).
import type { Actor } from '../../core/actor.js';
import { todayInBeijing } from '../../core/calendar/index.js';
import {
  ASSESSMENT_SECTIONS,
  FINDING_LABELS,
  HANDOVER_ITEM_LABELS,
  HANDOVER_ITEMS,
  type Delegation,
} from '../../contract/delegation.js';
import {
  assessmentRefusal,
  canAcknowledgeFiling,
  canAnswerRelated,
  canConfirmHandover,
  canWaiveRelated,
  handoverComplete,
  handoverMissed,
  isDelegationApplicant,
  isDelegationKind,
  receivingResponsible,
  trainingNeeds,
} from '../../core/policies/delegation.js';
import { AppError, notFound } from '../../core/errors.js';
import { bodiesWithRole, canViewAdjustment } from '../../core/policies/index.js';
import { getRulebook, type Role } from '../../core/rulebook/index.js';
import type { Db } from '../../platform/db.js';
import { findAdjustment, lockAdjustment, type AdjustmentRecord } from '../adjustments/adjustments.repo.js';
import { applicationRoles } from '../adjustments/receiving.js';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import {
  assessmentOf,
  attachmentsAmong,
  delegatedCategories,
  entrustmentOf,
  findingsOf,
  handoverOf,
  relatedOf,
  trainingsOf,
} from './delegation.repo.js';

export interface Scoped {
  a: AdjustmentRecord & { kind: 'delegate' | 'entrust' };
  roles: Role[];
  actor: Actor;
}

/** §13.2 ¶2: the bodies whose lead unit the actor is and that are asked about this application. */
async function askedOf(db: Db, actor: Actor, adjustmentId: number): Promise<number[]> {
  const mine = bodiesWithRole(actor, 'leadUnit');
  if (!mine.length) return [];
  const rows = await db
    .selectFrom('delegation_related')
    .select('body_id')
    .where('adjustment_id', '=', adjustmentId)
    .where('body_id', 'in', mine)
    .execute();
  return rows.map((r) => r.body_id);
}

/** The application if the actor may see it and it is a 下放 or 委托; locked when in a command. */
export async function scoped(db: Db, actor: Actor, id: number, trx?: Transaction<DB>): Promise<Scoped> {
  const a = trx ? await lockAdjustment(trx, id) : await findAdjustment(db, id);
  // a related body's lead unit sees the application it is asked about (§13.2 ¶2), nothing else
  if (!a || (!canViewAdjustment(actor, a) && !(await askedOf(trx ?? db, actor, a.id)).length))
    throw notFound('调整申请');
  if (!isDelegationKind(a.kind))
    throw new AppError(
      'INVALID_STATE',
      '只有下放或委托申请需要事前调研评估、业务培训和权力移交（第十三条第2项至第5项）',
    );
  return { a: a as Scoped['a'], roles: applicationRoles(actor, a), actor };
}

export const live = (a: AdjustmentRecord) => a.status === 'open' || a.status === 'due';
/** §13.1: the applicant changes its assessment until it is submitted (a return opens it again). */
export const beforeSubmission = (a: AdjustmentRecord) => live(a) && a.submittedAt === null;
/** §13.2 ¶2: related bodies are asked until the office reports to the government. */
export const beforeGovernment = (a: AdjustmentRecord) => live(a) && !a.completedSteps.includes('reportToGovernment');
/** §13.4, §13.5: training and handover go on while the application is open and after it is published. */
export const handingOver = (a: AdjustmentRecord) => a.status === 'open' || a.status === 'done';

const iso = (d: Date | string) => new Date(d).toISOString();

/** The whole record of one delegation, as the signed-in user may see and act on it. */
export async function readDelegation(db: Db, s: Scoped, at: Date): Promise<Delegation> {
  const { a, roles } = s;
  const today = todayInBeijing(at);
  const rb = getRulebook(a.rulebookId);
  const [assessment, related, trainings, handover, findings, categories, entrustment] = await Promise.all([
    assessmentOf(db, a.id),
    relatedOf(db, a.id),
    trainingsOf(db, a.id),
    handoverOf(db, a.id),
    findingsOf(db, a.id),
    delegatedCategories(db, a.id),
    entrustmentOf(db, a.id),
  ]);
  const allIds = [
    ...Object.values(assessment?.sections ?? {}).flatMap((x) => x.attachmentIds),
    ...trainings.flatMap((t) => t.materialIds),
  ];
  const files = new Map((await attachmentsAmong(db, a.id, allIds)).map((f) => [f.id, f]));
  const refs = (ids: number[]) => ids.flatMap((id) => (files.has(id) ? [files.get(id)!] : []));
  const applicant = isDelegationApplicant(roles);
  const complete = handover ? handoverComplete(handover.items) : false;
  return {
    adjustmentId: a.id,
    kind: a.kind,
    delegatingBodyName: a.bodyName,
    // §13.3: an organisation outside the register is named in the entrustment record
    receivingBodyName: a.receivingBodyName ?? entrustment?.organisation?.name ?? null,
    assessment: assessment && {
      sections: Object.fromEntries(
        ASSESSMENT_SECTIONS.map((k) => {
          const x = assessment.sections[k]!;
          return [k, { finding: x.finding, assessor: x.assessor, attachments: refs(x.attachmentIds) }];
        }),
      ) as NonNullable<Delegation['assessment']>['sections'],
      refusals: assessment.refusals,
      assessedOn: assessment.assessedOn,
      conclusion: assessment.conclusion,
      recordedBy: assessment.recordedBy,
      recordedAt: iso(assessment.recordedAt),
      permitsSubmission: assessmentRefusal(assessment.refusals) === null,
    },
    entrustment,
    related: related.map((r) => ({
      ...r,
      canAnswer: !r.answer && !r.waivedReason && beforeGovernment(a) && canAnswerRelated(s.actor, r.bodyId),
    })),
    trainings: trainings.map((t) => ({ ...t, materials: refs(t.materialIds) })),
    trainingNeeds: trainingNeeds(
      rb,
      categories,
      trainings.flatMap((t) => t.topics),
    ),
    handover: handover && {
      handoverOn: handover.handoverOn,
      items: HANDOVER_ITEMS.map((item) => {
        const x = handover.items.find((i) => i.item === item);
        return {
          item,
          label: HANDOVER_ITEM_LABELS[item],
          count: x?.count ?? null,
          note: x?.note ?? '',
          handedBy: x?.handedBy ?? null,
          handedAt: x?.handedAt ? iso(x.handedAt) : null,
          confirmedBy: x?.confirmedBy ?? null,
          confirmedAt: x?.confirmedAt ? iso(x.confirmedAt) : null,
        };
      }),
      complete,
      responsibleBodyName:
        receivingResponsible(handover.handoverOn, today, complete) && a.receivingBodyName
          ? a.receivingBodyName
          : a.bodyName,
      missed: handoverMissed(handover.handoverOn, today, complete),
    },
    findings: findings.map((f) => ({
      id: f.id,
      kind: f.kind,
      label: FINDING_LABELS[f.kind],
      detail: f.detail,
      detectedAt: iso(f.detected_at),
      sourceAdjustmentId: f.source_adjustment_id,
      source: f.source,
    })),
    can: {
      assess: applicant && beforeSubmission(a),
      entrust: applicant && beforeSubmission(a) && a.kind === 'entrust',
      nameRelated: applicant && beforeGovernment(a),
      waive: canWaiveRelated(roles) && beforeGovernment(a),
      train: applicant && handingOver(a),
      hand: applicant && handingOver(a) && !!handover,
      confirm: canConfirmHandover(roles) && handingOver(a) && !!handover,
      // §13.3: announced (and filed) once after the government's decision; acknowledged once
      announce:
        applicant &&
        a.kind === 'entrust' &&
        a.approvedAt !== null &&
        handingOver(a) &&
        !!entrustment &&
        !entrustment.announcement,
      acknowledge:
        canAcknowledgeFiling(roles) && !!entrustment?.announcement && !entrustment.announcement.acknowledgedAt,
      supervise: applicant && a.status === 'done' && !!entrustment?.announcement,
    },
  };
}
