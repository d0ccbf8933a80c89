// The installation's rulebook (spec, opening section): the newest selection is in force; an
// application stores the id it was created under, so a switch reaches new applications only.
import { DEFAULT_RULEBOOK_ID, getRulebook, isRulebookId, type RulebookId } from '../../core/rulebook/index.js';
import type { Db } from '../../platform/db.js';

export async function currentRulebookId(db: Db): Promise<RulebookId> {
  const row = await db
    .selectFrom('rulebook_selection')
    .select('rulebook_id')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  // An id no longer shipped cannot be in force; fall back to the seed rather than fail every request.
  return row && isRulebookId(row.rulebook_id) ? row.rulebook_id : DEFAULT_RULEBOOK_ID;
}

export async function rulebookHistory(db: Db) {
  const rows = await db
    .selectFrom('rulebook_selection as s')
    .innerJoin('app_user as u', 'u.id', 's.selected_by')
    .select(['s.id', 's.rulebook_id', 's.selected_at', 's.note', 'u.display_name'])
    .orderBy('s.id', 'desc')
    .limit(100)
    .execute();
  return rows.map((r) => ({
    rulebookId: r.rulebook_id,
    label: isRulebookId(r.rulebook_id) ? getRulebook(r.rulebook_id).label : r.rulebook_id,
    selectedAt: r.selected_at,
    selectedByName: r.display_name,
    note: r.note,
  }));
}
