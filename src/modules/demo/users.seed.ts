// Demo accounts for every role, at the city and at 昆都仑区, so each page can be tried.
import type { Role } from '../../core/actor.js';
import type { Database } from '../../db/connect.js';
import { hashPassword } from '../accounts/password.js';

export const DEMO_PASSWORD = 'Baotou@2026';

export interface DemoAccount {
  username: string;
  displayName: string;
  /** how to find the body: region code + exact name, or region code + office */
  region: string;
  body: { name: string } | { office: 'government' | 'coordination' | 'legal' };
  roles: Role[];
}

const CITY = '150200';
const KDL = '150203';

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    username: 'clerk.scjg',
    displayName: '王晓燕',
    region: CITY,
    body: { name: '包头市市场监督管理局' },
    roles: ['clerk'],
  },
  {
    username: 'lead.scjg',
    displayName: '李建国',
    region: CITY,
    body: { name: '包头市市场监督管理局' },
    roles: ['leadUnit'],
  },
  {
    username: 'clerk.zjj',
    displayName: '赵丽娜',
    region: CITY,
    body: { name: '包头市住房和城乡建设局' },
    roles: ['clerk'],
  },
  {
    username: 'lead.zjj',
    displayName: '孙志强',
    region: CITY,
    body: { name: '包头市住房和城乡建设局' },
    roles: ['leadUnit'],
  },
  // a body without a published list yet: its clerk tries the first compilation and the Excel import wizard
  { username: 'clerk.swj', displayName: '韩雪梅', region: CITY, body: { name: '包头市商务局' }, roles: ['clerk'] },
  { username: 'lead.swj', displayName: '田振华', region: CITY, body: { name: '包头市商务局' }, roles: ['leadUnit'] },
  {
    username: 'coord.city',
    displayName: '刘海峰',
    region: CITY,
    body: { office: 'coordination' },
    roles: ['coordinator'],
  },
  { username: 'legal.city', displayName: '陈静', region: CITY, body: { office: 'legal' }, roles: ['legalReviewer'] },
  { username: 'gov.city', displayName: '张文博', region: CITY, body: { office: 'government' }, roles: ['approver'] },
  { username: 'sysadmin', displayName: '周明', region: CITY, body: { office: 'government' }, roles: ['sysAdmin'] },
  { username: 'secadmin', displayName: '吴磊', region: CITY, body: { office: 'government' }, roles: ['secAdmin'] },
  { username: 'auditor', displayName: '郑红', region: CITY, body: { office: 'government' }, roles: ['auditor'] },
  {
    username: 'clerk.kdl.scjg',
    displayName: '高娜',
    region: KDL,
    body: { name: '昆都仑区市场监督管理局' },
    roles: ['clerk'],
  },
  {
    username: 'lead.kdl.scjg',
    displayName: '马俊',
    region: KDL,
    body: { name: '昆都仑区市场监督管理局' },
    roles: ['leadUnit'],
  },
  { username: 'coord.kdl', displayName: '杨帆', region: KDL, body: { office: 'coordination' }, roles: ['coordinator'] },
  { username: 'legal.kdl', displayName: '何英', region: KDL, body: { office: 'legal' }, roles: ['legalReviewer'] },
  { username: 'gov.kdl', displayName: '罗斌', region: KDL, body: { office: 'government' }, roles: ['approver'] },
  { username: 'sysadmin.kdl', displayName: '徐亮', region: KDL, body: { office: 'government' }, roles: ['sysAdmin'] },
];

export async function loadDemoUsers(db: Database, accounts = DEMO_ACCOUNTS, password = DEMO_PASSWORD) {
  const passwordHash = await hashPassword(password);
  for (const a of accounts) {
    let q = db.selectFrom('body').select('id').where('region_code', '=', a.region);
    q = 'name' in a.body ? q.where('name', '=', a.body.name) : q.where('office', '=', a.body.office);
    const body = await q.executeTakeFirst();
    if (!body) throw new Error(`演示账户 ${a.username} 的机构不存在：${JSON.stringify(a.body)}`);
    const u = await db
      .insertInto('app_user')
      .values({ username: a.username, display_name: a.displayName, home_body_id: body.id, password_hash: passwordHash })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('user_role')
      .values(a.roles.map((role) => ({ user_id: u.id, body_id: body.id, role })))
      .execute();
  }
}
