// Issue 12.6: where a user's notices are e-mailed. The system administrator sets it for the users
// in their scope (the same reach as creating and disabling accounts); every user sets their own.
// Another's account outside the actor's view is a 404; one in view but not managed is a 403.
import type { EmailBody } from '../../contract/notifications.js';
import type { Actor, RequestMeta } from '../../core/actor.js';
import { forbidden } from '../../core/errors.js';
import { canManageUsers } from '../../core/policies/index.js';
import type { Database } from '../../db/connect.js';
import { recordAudit } from '../audit/audit.repo.js';
import { visibleUser } from './users.commands.js';

interface Ctx {
  actor: Actor;
  meta: RequestMeta;
  at: Date;
}

export async function readEmail(db: Database, actor: Actor, userId: number) {
  if (userId !== actor.userId) await visibleUser(db, actor, userId);
  const row = await db.selectFrom('app_user').select('email').where('id', '=', userId).executeTakeFirst();
  return { userId, email: row?.email ?? null };
}

export async function setEmail(db: Database, userId: number, input: EmailBody, { actor, meta, at }: Ctx) {
  const own = userId === actor.userId;
  if (!own) {
    const u = await visibleUser(db, actor, userId);
    if (!canManageUsers(actor, { id: u.homeBodyId, regionPath: u.homeRegionPath }))
      throw forbidden('您无权修改该用户的通知邮箱');
  }
  const email = input.email?.trim().toLowerCase() || null;
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('app_user')
      .select(['email', 'home_body_id'])
      .where('id', '=', userId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    await trx.updateTable('app_user').set({ email }).where('id', '=', userId).execute();
    await recordAudit(trx, {
      actor,
      role: own ? null : 'sysAdmin',
      bodyId: before.home_body_id,
      action: 'user.emailChanged',
      objectType: 'user',
      objectId: userId,
      before: { email: before.email },
      after: { email },
      meta,
      at,
    });
  });
  return { userId, email };
}
