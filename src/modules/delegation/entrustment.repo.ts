// The records of an entrustment (§13.3): its legal basis and instrument, the entrusted party (a body
// of the register or an organisation outside it), the 委托公告 with the office's acknowledgement of
// the filing (报备), and the entrusting body's supervision of the entrusted party.
import { sql } from 'kysely';
import { SUPERVISION_KIND_LABELS, type Announcement } from '../../contract/delegation.js';
import { readJsonb, readJsonbArray, type Db } from '../../platform/db.js';

const day = (ref: string) => sql<string>`${sql.ref(ref)}::text`;
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export async function announcementOf(db: Db, adjustmentId: number): Promise<Announcement | null> {
  const r = await db
    .selectFrom('delegation_announcement as n')
    .leftJoin('app_user as u', 'u.id', 'n.acknowledged_by')
    .select(['n.party_name', 'n.party_kind', 'n.powers', 'n.basis', 'n.decision', day('n.announced_on').as('on')])
    .select(['n.acknowledged_at', 'n.acknowledgement_note', 'u.display_name'])
    .where('n.adjustment_id', '=', adjustmentId)
    .executeTakeFirst();
  if (!r) return null;
  return {
    partyName: r.party_name,
    partyKind: r.party_kind,
    powers: readJsonbArray<Announcement['powers'][number]>(r.powers),
    basis: r.basis,
    decision: r.decision,
    announcedOn: r.on,
    acknowledgedBy: r.display_name,
    acknowledgedAt: iso(r.acknowledged_at),
    acknowledgementNote: r.acknowledgement_note,
  };
}

export async function supervisionOf(db: Db, adjustmentId: number) {
  const rows = await db
    .selectFrom('delegation_supervision as s')
    .innerJoin('app_user as u', 'u.id', 's.recorded_by')
    .select(['s.id', 's.kind', day('s.held_on').as('held_on'), 's.summary', 's.problems', 'u.display_name'])
    .where('s.adjustment_id', '=', adjustmentId)
    .orderBy('s.held_on')
    .orderBy('s.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    label: SUPERVISION_KIND_LABELS[r.kind],
    heldOn: r.held_on,
    summary: r.summary,
    problems: r.problems,
    recordedBy: r.display_name,
  }));
}

export async function entrustmentOf(db: Db, adjustmentId: number) {
  const r = await db
    .selectFrom('delegation_entrustment as e')
    .innerJoin('app_user as u', 'u.id', 'e.recorded_by')
    .leftJoin('adjustment_attachment as f', 'f.id', 'e.instrument_attachment_id')
    .select(['e.basis_level', 'e.basis_document', 'e.basis_article', 'f.id as file_id', 'f.filename'])
    .select(['e.organisation_name', 'e.organisation_credit_code', 'e.organisation_function', 'u.display_name'])
    .where('e.adjustment_id', '=', adjustmentId)
    .executeTakeFirst();
  if (!r) return null;
  const [announcement, supervision] = await Promise.all([
    announcementOf(db, adjustmentId),
    supervisionOf(db, adjustmentId),
  ]);
  return {
    basisLevel: r.basis_level,
    basisDocument: r.basis_document,
    basisArticle: r.basis_article,
    instrument: r.file_id && r.filename ? { id: r.file_id, filename: r.filename } : null,
    recordedBy: r.display_name,
    organisation: r.organisation_name
      ? {
          name: r.organisation_name,
          creditCode: r.organisation_credit_code,
          publicFunction: r.organisation_function ?? '',
        }
      : null,
    announcement,
    supervision,
  };
}

/**
 * §13.3 不得再委托: the powers other bodies entrusted to this body — through their entrust
 * applications that the government approved and nobody withdrew — by name and category.
 */
export async function entrustedToBody(db: Db, bodyId: number) {
  const rows = await db
    .selectFrom('adjustment as a')
    .innerJoin('adjustment_item as i', 'i.adjustment_id', 'a.id')
    .innerJoin('body as b', 'b.id', 'a.body_id')
    .select(['i.base', 'i.proposed', 'b.name'])
    .where('a.kind', '=', 'entrust')
    .where('a.receiving_body_id', '=', bodyId)
    .where('a.approved_at', 'is not', null)
    .where('a.status', 'in', ['open', 'due', 'done'])
    .execute();
  return rows.flatMap((r) => {
    type P = { name?: string; category?: string } | null;
    const p = readJsonb<P>(r.proposed) ?? readJsonb<P>(r.base);
    return p?.name && p.category ? [{ name: p.name, category: p.category, fromBodyName: r.name }] : [];
  });
}
