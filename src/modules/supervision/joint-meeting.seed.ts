// Demo 联席会议 (§4, issue 12.7): 包头市's members are the city bodies with demo accounts; its first
// meeting of 2026 reviews the 迟报 finding rectified in May (supervision.seed.ts) and the year's
// assessment, records who came and what was decided, and the office publishes the minutes.
import type { Database } from '../../db/connect.js';
import { createMeeting, publishMinutes, recordMeeting, setMembers } from './joint-meeting.commands.js';
import { actor } from './supervision.seed.js';

const META = { clientIp: null };
const bj = (s: string) => new Date(`${s}+08:00`);

export async function loadDemoJointMeeting(db: Database) {
  const office = await actor(db, 'coord.city');
  const names = ['包头市市场监督管理局', '包头市住房和城乡建设局', '包头市交通运输局', '包头市商务局'];
  const bodies = await db
    .selectFrom('body')
    .select(['id', 'name'])
    .where('region_code', '=', '150200')
    .where('name', 'in', names)
    .execute();
  const id = (name: string) => bodies.find((b) => b.name === name)!.id;
  await setMembers(db, office, '150200', names.map(id), META, bj('2026-03-02T10:00:00'));
  const late = await db
    .selectFrom('finding')
    .select('id')
    .where('kind', '=', 'late')
    .where('body_id', '=', id('包头市交通运输局'))
    .executeTakeFirst();
  const meeting = await createMeeting(
    db,
    office,
    {
      region: '150200',
      title: '2026年第一次权责清单管理联席会议',
      heldOn: '2026-06-18',
      place: '市政务服务中心第三会议室',
      agenda: [
        { kind: 'finding', refId: late?.id ?? null, text: '通报包头市交通运输局迟报问题的整改情况' },
        { kind: 'assessment', refId: null, text: '研究2026年度权责清单实施情况绩效考核指标' },
      ],
    },
    META,
    bj('2026-06-08T15:00:00'),
  );
  await recordMeeting(
    db,
    office,
    meeting,
    {
      attendance: [
        { bodyId: id('包头市市场监督管理局'), present: true, attendee: '李建国' },
        { bodyId: id('包头市住房和城乡建设局'), present: true, attendee: '孙志强' },
        { bodyId: id('包头市交通运输局'), present: true, attendee: '石磊' },
        { bodyId: id('包头市商务局'), present: false, attendee: '' },
      ],
      decisions: [
        '各成员单位于7月底前完成本部门权责清单动态调整工作牵头机构登记',
        '迟报、缓报、漏报及整改情况纳入2026年度绩效考核',
      ],
      minutes:
        '会议通报了包头市交通运输局迟报问题的整改情况，研究了2026年度权责清单实施情况绩效考核指标。\n包头市商务局请假。',
    },
    META,
    bj('2026-06-18T17:00:00'),
  );
  await publishMinutes(db, office, meeting, META, bj('2026-06-22T09:00:00'));
}
