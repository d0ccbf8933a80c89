// Demo year of §15 for 包头市 and 昆都仑区, written through the module's own commands so every
// step has its audit row and its clock: an adopted opinion (web → body), a complaint found true
// that opens a supervision finding (phone → the city office), a report not borne out (hall → the
// 昆都仑区 office), and two recent ones still in moderation or waiting for a handler. Bodies and
// powers are those of data/reference/ as the demo register published them.
import type { Actor } from '../../core/actor.js';
import type { Database } from '../../db/connect.js';
import { loadActor } from '../accounts/actor.repo.js';
import { answerFeedback } from './feedback.answer.js';
import { assignFeedback, intakeFeedback, moderateFeedback, submitFeedback } from './feedback.commands.js';

const CITY = '150200';
const KDL = '150203';
const META = { clientIp: null };
const bj = (s: string) => new Date(`${s}+08:00`);

async function actor(db: Database, username: string): Promise<Actor> {
  const u = await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  const a = await loadActor(db, u.id);
  if (!a) throw new Error(`演示账户 ${username} 无法加载`);
  return a;
}

async function about(db: Database, region: string, bodyName: string, powerName: string) {
  const b = await db
    .selectFrom('body')
    .select('id')
    .where('region_code', '=', region)
    .where('name', '=', bodyName)
    .executeTakeFirstOrThrow();
  const p = await db
    .selectFrom('power')
    .select('code')
    .where('body_id', '=', b.id)
    .where('valid_to', 'is', null)
    .where('name', '=', powerName)
    .executeTakeFirst();
  return { bodyId: b.id, powerCode: p?.code ?? null };
}

