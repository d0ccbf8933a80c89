// The chain of a delegated or entrusted power across bodies (§13.5 涉及多层级办理的事项，要及时调整
// 管理层级; issue 13 items 6–7), read from the links the lists carry (adjustments/apply.ts:
// delegatedFrom / delegatedTo / entrustedTo, each with the application's id) and the versions'
// effective dates; and the published 委托公告 (§13.3).
import { sql } from 'kysely';
import type { Announcement } from '../../contract/delegation.js';
import { readJsonbArray, type Db } from '../../platform/db.js';

interface Link {
  direction: 'delegatedTo' | 'delegatedFrom' | 'entrustedTo';
  bodyId: number | null;
  code: string | null;
  adjustmentId?: number;
}

export interface Holder {
  bodyId: number;
  bodyName: string;
  regionName: string;
  code: string;
  name: string;
  status: string;
  /** the Beijing date from which the body's list holds the power (its first version with it) */
  since: string;
  /** the application that handed it to this body, and its normative document */
  adjustmentId: number | null;
  decision: string | null;
  handoverOn: string | null;
}

export interface Entrusted {
  partyName: string;
  since: string;
  decision: string | null;
  adjustmentId: number;
}

export interface Chain {
  holders: Holder[];
  /** §13.3: the party the last holder entrusted it to (the holder stays 责任主体) */
  entrusted: Entrusted | null;
}

async function current(db: Db, bodyId: number, code: string) {
  const r = await sql<{
    name: string;
    status: string;
    links: unknown;
    body_name: string;
    region_name: string;
    since: string;
  }>`
    select p.name, p.status, p.links, b.name as body_name, g.name as region_name,
      (select v.effective_date::text from power_list_version v join power f on f.body_id = v.body_id and f.valid_from = v.version
        where f.body_id = p.body_id and f.code = p.code order by v.version limit 1) as since
    from power p join body b on b.id = p.body_id join region g on g.code = b.region_code
    where p.body_id = ${bodyId} and p.code = ${code} and p.valid_to is null`.execute(db);
  const row = r.rows[0];
  return row && { ...row, links: readJsonbArray<Link>(row.links) };
}

async function decisionOf(db: Db, adjustmentId: number | undefined) {
  if (!adjustmentId) return { decision: null, handoverOn: null, published: null };
  const r = await sql<{ decision: string | null; handover_on: string | null; published: string | null }>`
    select a.normative_document_number as decision, h.handover_on::text as handover_on,
      (a.published_at at time zone 'Asia/Shanghai')::date::text as published
    from adjustment a left join delegation_handover h on h.adjustment_id = a.id where a.id = ${adjustmentId}`.execute(
    db,
  );
  const x = r.rows[0];
  return { decision: x?.decision ?? null, handoverOn: x?.handover_on ?? null, published: x?.published ?? null };
}

/** The whole chain through (bodyId, code): back to the first holder, then on to the last. */
export async function chainOf(db: Db, bodyId: number, code: string): Promise<Chain | null> {
  let at = await current(db, bodyId, code);
  if (!at) return null;
  let here = { bodyId, code };
  // back: each holder's delegatedFrom link names the one before (a 市 → 旗县区 → 苏木乡镇 chain is 3)
  for (let guard = 0; guard < 10; guard++) {
    const from = at.links.find((l) => l.direction === 'delegatedFrom' && l.bodyId !== null && l.code);
    if (!from) break;
    const prev = await current(db, from.bodyId!, from.code!);
    if (!prev) break;
    here = { bodyId: from.bodyId!, code: from.code! };
    at = prev;
  }
  const holders: Holder[] = [];
  let via: number | undefined;
  for (let guard = 0; guard < 10 && at; guard++) {
    const d = await decisionOf(db, via);
    holders.push({
      bodyId: here.bodyId,
      bodyName: at.body_name,
      regionName: at.region_name,
      code: here.code,
      name: at.name,
      status: at.status,
      since: at.since,
      adjustmentId: via ?? null,
      decision: d.decision,
      handoverOn: d.handoverOn,
    });
    const to = at.status === 'delegated' ? at.links.findLast((l) => l.direction === 'delegatedTo') : undefined;
    if (!to?.bodyId || !to.code) break;
    via = to.adjustmentId;
    here = { bodyId: to.bodyId, code: to.code };
    at = await current(db, to.bodyId, to.code);
  }
  const last = holders.at(-1)!;
  let entrusted: Entrusted | null = null;
  if (last.status === 'entrusted') {
    const l = (await current(db, last.bodyId, last.code))!.links.findLast((x) => x.direction === 'entrustedTo');
    if (l?.adjustmentId) {
      const d = await decisionOf(db, l.adjustmentId);
      const party = await sql<{ name: string | null }>`
        select coalesce((select name from body where id = ${l.bodyId}),
          (select organisation_name from delegation_entrustment where adjustment_id = ${l.adjustmentId})) as name`.execute(
        db,
      );
      entrusted = {
        partyName: party.rows[0]?.name ?? '受委托方',
        since: d.published ?? last.since,
        decision: d.decision,
        adjustmentId: l.adjustmentId,
      };
    }
  }
  return { holders, entrusted };
}

/** Who held the power on `day` (null: before the chain began). */
export function holderOn(chain: Chain, day: string): Holder | null {
  let out: Holder | null = null;
  for (const h of chain.holders) if (h.since <= day) out = h;
  return out;
}

export interface PublishedAnnouncement extends Announcement {
  bodyId: number;
  bodyName: string;
}

/** §13.3: every published 委托公告, newest first. */
export async function publishedAnnouncements(db: Db): Promise<PublishedAnnouncement[]> {
  const rows = await db
    .selectFrom('delegation_announcement as n')
    .innerJoin('body as b', 'b.id', 'n.body_id')
    .select(['n.body_id', 'b.name', 'n.party_name', 'n.party_kind', 'n.powers', 'n.basis', 'n.decision'])
    .select([sql<string>`n.announced_on::text`.as('on'), 'n.acknowledged_at', 'n.acknowledgement_note'])
    .orderBy('n.announced_on', 'desc')
    .orderBy('n.adjustment_id', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    bodyId: r.body_id,
    bodyName: r.name,
    partyName: r.party_name,
    partyKind: r.party_kind,
    powers: readJsonbArray<Announcement['powers'][number]>(r.powers),
    basis: r.basis,
    decision: r.decision,
    announcedOn: r.on,
    acknowledgedBy: null,
    acknowledgedAt: r.acknowledged_at ? new Date(r.acknowledged_at).toISOString() : null,
    acknowledgementNote: r.acknowledgement_note,
  }));
}
