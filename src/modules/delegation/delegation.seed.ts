// Demo delegation (issue 13): 包头市市场监督管理局 hands 特种设备使用登记 (data/reference/
// typical-powers.json, 行政许可) down to 昆都仑区市场监督管理局, written through the modules' own
// commands so every step has its audit row: the prior assessment with the three refusals, 包头市住房
// 和城乡建设局 consulted as a related body, the reviews, the consultation, the government's decision,
// training on all five 审批审核备案类 topics, the handover checklist handed over and confirmed, and
// the receiving body's 承接确认. It stops before the office publishes: the demo lists stay at version
// 1 (the register's tests and the portal's demo read them so); publishing is one click in the workspace.
import type { Actor } from '../../core/actor.js';
import { dueFor, findStep, getRulebook, levelOfPath, stepRoles, type Role } from '../../core/rulebook/index.js';
import type { Database } from '../../db/connect.js';
import { loadActor } from '../accounts/actor.repo.js';
import { findAdjustment, loadItems, type AdjustmentRecord } from '../adjustments/adjustments.repo.js';
import { createAdjustment, setItems } from '../adjustments/content.command.js';
import { duplicatesFor, resolveDuplicate } from '../adjustments/duplicates.command.js';
import { act } from '../adjustments/workflow.command.js';
import { loadCalendar } from '../calendar/calendar.repo.js';
import { answerRelated, nameRelated, saveAssessment } from './delegation.commands.js';
import { confirmItem, handItem, planHandover, recordTraining } from './handover.commands.js';

export const META = { clientIp: null };
const POWER = '特种设备使用登记';
/** 2026-04-01 + n days, 10:00 Beijing. */
export const day = (n: number) => new Date(Date.parse('2026-04-01T10:00:00+08:00') + n * 86_400_000);
export const iso = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

const USERS: Record<Role, string> = {
  clerk: 'clerk.scjg',
  leadUnit: 'lead.scjg',
  coordinator: 'coord.city',
  legalReviewer: 'legal.city',
  approver: 'gov.city',
  receiver: 'lead.kdl.scjg',
};

export async function actor(db: Database, username: string): Promise<Actor> {
  const u = await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  return (await loadActor(db, u.id))!;
}

export const bodyId = async (db: Database, region: string, name: string) =>
  (
    await db
      .selectFrom('body')
      .select('id')
      .where('region_code', '=', region)
      .where('name', '=', name)
      .executeTakeFirstOrThrow()
  ).id;

const section = (finding: string, assessor: string) => ({ finding, assessor, attachmentIds: [] });

/** Run after the demo register and accounts. Skipped when the demo list has no such power. */
export async function loadDemoDelegation(db: Database) {
  const scjg = await bodyId(db, '150200', '包头市市场监督管理局');
  const kdl = await bodyId(db, '150203', '昆都仑区市场监督管理局');
  const zjj = await bodyId(db, '150200', '包头市住房和城乡建设局');
  const target = await db
    .selectFrom('power')
    .select('code')
    .where('body_id', '=', scjg)
    .where('name', '=', POWER)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
  if (!target) return;
  let n = 0;
  const at = () => ({ db, clock: () => day(n) });
  const as = (u: string) => actor(db, u);
  const clerk = await as(USERS.clerk);

  const created = await createAdjustment(at(), clerk, META, scjg, {
    title: `下放“${POWER}”至昆都仑区市场监督管理局`,
    kind: 'delegate',
    triggerKind: 'other',
    triggerDate: '2026-03-31',
    reason: '方便企业就近办理特种设备使用登记，减少办理层级，实现同级审批（第十三条第2项）。',
    legalBasis: '《中华人民共和国特种设备安全法》第三十三条；《特种设备使用管理规则》',
    takeover: '昆都仑区市场监督管理局已配备特种设备安全监察人员，见事前调研评估。',
    receivingBodyId: kdl,
  });
  const id = created.id;
  const a0 = (await findAdjustment(db, id))!;
  await setItems(at(), clerk, META, id, [{ targetCode: target.code }], a0.version);
  for (const d of await duplicatesFor(db, a0, await loadItems(db, id)))
    await resolveDuplicate(at(), clerk, META, id, d.ord, { choice: 'merge' });

  n = 1;
  await saveAssessment(at(), clerk, META, id, {
    sections: {
      staff: section('区局特种设备安全监察股现有监察人员5名，其中持特种设备安全监察员证4名', '王建国'),
      qualifications: section('经办人员均取得特种设备安全监察员资格，熟悉使用登记办理流程', '王建国'),
      equipment: section('区局政务服务窗口已设特种设备受理岗，配备扫描、打证设备', '刘敏'),
      systems: section('已开通全国特种设备安全监管平台区级账号和自治区政务服务平台办理权限', '刘敏'),
      implementation: section('区局已制定承接工作方案和办事指南，明确受理、审核、发证各环节责任人', '王建国'),
      supervision: section('市局按季度对区局使用登记办理情况开展业务指导和抽查，纳入年度考核', '王建国'),
    },
    refusals: {
      unlawful: {
        answer: 'no',
        reason: '《特种设备安全法》第三十三条规定向负责特种设备安全监督管理的部门办理使用登记，区局属该部门',
      },
      policyRisk: { answer: 'no', reason: '使用登记为程序性事项，下放后办理标准不变，未发现政策风险' },
      cannotCarry: { answer: 'no', reason: '区局人员、资质、设备和系统均已具备，可承接' },
    },
    assessedOn: iso(day(1)),
    conclusion: '具备调整下放条件',
  });
  await nameRelated(at(), clerk, META, id, [zjj]);
  const related = (
    await db.selectFrom('delegation_related').select('id').where('adjustment_id', '=', id).execute()
  )[0]!;

  const rb = getRulebook(a0.rulebookId);
  const roles = (step: string) => {
    const def = findStep(rb, a0.kind, step as never)!;
    return stepRoles(rb, def, levelOfPath(a0.regionPath));
  };
  // the procedure in order, one working step a day, until only publication is left
  for (let guard = 0; guard < 20; guard++) {
    const a = (await findAdjustment(db, id))!;
    const step = a.openSteps[0];
    if (!step || step === 'publish') break;
    n += 1;
    if (step === 'reportToGovernment') {
      await answerRelated(at(), await as('lead.zjj'), META, related.id, {
        answer: 'agree',
        reason: '电梯等特种设备的使用登记下放后，区住建部门配合做好住宅小区电梯使用管理',
        ownApprovalMovesDown: false,
      });
    }
    if (step === 'receivingConfirm') await trainAndHandOver(db, id, () => (n += 1));
    n = await completeStep(db, a, step, await as(USERS[roles(step)[0]!]), n, '包府办发〔2026〕18号');
  }
}

