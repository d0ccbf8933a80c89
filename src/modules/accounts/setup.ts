// The one-time setup of a production installation (issue 10.4): the organisation from the
// reference data, and the three administrators of 三员分立 — sysadmin, secadmin, auditor — each
// with an initial password chosen by whoever installs, to be changed at first sign-in. Once any
// administrator exists, setup refuses to run again. No password is ever printed.
import type { Role } from '../../core/actor.js';
import { AppError, type ErrorDetail } from '../../core/errors.js';
import { checkPassword } from '../../core/password-policy.js';
import type { Database } from '../../db/connect.js';
import { buildBodies } from '../../seed/bodies.js';
import { loadReferenceData } from '../../seed/reference.js';
import { recordAudit } from '../audit/audit.repo.js';
import { loadOrganisation } from '../bodies/organisation.js';
import { hashPassword } from './password.js';
import { getPolicy, toPasswordPolicy } from './policy.repo.js';

export const SETUP_ACCOUNTS = [
  { username: 'sysadmin', displayName: '系统管理员', role: 'sysAdmin' },
  { username: 'secadmin', displayName: '安全管理员', role: 'secAdmin' },
  { username: 'auditor', displayName: '审计管理员', role: 'auditor' },
] as const satisfies readonly { username: string; displayName: string; role: Role }[];

export type SetupPasswords = Record<(typeof SETUP_ACCOUNTS)[number]['username'], string>;

const CITY = '150200';

export async function hasAdministrators(db: Database) {
  return !!(await db
    .selectFrom('user_role')
    .select('user_id')
    .where('role', 'in', ['sysAdmin', 'secAdmin', 'auditor'])
    .limit(1)
    .executeTakeFirst());
}

/** Regions and bodies from data/reference/, when the database has none (they are not demo data). */
export async function ensureOrganisation(db: Database) {
  if (await db.selectFrom('region').select('code').limit(1).executeTakeFirst()) return false;
  const ref = loadReferenceData();
  const { regions, bodies } = buildBodies(ref);
  await loadOrganisation(db, regions, bodies);
  return true;
}

export async function setupAdministrators(db: Database, passwords: SetupPasswords, now: Date) {
  const policy = toPasswordPolicy(await getPolicy(db));
  const details: ErrorDetail[] = [];
  for (const a of SETUP_ACCOUNTS) {
    const reason = checkPassword(passwords[a.username] ?? '', policy, a.username);
    if (reason) details.push({ field: a.username, message: `${a.displayName}的初始密码：${reason}` });
  }
  if (new Set(SETUP_ACCOUNTS.map((a) => passwords[a.username])).size < SETUP_ACCOUNTS.length)
    details.push({ message: '三名管理员的初始密码须各不相同' });
  if (details.length) throw new AppError('PASSWORD_POLICY', details[0]!.message, details);
  if (await hasAdministrators(db)) throw new AppError('INVALID_STATE', '管理员账户已经初始化，不能再次运行初始化');
  await ensureOrganisation(db);
  const gov = await db
    .selectFrom('body')
    .select('id')
    .where('region_code', '=', CITY)
    .where('office', '=', 'government')
    .executeTakeFirst();
  if (!gov) throw new AppError('INVALID_STATE', '找不到包头市人民政府机构，无法初始化管理员账户');
  const hashes = await Promise.all(SETUP_ACCOUNTS.map((a) => hashPassword(passwords[a.username])));
  return db.transaction().execute(async (trx) => {
    // checked again under the transaction: two setups at once cannot both succeed
    if (
      await trx
        .selectFrom('app_user')
        .select('id')
        .where(
          'username',
          'in',
          SETUP_ACCOUNTS.map((a) => a.username),
        )
        .limit(1)
        .executeTakeFirst()
    )
      throw new AppError('INVALID_STATE', '管理员账户已经初始化，不能再次运行初始化');
    const ids: number[] = [];
    for (const [i, a] of SETUP_ACCOUNTS.entries()) {
      const u = await trx
        .insertInto('app_user')
        .values({
          username: a.username,
          display_name: a.displayName,
          home_body_id: gov.id,
          password_hash: hashes[i]!,
          must_change_password: true,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('user_role').values({ user_id: u.id, body_id: gov.id, role: a.role }).execute();
      ids.push(u.id);
    }
    await recordAudit(trx, {
      actor: null,
      bodyId: gov.id,
      action: 'setup.administratorsCreated',
      objectType: 'user',
      objectId: ids.join(','),
      after: SETUP_ACCOUNTS.map((a, i) => ({
        id: ids[i],
        username: a.username,
        role: a.role,
        mustChangePassword: true,
      })),
      at: now,
    });
    return ids;
  });
}
