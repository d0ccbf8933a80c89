// Reading compilation drafts (编制公布, spec §2): the draft header with its body, its powers
// with their §8 screening flags, its duties and its review trail.
import { sql, type Selectable } from 'kysely';
import { todayInBeijing } from '../../core/calendar/index.js';
import {
  findLapsingPowers,
  type Duty,
  type ExclusionFlag,
  type Power,
  type PowerStatus,
} from '../../core/register/index.js';
import type { Actor } from '../../core/actor.js';
import { legalityReviewRoles, officeLevels, staffedBodies } from '../../core/policies/index.js';
import { DRAFT_STATUS_LABELS, type DraftStatus } from '../../contract/register.js';
import { getRulebook } from '../../core/rulebook/index.js';
import type { DraftPowerTable } from '../../db/schema.js';
import type { Db } from '../../platform/db.js';
import { draftCan } from './draft-can.js';

export async function findDraft(db: Db, id: number, opts: { forUpdate?: boolean } = {}) {
  let q = db
    .selectFrom('list_draft as d')
    .innerJoin('body as b', 'b.id', 'd.body_id')
    .innerJoin('region as r', 'r.code', 'b.region_code')
    .selectAll('d')
    .select(['b.name as bodyName', 'r.path as regionPath', 'r.code as regionCode'])
    .where('d.id', '=', id);
  if (opts.forUpdate) q = q.forUpdate('d');
  return q.executeTakeFirst();
}
export type DraftHeader = NonNullable<Awaited<ReturnType<typeof findDraft>>>;
export const bodyRefOf = (d: DraftHeader) => ({ id: d.body_id, regionPath: d.regionPath, rulebookId: d.rulebook_id });

/**
 * The drafts the actor may see (canViewDraft as a query): its own bodies' as clerk or lead unit,
 * and those of the bodies whose level its office roles serve (a 苏木乡镇·街道 body is served by its
 * 旗县区's offices). No other draft leaves the database.
 */
export async function listDrafts(db: Db, actor: Actor, f: { status?: string[] }) {
  const bodyIds = staffedBodies(actor);
  // office grants sit at a level's own region; a body is served by the level of its first two path segments
  const levels = officeLevels(actor);
  if (!bodyIds.length && !levels.length) return [];
  let q = db
    .selectFrom('list_draft as d')
    .innerJoin('body as b', 'b.id', 'd.body_id')
    .innerJoin('region as r', 'r.code', 'b.region_code')
    .select([
      'd.id',
      'd.body_id as bodyId',
      'b.name as bodyName',
      'r.path as regionPath',
      'd.rulebook_id as rulebookId',
      'd.status',
      'd.updated_at as updatedAt',
      'd.submitted_at as submittedAt',
      'd.published_version as publishedVersion',
    ])
    .select((eb) =>
      eb
        .selectFrom('draft_power as p')
        .whereRef('p.draft_id', '=', 'd.id')
        .select(eb.fn.countAll<number>().as('n'))
        .as('powerCount'),
    )
    .where((eb) =>
      eb.or([
        ...(bodyIds.length ? [eb('d.body_id', 'in', bodyIds)] : []),
        // a city-level office (one segment) serves only the city's own bodies; a 旗县区's also its townships'
        ...levels.flatMap((p) =>
          p.includes('/') ? [eb('r.path', '=', p), eb('r.path', 'like', `${p}/%`)] : [eb('r.path', '=', p)],
        ),
      ]),
    );
  if (f.status?.length) q = q.where('d.status', 'in', f.status as DraftStatus[]);
  return q.orderBy('d.updated_at', 'desc').limit(2000).execute();
}

export type DraftPowerRow = Selectable<DraftPowerTable>;

const arr = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

/** A draft power in the core shape (what publication will publish). */
export function draftRowToPower(r: DraftPowerRow): Power {
  return {
    parentId: r.parent_code,
    parentCode: r.parent_code,
    code: r.code,
    name: r.name,
    category: r.category,
    responsibleSubject: r.responsible_subject,
    legalBases: arr(r.legal_bases),
    implementingAgency: r.implementing_agency,
    responsibilities: arr(r.responsibilities),
    accountabilityCases: arr(r.accountability_cases),
    accountabilityBasis: r.accountability_basis,
    remarks: r.remarks,
    status: r.status as PowerStatus,
  };
}