/** Run after the demo accounts, the register and supervision (a complaint found true opens a finding). */
export async function loadDemoFeedback(db: Database) {
  const coordCity = await actor(db, 'coord.city');
  const coordKdl = await actor(db, 'coord.kdl');
  const leadScjg = await actor(db, 'lead.scjg');
  const clerkScjg = await actor(db, 'clerk.scjg');

  // 1. 包头市: an opinion on 食品经营许可 by the web, adopted by the body (§15 ¶2 吸收采纳)
  const food = await about(db, CITY, '包头市市场监督管理局', '食品经营许可');
  const s = await submitFeedback(db, {
    kind: 'suggestion',
    ...food,
    content:
      '小餐饮店办理食品经营许可延续时，仍要求到窗口提交纸质营业执照复印件。营业执照信息在部门间已能共享，建议取消该材料并允许全程网上办理。',
    contact: { name: '赵海峰', contact: '13904721357' },
    clientKey: 'demo-seed',
    meta: META,
    at: bj('2026-03-09T20:15:00'),
  });
  await moderateFeedback(db, {
    actor: coordCity,
    id: s.id,
    decision: 'accept',
    meta: META,
    at: bj('2026-03-10T09:05:00'),
  });
  await assignFeedback(db, {
    actor: leadScjg,
    id: s.id,
    handlerId: clerkScjg.userId,
    meta: META,
    at: bj('2026-03-10T10:30:00'),
  });
  await answerFeedback(db, {
    actor: clerkScjg,
    id: s.id,
    outcome: 'adopted',
    reasoning:
      '经与市政务服务与数据管理局核实，市场主体登记信息已接入共享平台，受理时可在线调取营业执照信息；《食品经营许可和备案管理办法》未要求申请人另行提交营业执照复印件。',
    answer:
      '您的建议已采纳。自2026年4月1日起，办理食品经营许可延续不再要求提交营业执照复印件，全程可在内蒙古政务服务网办理。感谢您对我局工作的支持。',
    meta: META,
    at: bj('2026-03-20T16:00:00'),
  });

  // 2. 包头市: a complaint by telephone that a body added a condition (§16 ¶2 擅自增加), found true
  const permit = await about(db, CITY, '包头市住房和城乡建设局', '建筑工程施工许可证核发');
  const c = await intakeFeedback(db, coordCity, {
    channel: 'phone',
    kind: 'complaint',
    ...permit,
    content:
      '来电反映：申请建筑工程施工许可证时，窗口要求另行提供“施工图审查合格书原件”和“农民工工资专用账户开户证明”，权责清单和办事指南中均未列出，认为擅自增加办理条件。',
    contact: { name: '包头市鹿城建筑工程有限公司 刘经理', contact: '0472-6158820' },
    meta: META,
    at: bj('2026-05-12T10:20:00'),
  });
  await assignFeedback(db, {
    actor: coordCity,
    id: c.id,
    handlerId: coordCity.userId,
    meta: META,
    at: bj('2026-05-12T14:00:00'),
  });
  await answerFeedback(db, {
    actor: coordCity,
    id: c.id,
    outcome: 'substantiated',
    findingKind: 'unauthorisedChange',
    reasoning:
      '调取政务服务中心窗口受理记录3份，约谈市住房和城乡建设局审批科负责人，确认窗口在清单和办事指南以外要求提交两项材料，属于第十六条第二款所列自行更改行政职权要素的情形。',
    answer:
      '经核查，您反映的情况属实。协调小组办公室已督促市住房和城乡建设局立即停止要求清单以外材料，并限期报送整改情况。',
    meta: META,
    at: bj('2026-05-26T11:00:00'),
  });

  // 3. 昆都仑区: a report at the service hall, not borne out
  const check = await about(db, KDL, '昆都仑区市场监督管理局', '对食品生产经营者的监督检查');
  const r = await intakeFeedback(db, coordKdl, {
    channel: 'hall',
    kind: 'report',
    ...check,
    content:
      '来访举报：昆都仑区市场监督管理局执法人员对阿尔丁大街一家餐馆检查时未出示执法证件，且检查事项不在权责清单范围内。',
    contact: { name: '孙女士', contact: '15647201188' },
    meta: META,
    at: bj('2026-07-06T15:40:00'),
  });
  await assignFeedback(db, {
    actor: coordKdl,
    id: r.id,
    handlerId: coordKdl.userId,
    meta: META,
    at: bj('2026-07-07T09:00:00'),
  });
  await answerFeedback(db, {
    actor: coordKdl,
    id: r.id,
    outcome: 'unsubstantiated',
    reasoning:
      '调阅执法记录仪视频和现场检查笔录，两名执法人员检查开始时均出示了执法证件；检查内容为食品经营许可证公示及从业人员健康证明，属于权责清单“对食品生产经营者的监督检查”事项。',
    answer:
      '经核查，您反映的情况不属实。检查人员出示了执法证件，检查事项在权责清单范围内。如有异议，可向区协调小组办公室提出。',
    meta: META,
    at: bj('2026-07-15T10:00:00'),
  });

  // 4. 昆都仑区: an opinion from the web still waiting in the moderation queue
  await submitFeedback(db, {
    kind: 'suggestion',
    bodyId: check.bodyId,
    powerCode: null,
    content: '建议昆都仑区市场监督管理局在权责清单中写明各项检查的频次和抽查比例，便于经营者了解。',
    contact: { name: null, contact: null },
    clientKey: 'demo-seed',
    meta: META,
    at: bj('2026-11-26T21:30:00'),
  });

  // 5. 包头市: a complaint from the web, accepted and waiting for a handler
  const w = await submitFeedback(db, {
    kind: 'complaint',
    ...food,
    content: '在青山区某门店咨询食品经营许可时，工作人员称须先办理“健康证集中备案”才能受理，该要求在权责清单中查不到。',
    contact: { name: '陈先生', contact: 'chen.bt@example.com' },
    clientKey: 'demo-seed',
    meta: META,
    at: bj('2026-11-24T19:10:00'),
  });
  await moderateFeedback(db, {
    actor: coordCity,
    id: w.id,
    decision: 'accept',
    meta: META,
    at: bj('2026-11-25T09:10:00'),
  });
}
