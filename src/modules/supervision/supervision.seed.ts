// Demo supervision year (issue 12.2) for 包头市 and 昆都仑区, written through the module's own
// commands so every step has its audit row: a 迟报 finding rectified and accepted (city), a
// finding whose rectification was rejected and escalated to a published 通报批评 (昆都仑区),
// and the 牵头机构 of the bodies that have demo accounts (§14 ¶2). Bodies and powers are those
// of data/reference/ as the demo register published them; the second office user of each level
// approves the notice its colleague drafted (nobody approves their own). The demo module loads
// SUPERVISION_ACCOUNTS with its own accounts (supervision does not import demo: no cycle).
import type { Actor, Role } from '../../core/actor.js';
import type { Database } from '../../db/connect.js';
import { loadActor } from '../accounts/actor.repo.js';
import { designateLeadUnit } from './lead-unit.commands.js';
import { decideRectification, issueOrder, reportRectification } from './rectification.commands.js';
import { approveReprimand, draftReprimand, publishReprimand } from './reprimand.commands.js';
import { loadDemoJointMeeting } from './joint-meeting.seed.js';
import { openFindingByOffice } from './supervision.commands.js';

const CITY = '150200';
const KDL = '150203';
const META = { clientIp: null };
const bj = (s: string) => new Date(`${s}+08:00`);

/** A second user of each coordination office, so a notice can be approved by someone other than its drafter. */
export const SUPERVISION_ACCOUNTS: {
  username: string;
  displayName: string;
  region: string;
  body: { name: string } | { office: 'coordination' };
  roles: Role[];
}[] = [
  {
    username: 'coord2.city',
    displayName: '白雪',
    region: CITY,
    body: { office: 'coordination' },
    roles: ['coordinator'],
  },
  {
    username: 'coord2.kdl',
    displayName: '郭鹏',
    region: KDL,
    body: { office: 'coordination' },
    roles: ['coordinator'],
  },
  // the lead units of the two supervised bodies, who report their rectification
  { username: 'lead.jtj', displayName: '石磊', region: CITY, body: { name: '包头市交通运输局' }, roles: ['leadUnit'] },
  {
    username: 'lead.kdl.wjw',
    displayName: '闫丽',
    region: KDL,
    body: { name: '昆都仑区卫生健康委员会' },
    roles: ['leadUnit'],
  },
];

export async function actor(db: Database, username: string): Promise<Actor> {
  const u = await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  const a = await loadActor(db, u.id);
  if (!a) throw new Error(`演示账户 ${username} 无法加载`);
  return a;
}

async function bodyWithPower(db: Database, region: string, bodyName: string, powerName: string) {
  const b = await db
    .selectFrom('body')
    .select('id')
    .where('region_code', '=', region)
    .where('name', '=', bodyName)
    .executeTakeFirstOrThrow();
  const p = await db
    .selectFrom('power')
    .select(['code', 'name'])
    .where('body_id', '=', b.id)
    .where('valid_to', 'is', null)
    .where('name', '=', powerName)
    .executeTakeFirst();
  return { bodyId: b.id, power: p ?? null };
}

