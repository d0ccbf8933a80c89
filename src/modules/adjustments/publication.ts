// Publication of an approved application (§12 予以公布; spec §3, item 8): the body's next list
// version through the register's publishVersion, and for a delegation the receiving body's
// too, all in the caller's one transaction — a failure anywhere leaves every old version as it
// was. Never writes power rows itself.
import type { Transaction } from 'kysely';
import type { Actor, RequestMeta } from '../../core/actor.js';
import { AppError } from '../../core/errors.js';
import { diffPowerLists, type PowerListDiff } from '../../core/register/index.js';
import type { DB } from '../../db/schema.js';
import { issueCodes, loadCurrentList, publishVersion, type LoadedList } from '../register/publish.js';
import { applyDutyItems } from './duties.js';
import { ApplyError, applyAdjustment, staleItems, type ApplyResult, type BodyScope } from './apply.js';
import { issuedCodes, type AdjustmentRecord, type StoredItem } from './adjustments.repo.js';
import type { Db } from '../../platform/db.js';

export interface PublicationHooks {
  /** Tests inject a failure between the two bodies' publications. */
  afterBodyVersion?: () => void | Promise<void>;
}

/**
 * A body as an application is applied to it: its current list (read once per request: passed in
 * when the caller has it, issue 11.5) and the codes issued to it. `lock` takes the body's row
 * first, as publishing does, so the list read cannot move before the new version is written.
 */
async function scopeOf(
  db: Db,
  bodyId: number,
  opts: { lock?: boolean; list?: LoadedList } = {},
): Promise<BodyScope & { version: number | null; list: LoadedList }> {
  let q = db.selectFrom('body').select(['id', 'name', 'region_code', 'seq']).where('id', '=', bodyId);
  if (opts.lock) q = q.forUpdate();
  const body = await q.executeTakeFirstOrThrow();
  const list = opts.list ?? (await loadCurrentList(db, bodyId));
  return {
    bodyId,
    name: body.name,
    regionCode: body.region_code,
    bodyCode: String(body.seq).padStart(3, '0'),
    current: list.powers,
    issuedCodes: await issuedCodes(db, bodyId),
    version: list.version,
    list,
  };
}

/** §13 + item 7: a proposal made against an older version must be brought up to date first. */
export function assertNotStale(items: readonly StoredItem[], current: BodyScope['current'], doing: string): void {
  const stale = staleItems(items, current);
  if (stale.length) {
    throw new AppError(
      'INVALID_STATE',
      `拟调整的行政职权（${stale.join('、')}）已由其他调整公布了新内容，请申请单位先“按最新公布版本更新”本申请，再${doing}`,
    );
  }
}

export async function checkNotStale(
  db: Db,
  a: AdjustmentRecord,
  items: readonly StoredItem[],
  doing: string,
): Promise<void> {
  assertNotStale(items, (await loadCurrentList(db, a.bodyId)).powers, doing);
}

function applyOrRefuse(
  a: AdjustmentRecord,
  items: readonly StoredItem[],
  body: BodyScope,
  receiving?: BodyScope,
): ApplyResult {
  try {
    return applyAdjustment(a.kind, items, body, a.id, receiving);
  } catch (e) {
    if (e instanceof ApplyError) throw new AppError('INVALID_STATE', e.message);
    throw e;
  }
}

/** The difference the application would make to the current lists (codes not yet issued). */
export async function previewOf(
  db: Db,
  a: AdjustmentRecord,
  items: readonly StoredItem[],
  /** the applying body's current list, when the caller has read it already */
  list?: LoadedList,
): Promise<{ diff: PowerListDiff; receivingDiff: PowerListDiff | null; error: string | null }> {
  const body = await scopeOf(db, a.bodyId, { list });
  const receiving =
    a.receivingBodyId && (a.kind === 'delegate' || a.kind === 'entrust')
      ? await scopeOf(db, a.receivingBodyId)
      : undefined;
  const empty = { added: [], removed: [], changed: [], unchangedCount: body.current.length };
  if (items.length === 0) return { diff: empty, receivingDiff: null, error: null };
  try {
    const r = applyAdjustment(a.kind, items, body, a.id, receiving);
    return {
      diff: diffPowerLists(body.current, r.powers),
      receivingDiff: r.receiving && receiving ? diffPowerLists(receiving.current, r.receiving.powers) : null,
      error: null,
    };
  } catch (e) {
    if (e instanceof ApplyError || e instanceof RangeError)
      return { diff: empty, receivingDiff: null, error: e.message };
    throw e;
  }
}

export interface Published {
  version: number;
  receivingVersion: number | null;
  resultCodes: (string | null)[];
}

export async function publishAdjustment(
  trx: Transaction<DB>,
  a: AdjustmentRecord,
  items: readonly StoredItem[],
  actor: Actor,
  meta: RequestMeta,
  at: Date,
  hooks: PublicationHooks = {},
): Promise<Published> {
  // each body's row locked, then its list read once and handed to publishVersion (issue 11.5)
  const body = await scopeOf(trx, a.bodyId, { lock: true });
  assertNotStale(items, body.current, '公布');
  const receiving =
    a.receivingBodyId && (a.kind === 'delegate' || a.kind === 'entrust')
      ? await scopeOf(trx, a.receivingBodyId, { lock: true })
      : undefined;
  const result = applyOrRefuse(a, items, body, receiving);
  const common = {
    source: { type: 'adjustment' as const, id: a.id },
    rulebookId: a.rulebookId,
    actor,
    role: 'coordinator' as const,
    meta,
    at,
  };

  await issueCodes(trx, a.bodyId, result.newCodes);
  // §6 ¶2: the duties the application changes are published in the same version.
  const duties = a.dutyItems.length ? applyDutyItems(a.dutyItems, body.list.duties) : undefined;
  const mine = await publishVersion(trx, {
    ...common,
    current: body.list,
    bodyId: a.bodyId,
    powers: result.powers,
    duties,
    note: `调整申请 #${a.id}：${a.title}`,
  });
  await hooks.afterBodyVersion?.();
  let receivingVersion: number | null = null;
  if (result.receiving && receiving) {
    // §13.5: the delegated power enters the receiving body's list in the same transaction.
    await issueCodes(trx, receiving.bodyId, result.receiving.newCodes);
    const theirs = await publishVersion(trx, {
      ...common,
      current: receiving.list,
      bodyId: receiving.bodyId,
      powers: result.receiving.powers,
      note: `承接下放：调整申请 #${a.id}：${a.title}`,
    });
    receivingVersion = theirs.version;
  }
  for (const [i, item] of items.entries()) {
    await trx
      .updateTable('adjustment_item')
      .set({ result_code: result.resultCodes[i] ?? null })
      .where('id', '=', item.id)
      .execute();
  }
  return { version: mine.version, receivingVersion, resultCodes: result.resultCodes };
}