/** One step of a demo application on day n (a consultation opened and run to its end first); the next day. */
export async function completeStep(
  db: Database,
  a: AdjustmentRecord,
  step: string,
  who: Actor,
  n: number,
  decision: string,
) {
  const rb = getRulebook(a.rulebookId);
  const at = () => ({ db, clock: () => day(n) });
  if (step === 'consultation' && a.completedSteps.length && !(await openConsultation(db, a.id))) {
    const opensOn = iso(day(n));
    const clock = findStep(rb, a.kind, 'consultation')!.clock!;
    const closesOn = dueFor(rb, clock, opensOn, await loadCalendar(db)).date;
    await act(at(), who, META, a.id, { action: 'openConsultation', step: step as never, opensOn, closesOn });
    n += Math.round((Date.parse(closesOn) - Date.parse(opensOn)) / 86_400_000) + 1;
  }
  await act(at(), who, META, a.id, {
    action: 'complete',
    step: step as never,
    ...(step === 'approval' ? { normativeDocumentNumber: decision } : {}),
  });
  return n;
}

const openConsultation = async (db: Database, id: number) =>
  db.selectFrom('consultation').select('id').where('adjustment_id', '=', id).executeTakeFirst();

/** §13.4, §13.5: two training sessions, then the checklist handed over and confirmed on the date. */
async function trainAndHandOver(db: Database, id: number, next: () => number) {
  const clerk = await actor(db, USERS.clerk);
  const receiver = await actor(db, USERS.receiver);
  const deps = (n: number) => ({ db, clock: () => day(n) });
  const attendees = ['昆都仑区市场监督管理局 李娜', '昆都仑区市场监督管理局 赵磊', '昆都仑区市场监督管理局 孙宇'];
  let n = next();
  await recordTraining(deps(n), clerk, META, id, {
    heldOn: iso(day(n)),
    organiser: '包头市市场监督管理局特种设备安全监察科',
    attendees,
    topics: ['受理', '材料审核', '实地踏察'],
    materialAttachmentIds: [],
  });
  n = next();
  await recordTraining(deps(n), clerk, META, id, {
    heldOn: iso(day(n)),
    organiser: '包头市市场监督管理局特种设备安全监察科',
    attendees,
    topics: ['审核验收', '裁量权'],
    materialAttachmentIds: [],
  });
  await planHandover(deps(n), clerk, META, id, iso(day(n + 3)));
  n = next();
  const items = [
    ['permissions', null, '开通全国特种设备安全监管平台区级登记权限3个账号'],
    ['data', 1462, '移交昆都仑区辖区在用特种设备登记数据'],
    ['policyBasis', null, '移交使用登记办理依据、办事指南和裁量基准'],
    ['caseFiles', 318, '移交近三年辖区使用登记纸质卷宗'],
  ] as const;
  for (const [item, count, note] of items) await handItem(deps(n), clerk, META, id, item, { count, note });
  n = next();
  for (const [item] of items) await confirmItem(deps(n), receiver, META, id, item);
}