export const loadDraftPowerRows = (db: Db, draftId: number) =>
  db.selectFrom('draft_power').selectAll().where('draft_id', '=', draftId).orderBy('ord').orderBy('code').execute();

export async function loadDraftDuties(db: Db, draftId: number): Promise<(Duty & { id: number })[]> {
  const rows = await db
    .selectFrom('draft_duty')
    .selectAll()
    .where('draft_id', '=', draftId)
    .orderBy('ord')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, order: r.ord, name: r.name, content: r.content }));
}

/** The draft as the workspace shows it: every field, the §8 flags and the §7 lapse warning. */
export async function draftView(db: Db, d: DraftHeader, now: Date, actor: Actor) {
  const rows = await loadDraftPowerRows(db, d.id);
  const t = getRulebook(d.rulebook_id).temporaryLicense;
  const powers = rows.map((r) => {
    const p = draftRowToPower(r);
    const [lapse] = findLapsingPowers([p], todayInBeijing(now), { validity: t.validity, warningDays: t.warningDays });
    return {
      ...p,
      id: r.id,
      ord: r.ord,
      version: r.version,
      exclusionFlags: arr<ExclusionFlag>(r.exclusion_flags),
      exclusionOverride: (r.exclusion_override ?? null) as null | {
        note: string;
        by: number;
        byName: string;
        at: string;
      },
      lapse: lapse
        ? {
            documentName: lapse.citation.documentName,
            expiryDate: lapse.expiryDate,
            daysRemaining: lapse.daysRemaining,
            state: lapse.state,
          }
        : null,
    };
  });
  const reviews = await db
    .selectFrom('list_review as v')
    .innerJoin('app_user as u', 'u.id', 'v.actor_id')
    .select(['v.step', 'v.decision', 'v.reason', 'v.at', 'u.display_name as actorName', 'v.actor_id as actorId'])
    .where('v.draft_id', '=', d.id)
    .orderBy('v.id')
    .execute();
  return {
    id: d.id,
    bodyId: d.body_id,
    bodyName: d.bodyName,
    status: d.status,
    statusLabel: DRAFT_STATUS_LABELS[d.status],
    rulebookId: d.rulebook_id,
    createdBy: d.created_by,
    createdAt: d.created_at,
    updatedAt: d.updated_at,
    submittedBy: d.submitted_by,
    submittedAt: d.submitted_at,
    preliminaryPassedAt: d.preliminary_passed_at,
    legalityPassedAt: d.legality_passed_at,
    publishedVersion: d.published_version,
    /** §5: the offices of the body's level that may give the legality review (the rulebook's choice) */
    legalityReviewRoles: [...legalityReviewRoles(d.rulebook_id, d.regionPath)],
    unresolvedFlags: powers.filter((p) => p.exclusionFlags.length > 0 && !p.exclusionOverride).length,
    powers,
    duties: await loadDraftDuties(db, d.id),
    dutiesVersion: d.duties_version,
    reviews,
    can: draftCan(actor, d, await draftAuthors(db, d)),
  };
}

/**
 * Everyone who wrote the draft: its creator and every user who saved it (from the audit trail,
 * written in the same transaction as each save). No one of them may submit or review it.
 */
export async function draftAuthors(db: Db, d: Pick<DraftHeader, 'id' | 'created_by'>): Promise<Set<number>> {
  const rows = await db
    .selectFrom('audit_event')
    .select('actor_id')
    .distinct()
    .where('action', 'in', ['draft.created', 'draft.saved'])
    .where('object_type', '=', 'list_draft')
    .where('object_id', '=', String(d.id))
    .execute();
  return new Set([d.created_by, ...rows.map((r) => r.actor_id).filter((x): x is number => x !== null)]);
}

export async function hasPublishedList(db: Db, bodyId: number): Promise<boolean> {
  const r = await db
    .selectFrom('power_list_version')
    .select(sql<number>`1`.as('x'))
    .where('body_id', '=', bodyId)
    .limit(1)
    .executeTakeFirst();
  return !!r;
}
