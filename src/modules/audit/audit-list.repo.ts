// The auditor's list of the trail: filtered by who, what and when, within the auditor's regions.
import { sql } from 'kysely';
import type { AuditQuery } from '../../contract/audit.js';
import type { Database } from '../../db/connect.js';
import { auditActionLabel } from './events.js';

/** One page of events the auditor of these regions sees (a city auditor also sees events of no body). */
export async function listAuditEvents(db: Database, scopes: string[], f: AuditQuery) {
  let q = db
    .selectFrom('audit_event as e')
    .leftJoin('body as b', 'b.id', 'e.body_id')
    .leftJoin('region as r', 'r.code', 'b.region_code')
    // the object's name, read now by a join (not a query per row): a user's name and account, a body's name
    .leftJoin('app_user as ou', (j) =>
      j.on('e.object_type', '=', 'user').on(sql`cast(ou.id as text)`, '=', sql.ref('e.object_id')),
    )
    .leftJoin('body as ob', (j) =>
      j.on('e.object_type', '=', 'body').on(sql`cast(ob.id as text)`, '=', sql.ref('e.object_id')),
    );
  q = q.where((eb) =>
    eb.or([
      ...scopes.flatMap((s) => [eb('r.path', '=', s), eb('r.path', 'like', `${s}/%`)]),
      ...(scopes.some((s) => !s.includes('/')) ? [eb('e.body_id', 'is', null)] : []),
    ]),
  );
  if (f.actor) q = q.where('e.actor_name', 'like', `%${f.actor}%`);
  if (f.action) q = q.where('e.action', '=', f.action);
  if (f.from) q = q.where('e.at', '>=', new Date(`${f.from}T00:00:00+08:00`));
  if (f.to) q = q.where('e.at', '<', new Date(new Date(`${f.to}T00:00:00+08:00`).getTime() + 86_400_000));
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await q
    .select([
      'e.seq',
      'e.at',
      'e.actor_id as actorId',
      'e.actor_name as actorName',
      'e.role',
      'e.body_id as bodyId',
      'b.name as bodyName',
      'e.action',
      'e.object_type as objectType',
      'e.object_id as objectId',
      'e.before',
      'e.after',
      'e.client_ip as clientIp',
      'e.digest',
      'ou.display_name as objectUserName',
      'ou.username as objectUsername',
      'ob.name as objectBodyName',
    ])
    .orderBy('e.seq', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return {
    total: Number(total),
    page: f.page,
    pageSize: f.pageSize,
    rows: rows.map(({ objectUserName, objectUsername, objectBodyName, ...x }) => ({
      ...x,
      actionLabel: auditActionLabel(x.action),
      objectName: objectUserName ? `${objectUserName}（${objectUsername}）` : (objectBodyName ?? null),
      // written by the demo seed, the setup or a migration: no one signed in, and no request came from any address
      bySystem: x.actorId === null && x.clientIp === null,
    })),
  };
}
