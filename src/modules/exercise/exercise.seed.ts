// Demo exercise records (issue 12.4) for 包头市市场监督管理局 and 昆都仑区市场监督管理局, written
// through the module's own commands (audited, findings through supervision's openFinding): the
// city office's CSV of 政务服务 办件 from April to November 2026, and one push of the 执法 system
// whose key the city's system administrator issued. The powers are those of data/reference/ as
// the demo register published them; a few records do not fit the list in force on their day:
//  - the city regulator handling a power of 包头市住房和城乡建设局's list (非清单所列机构),
//  - 昆都仑区's regulator handling 特种设备使用登记 under the city regulator's item code — the
//    city's list names the city's body for that item (非清单所列机构),
//  - a 户外广告 penalty, which the list gives to the 城市管理 bodies, not to market regulation.
import { createHash } from 'node:crypto';
import type { Actor } from '../../core/actor.js';
import { pathWithin } from '../../core/policies/index.js';
import type { Database } from '../../db/connect.js';
import { loadActor } from '../accounts/actor.repo.js';
import { importExercise, recordChecker } from './exercise.commands.js';
import { createSource } from './sources.commands.js';

const META = { clientIp: null };
const SCJG = '包头市市场监督管理局';
const KDL_SCJG = '昆都仑区市场监督管理局';
const OUTCOMES = ['准予许可', '准予许可', '准予许可', '不予许可', '已办结'];
const PENALTY_OUTCOMES = ['予以处罚', '予以处罚', '不予处罚'];

async function actor(db: Database, username: string): Promise<Actor> {
  const u = await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  return (await loadActor(db, u.id))!;
}

async function listOf(db: Database, body: string) {
  return db
    .selectFrom('power as p')
    .innerJoin('body as b', 'b.id', 'p.body_id')
    .select(['p.code', 'p.name', 'p.category'])
    .where('b.name', '=', body)
    .where('p.valid_to', 'is', null)
    .where('p.parent_code', 'is', null)
    .orderBy('p.code')
    .execute();
}

/** 2026-04-07 + k·5 days (within the year's working months), as 'YYYY-MM-DD'. */
const dayOf = (k: number) =>
  new Date(Date.parse('2026-04-07T00:00:00Z') + (k % 46) * 5 * 86_400_000).toISOString().slice(0, 10);

type Rec = {
  caseRef: string;
  bodyName: string;
  powerCode?: string;
  powerName?: string;
  exercisedOn: string;
  outcome: string;
};

/** Run after the demo register, accounts and supervision. Skipped when the lists are not there. */
export async function loadDemoExercise(db: Database) {
  const [city, kdl, zjj] = await Promise.all([
    listOf(db, SCJG),
    listOf(db, KDL_SCJG),
    listOf(db, '包头市住房和城乡建设局'),
  ]);
  if (!city.length || !kdl.length || !zjj.length) return;
  const outcome = (p: { category: string }, k: number) =>
    p.category === 'CF' ? PENALTY_OUTCOMES[k % 3]! : OUTCOMES[k % OUTCOMES.length]!;

  // the city office's CSV of 政务服务 办件: 40 of its regulator's own, two of 住建局's power
  const office = await actor(db, 'coord.city');
  const cityRecs: Rec[] = Array.from({ length: 40 }, (_, k) => {
    const p = city[(k * 7) % city.length]!;
    return {
      caseRef: `BTZW2026${String(1001 + k)}`,
      bodyName: SCJG,
      powerCode: p.code,
      powerName: p.name,
      exercisedOn: dayOf(k),
      outcome: outcome(p, k),
    };
  });
  const foreign = zjj[0]!;
  cityRecs.push(
    {
      caseRef: 'BTZW20261041',
      bodyName: SCJG,
      powerCode: foreign.code,
      powerName: foreign.name,
      exercisedOn: '2026-08-12',
      outcome: '准予许可',
    },
    {
      caseRef: 'BTZW20261042',
      bodyName: SCJG,
      powerCode: foreign.code,
      powerName: foreign.name,
      exercisedOn: '2026-09-03',
      outcome: '准予许可',
    },
  );
  const cityCheck = await recordChecker(db, (b) => pathWithin(b.regionPath, '150200'), '行');
  cityRecs.forEach((r, i) => cityCheck.add(i + 2, r));
  await importExercise(db, {
    channel: 'csv',
    regionPath: '150200',
    checker: cityCheck,
    fileName: '包头市一体化政务服务平台办件数据（2026年4—11月）.csv',
    sha256: createHash('sha256').update(JSON.stringify(cityRecs)).digest('hex'),
    actor: office,
    source: null,
    meta: META,
    at: new Date('2026-11-20T10:00:00+08:00'),
  });

  // the 执法 system's push for 昆都仑区: its own powers, 特种设备使用登记 and a 户外广告 penalty by name
  const admin = await actor(db, 'sysadmin');
  const source = await createSource(
    db,
    admin,
    '包头市行政执法综合管理监督平台',
    META,
    new Date('2026-11-02T09:30:00+08:00'),
  );
  const kdlRecs: Rec[] = Array.from({ length: 20 }, (_, k) => {
    const p = kdl[(k * 5) % kdl.length]!;
    return {
      caseRef: `KDLZF2026${String(301 + k)}`,
      bodyName: KDL_SCJG,
      powerCode: p.code,
      powerName: p.name,
      exercisedOn: dayOf(k * 2 + 1),
      outcome: outcome(p, k),
    };
  });
  // 办件 handled by 昆都仑区 under the city regulator's item (its code is in the city's list only)
  const cityItem = city.find((p) => p.name === '特种设备使用登记') ?? city[3]!;
  for (const [i, on] of ['2026-10-09', '2026-10-21', '2026-11-04'].entries())
    kdlRecs.push({
      caseRef: `KDLZF2026${331 + i}`,
      bodyName: KDL_SCJG,
      powerCode: cityItem.code,
      powerName: cityItem.name,
      exercisedOn: on,
      outcome: outcome(cityItem, i),
    });
  kdlRecs.push({
    caseRef: 'KDLZF2026341',
    bodyName: KDL_SCJG,
    powerName: '对未经批准擅自设置大型户外广告等影响市容行为的处罚',
    exercisedOn: '2026-09-16',
    outcome: '予以处罚',
  });
  const kdlCheck = await recordChecker(db, (b) => pathWithin(b.regionPath, source.regionPath), '条');
  kdlRecs.forEach((r, i) => kdlCheck.add(i + 1, r));
  await importExercise(db, {
    channel: 'api',
    regionPath: source.regionPath,
    checker: kdlCheck,
    fileName: null,
    sha256: createHash('sha256').update(JSON.stringify(kdlRecs)).digest('hex'),
    actor: null,
    source: { id: source.id, name: source.name },
    meta: META,
    at: new Date('2026-11-25T02:00:00+08:00'),
  });
}