/** Run after the demo accounts, SUPERVISION_ACCOUNTS among them, and the demo register. */
export async function loadDemoSupervision(db: Database) {
  // §14 ¶2: the bodies with demo accounts have named their 牵头机构
  const lead = [
    { user: 'lead.scjg', region: CITY, body: '包头市市场监督管理局', unit: '法规科', at: '2026-02-10T10:00:00' },
    { user: 'lead.zjj', region: CITY, body: '包头市住房和城乡建设局', unit: '政策法规科', at: '2026-02-12T15:00:00' },
    {
      user: 'lead.kdl.scjg',
      region: KDL,
      body: '昆都仑区市场监督管理局',
      unit: '综合法规股',
      at: '2026-02-16T09:30:00',
    },
    { user: 'lead.jtj', region: CITY, body: '包头市交通运输局', unit: '政策法规科', at: '2026-02-13T11:00:00' },
    { user: 'lead.kdl.wjw', region: KDL, body: '昆都仑区卫生健康委员会', unit: '综合股', at: '2026-02-18T10:00:00' },
  ];
  for (const l of lead) {
    const b = await db
      .selectFrom('body')
      .select('id')
      .where('region_code', '=', l.region)
      .where('name', '=', l.body)
      .executeTakeFirstOrThrow();
    await designateLeadUnit(db, await actor(db, l.user), b.id, { unitName: l.unit }, META, bj(l.at));
  }

  // 包头市: 迟报 (§12, §16 ¶2) — rectified and accepted
  const city = await actor(db, 'coord.city');
  const jt = await bodyWithPower(db, CITY, '包头市交通运输局', '道路货物运输经营许可');
  const power = jt.power ? `“${jt.power.name}”（${jt.power.code}）` : '道路货物运输经营许可';
  const late = await openFindingByOffice(
    db,
    city,
    {
      bodyId: jt.bodyId,
      kind: 'late',
      description: `上级取消道路货物运输经营许可部分申请材料后，包头市交通运输局未在第十二条规定的期限内报送${power}修改要素的调整意见，至2026年4月24日才报送。`,
      powerCode: jt.power?.code,
      factDate: '2026-04-17',
    },
    META,
    bj('2026-04-27T10:00:00'),
  );
  const lateOrder = await issueOrder(
    db,
    city,
    late,
    '请牵头机构建立动态调整台账，明确法律文件立改废的跟踪责任人，并报送整改情况。',
    META,
    bj('2026-04-28T09:30:00'),
  );
  await reportRectification(
    db,
    await actor(db, 'lead.jtj'),
    lateOrder,
    '已建立权责清单动态调整台账，由政策法规科专人跟踪法律文件立改废情况，每月比对一次。',
    META,
    bj('2026-05-20T16:00:00'),
  );
  await decideRectification(db, city, lateOrder, 'accept', '台账已建立，责任人明确。', META, bj('2026-05-22T10:00:00'));

  // 昆都仑区: 自行更改职权要素 (§16 ¶2) — rejected, escalated, 通报批评 published
  const kdl = await actor(db, 'coord.kdl');
  const wj = await bodyWithPower(db, KDL, '昆都仑区卫生健康委员会', '公共场所卫生许可');
  const wjPower = wj.power ? `“${wj.power.name}”（${wj.power.code}）` : '公共场所卫生许可';
  const changed = await openFindingByOffice(
    db,
    kdl,
    {
      bodyId: wj.bodyId,
      kind: 'unauthorisedChange',
      description: `昆都仑区卫生健康委员会在办事指南中为${wjPower}自行增设“卫生检测报告”申请材料，与公布的权责清单职权要素不一致。`,
      powerCode: wj.power?.code,
      factDate: '2026-06-03',
    },
    META,
    bj('2026-06-08T10:00:00'),
  );
  const order = await issueOrder(
    db,
    kdl,
    changed,
    '请立即停止要求申请人提供清单外材料，按公布的权责清单修正办事指南，并报送整改情况及修正后的办事指南。',
    META,
    bj('2026-06-09T09:00:00'),
  );
  await reportRectification(
    db,
    await actor(db, 'lead.kdl.wjw'),
    order,
    '已组织窗口人员学习权责清单管理要求。',
    META,
    bj('2026-07-02T17:00:00'),
  );
  await decideRectification(
    db,
    kdl,
    order,
    'reject',
    '未修正办事指南，窗口仍要求提供卫生检测报告，整改不到位。',
    META,
    bj('2026-07-06T10:00:00'),
  );
  await draftReprimand(
    db,
    kdl,
    changed,
    {
      title: '关于对昆都仑区卫生健康委员会不按要求整改的通报批评',
      text: `昆都仑区卫生健康委员会在办理${wjPower}时自行增设申请材料，经督促整改后仍未修正办事指南，整改不到位。\n依据《包头市政府工作部门权责清单动态管理办法》第十六条，现予以通报批评。请该单位立即修正办事指南，并将整改结果报区协调小组办公室。`,
    },
    META,
    bj('2026-07-08T11:00:00'),
  );
  const rep = await db
    .selectFrom('public_reprimand')
    .select('id')
    .where('finding_id', '=', changed)
    .executeTakeFirstOrThrow();
  await approveReprimand(db, await actor(db, 'coord2.kdl'), rep.id, META, bj('2026-07-09T15:00:00'));
  await publishReprimand(db, kdl, rep.id, META, bj('2026-07-10T09:00:00'));

  await loadDemoJointMeeting(db);
}
