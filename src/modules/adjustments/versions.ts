// Issue 10.8: no silent lost updates in an application. It carries one version for everything
// about it (content, affected powers, duties, screening decisions and every workflow step): a save
// names the version it read and is refused (409 CONFLICT, naming who changed it and when) if the
// application changed since; every change bumps the version in its own transaction.
import { sql, type Transaction } from 'kysely';
import { checkVersion } from '../../core/versions.js';
import type { DB } from '../../db/schema.js';
import type { AdjustmentRecord } from './adjustments.repo.js';

/** The columns every change to an application sets (spread into its `updateTable('adjustment')`). */
export const bumped = (userId: number) => ({ version: sql<number>`version + 1`, updated_by: userId });

/** Call after lockAdjustment: the row lock makes check-then-bump atomic against other saves. */
export async function checkAdjustmentVersion(
  trx: Transaction<DB>,
  a: Pick<AdjustmentRecord, 'title' | 'version' | 'updatedBy' | 'updatedAt'>,
  sent: number,
) {
  if (sent === a.version) return;
  const by =
    a.updatedBy === null
      ? null
      : ((await trx.selectFrom('app_user').select('display_name').where('id', '=', a.updatedBy).executeTakeFirst())
          ?.display_name ?? null);
  checkVersion(`调整申请“${a.title}”`, sent, { version: a.version, by, at: a.updatedAt });
}
