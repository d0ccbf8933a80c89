// §14 ¶2: 各部门应当……明确本部门权责清单动态调整工作牵头机构. The body records its 牵头机构 (a
// body-level fact, replaced when it names another); the office's check opens a finding for each
// body of its level that has none (once per body: the finding's key is the body).
import { sql } from 'kysely';
import type { Actor, RequestMeta } from '../../core/actor.js';
import { AppError, notFound } from '../../core/errors.js';
import {
  canDesignateLeadUnit,
  canSuperviseBody,
  canViewSupervision,
  factKey,
} from '../../core/policies/supervision.js';
import { bodyRoleOf, scopesOf, staffedBodies } from '../../core/policies/scope.js';
import type { Database } from '../../db/connect.js';
import type { Db } from '../../platform/db.js';
import { recordAudit } from '../audit/audit.repo.js';
import { openFinding } from './supervision.commands.js';
import { findBody } from './supervision.repo.js';

export async function designateLeadUnit(
  db: Database,
  actor: Actor,
  bodyId: number,
  input: { unitName: string; contactPerson?: string },
  meta: RequestMeta,
  at: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const body = await findBody(trx, bodyId);
    if (!body || !canViewSupervision(actor, body)) throw notFound('机构');
    if (!canDesignateLeadUnit(actor, body)) throw new AppError('FORBIDDEN', '牵头机构由本部门确定并登记');
    const before = await trx.selectFrom('body_lead_unit').selectAll().where('body_id', '=', body.id).executeTakeFirst();
    const row = {
      unit_name: input.unitName,
      contact_person: input.contactPerson || null,
      designated_at: at,
      designated_by: actor.userId,
    };
    await trx
      .insertInto('body_lead_unit')
      .values({ body_id: body.id, ...row })
      .onConflict((oc) => oc.column('body_id').doUpdateSet(row))
      .execute();
    await recordAudit(trx, {
      actor,
      role: bodyRoleOf(actor, body.id) ?? 'clerk',
      bodyId: body.id,
      action: 'supervision.leadUnitDesignated',
      objectType: 'body',
      objectId: body.id,
      before: before ? { unitName: before.unit_name, contactPerson: before.contact_person } : null,
      after: { unitName: input.unitName, contactPerson: input.contactPerson ?? null },
      meta,
      at,
    });
  });
}

/** The bodies (职权行使机构, not the offices) of the level the actor supervises, with their 牵头机构. */
export async function leadUnitsOf(db: Db, actor: Actor) {
  const bodies = staffedBodies(actor);
  const scopes = scopesOf(actor, 'coordinator');
  const where = [
    ...(bodies.length ? [sql`b.id in (${sql.join(bodies)})`] : []),
    ...scopes.map((s) => sql`(r.path = ${s} or r.path like ${`${s}/%`})`),
  ];
  if (!where.length) return [];
  const rows = await db
    .selectFrom('body as b')
    .innerJoin('region as r', 'r.code', 'b.region_code')
    .leftJoin('body_lead_unit as l', 'l.body_id', 'b.id')
    .select(['b.id', 'b.name', 'r.name as region_name', 'r.path', 'l.unit_name', 'l.contact_person', 'l.designated_at'])
    .where('b.office', 'is', null)
    .where(sql<boolean>`(${sql.join(where, sql` or `)})`)
    .orderBy('r.path')
    .orderBy('b.seq')
    .orderBy('b.id')
    .execute();
  return rows.map((r) => ({
    bodyId: r.id,
    bodyName: r.name,
    regionName: r.region_name,
    regionPath: r.path,
    unitName: r.unit_name,
    contactPerson: r.contact_person,
    designatedAt: r.designated_at,
    supervisable: canSuperviseBody(actor, { id: r.id, regionPath: r.path }),
    own: canDesignateLeadUnit(actor, { id: r.id, regionPath: r.path }),
  }));
}

/** §14 ¶2: each body of the office's own level without a 牵头机构 gets a finding (once). */
export async function checkLeadUnits(db: Database, actor: Actor, meta: RequestMeta, at: Date) {
  return db.transaction().execute(async (trx) => {
    const all = await leadUnitsOf(trx, actor);
    const mine = all.filter((b) => canSuperviseBody(actor, { id: b.bodyId, regionPath: b.regionPath }));
    if (mine.length === 0) throw new AppError('FORBIDDEN', '只有协调小组办公室可以检查本级各部门的牵头机构');
    let opened = 0;
    for (const b of mine.filter((x) => !x.unitName)) {
      const r = await openFinding(trx, {
        bodyId: b.bodyId,
        kind: 'noLeadUnit',
        source: 'office',
        description: `${b.bodyName}未明确本部门权责清单动态调整工作牵头机构。`,
        sourceKey: factKey({ kind: 'noLeadUnit', bodyId: b.bodyId }),
        actor,
        role: 'coordinator',
        meta,
        at,
      });
      if (r.created) opened++;
    }
    return { checked: mine.length, opened };
  });
}
