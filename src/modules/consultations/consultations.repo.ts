// Reading consultations (0004) with their application, body and comments (0005). The public
// queries never select a comment's contact or client key: what the portal cannot read it
// cannot leak.
import { sql } from 'kysely';
import { todayInBeijing, type IsoDate } from '../../core/calendar/index.js';
import type { AdjustmentKind } from '../../core/rulebook/index.js';
import { readJsonb, readJsonbArray, type Db } from '../../platform/db.js';
import type { Disposition } from './comment-rules.js';
import type { ProposalItem } from './proposal-words.js';

/** upcoming: announced, not yet taking comments; open: taking comments; closed: period over. */
export type Phase = 'upcoming' | 'open' | 'closed' | 'cancelled';

export interface ConsultationRow {
  id: number;
  adjustmentId: number;
  round: number;
  opensOn: IsoDate;
  closesOn: IsoDate;
  status: 'open' | 'closed' | 'cancelled';
  title: string;
  kind: AdjustmentKind;
  rulebookId: string;
  reason: string;
  legalBasis: string;
  adjustmentStatus: string;
  completedSteps: string[];
  openSteps: string[];
  publishedAt: Date | null;
  publishedVersion: number | null;
  bodyId: number;
  bodyName: string;
  receivingBodyName: string | null;
  regionCode: string;
  regionName: string;
  regionPath: string;
}

const asDate = (v: unknown): IsoDate => (v instanceof Date ? todayInBeijing(v) : String(v).slice(0, 10));
const arr = readJsonbArray<string>;

/** The phase on a Beijing date: comments are taken from opens_on through closes_on. */
export function phaseOf(c: Pick<ConsultationRow, 'status' | 'opensOn' | 'closesOn'>, today: IsoDate): Phase {
  if (c.status === 'cancelled') return 'cancelled';
  if (c.status === 'closed' || today > c.closesOn) return 'closed';
  return today < c.opensOn ? 'upcoming' : 'open';
}

function base(db: Db) {
  return db
    .selectFrom('consultation as c')
    .innerJoin('adjustment as a', 'a.id', 'c.adjustment_id')
    .innerJoin('body as b', 'b.id', 'a.body_id')
    .innerJoin('region as r', 'r.code', 'b.region_code')
    .leftJoin('body as rb', 'rb.id', 'a.receiving_body_id')
    .select([
      'c.id',
      'c.adjustment_id',
      'c.round',
      'c.opens_on',
      'c.closes_on',
      'c.status',
      'a.title',
      'a.kind',
      'a.rulebook_id',
      'a.reason',
      'a.legal_basis',
      'a.status as adjustment_status',
      'a.completed_steps',
      'a.open_steps',
      'a.published_at',
      'a.published_version',
      'b.id as body_id',
      'b.name as body_name',
      'rb.name as receiving_body_name',
      'r.code as region_code',
      'r.name as region_name',
      'r.path as region_path',
    ]);
}

type BaseRow = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

function toRow(r: BaseRow): ConsultationRow {
  return {
    id: r.id,
    adjustmentId: r.adjustment_id,
    round: r.round,
    opensOn: asDate(r.opens_on),
    closesOn: asDate(r.closes_on),
    status: r.status,
    title: r.title,
    kind: r.kind,
    rulebookId: r.rulebook_id,
    reason: r.reason,
    legalBasis: r.legal_basis,
    adjustmentStatus: r.adjustment_status,
    completedSteps: arr(r.completed_steps),
    openSteps: arr(r.open_steps),
    publishedAt: r.published_at,
    publishedVersion: r.published_version,
    bodyId: r.body_id,
    bodyName: r.body_name,
    receivingBodyName: r.receiving_body_name,
    regionCode: r.region_code,
    regionName: r.region_name,
    regionPath: r.region_path,
  };
}

export async function findConsultation(db: Db, id: number): Promise<ConsultationRow | undefined> {
  const r = await base(db).where('c.id', '=', id).executeTakeFirst();
  return r && toRow(r);
}

export interface ListFilter {
  /** only consultations of bodies in these region paths (and below) */
  regionPaths?: string[];
  /** only this region itself */
  regionCode?: string;
  limit?: number;
}

/** Consultations newest first, with the number of public comments and hidden ones. */
export async function listConsultations(db: Db, f: ListFilter = {}) {
  let q = base(db);
  if (f.regionCode) q = q.where('r.code', '=', f.regionCode);
  if (f.regionPaths) {
    const paths = f.regionPaths;
    if (!paths.length) return [];
    q = q.where((eb) => eb.or(paths.flatMap((p) => [eb('r.path', '=', p), eb('r.path', 'like', `${p}/%`)])));
  }
  const rows = await q
    .select((eb) => [
      eb
        .selectFrom('consultation_comment as k')
        .whereRef('k.consultation_id', '=', 'c.id')
        .where('k.hidden_at', 'is', null)
        .select(sql<number>`count(*)::int`.as('n'))
        .as('comments'),
      eb
        .selectFrom('consultation_comment as k')
        .whereRef('k.consultation_id', '=', 'c.id')
        .where('k.hidden_at', 'is not', null)
        .select(sql<number>`count(*)::int`.as('n'))
        .as('hidden'),
    ])
    .orderBy('c.opens_on', 'desc')
    .orderBy('c.id', 'desc')
    .limit(f.limit ?? 500)
    .execute();
  return rows.map((r) => ({ ...toRow(r), comments: Number(r.comments ?? 0), hidden: Number(r.hidden ?? 0) }));
}

export async function loadItems(db: Db, adjustmentId: number): Promise<ProposalItem[]> {
  const rows = await db
    .selectFrom('adjustment_item')
    .select(['target_code', 'base', 'proposed'])
    .where('adjustment_id', '=', adjustmentId)
    .orderBy('ord')
    .execute();
  const obj = readJsonb<ProposalItem['base']>;
  return rows.map((r) => ({ targetCode: r.target_code, base: obj(r.base) ?? null, proposed: obj(r.proposed) ?? null }));
}

export interface PublicComment {
  seq: number;
  authorName: string | null;
  content: string;
  createdAt: Date;
  disposition: Disposition | null;
  dispositionReason: string | null;
}

/** Visible comments for the portal: no contact, no client key, no moderation details. */
export async function publicComments(
  db: Db,
  consultationId: number,
): Promise<{ comments: PublicComment[]; hidden: number }> {
  const rows = await db
    .selectFrom('consultation_comment')
    .select(['seq', 'author_name', 'content', 'created_at', 'disposition', 'disposition_reason', 'hidden_at'])
    .where('consultation_id', '=', consultationId)
    .orderBy('seq')
    .execute();
  const visible = rows.filter((r) => r.hidden_at === null);
  return {
    hidden: rows.length - visible.length,
    comments: visible.map((r) => ({
      seq: r.seq,
      authorName: r.author_name,
      content: r.content,
      createdAt: r.created_at,
      disposition: r.disposition,
      dispositionReason: r.disposition_reason,
    })),
  };
}

/** Everything about the comments, for the coordination office. */
export async function staffComments(db: Db, consultationId: number) {
  const rows = await db
    .selectFrom('consultation_comment as k')
    .leftJoin('app_user as h', 'h.id', 'k.hidden_by')
    .leftJoin('app_user as d', 'd.id', 'k.disposed_by')
    .select([
      'k.id',
      'k.seq',
      'k.author_name',
      'k.contact',
      'k.content',
      'k.created_at',
      'k.hidden_at',
      'k.hidden_reason',
      'h.display_name as hidden_by_name',
      'k.disposition',
      'k.disposition_reason',
      'k.disposed_at',
      'd.display_name as disposed_by_name',
    ])
    .where('k.consultation_id', '=', consultationId)
    .orderBy('k.seq')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    seq: r.seq,
    authorName: r.author_name,
    contact: r.contact,
    content: r.content,
    createdAt: r.created_at,
    hidden: r.hidden_at !== null,
    hiddenAt: r.hidden_at,
    hiddenReason: r.hidden_reason,
    hiddenByName: r.hidden_by_name,
    disposition: r.disposition,
    dispositionReason: r.disposition_reason,
    disposedAt: r.disposed_at,
    disposedByName: r.disposed_by_name,
  }));
}

/**
 * Visible comments still without a disposition: the adjustments module may require none
 * before the consultation step completes (§15 吸收采纳合理内容).
 */
export async function undisposedCount(db: Db, consultationId: number): Promise<number> {
  const r = await db
    .selectFrom('consultation_comment')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('consultation_id', '=', consultationId)
    .where('hidden_at', 'is', null)
    .where('disposition', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The form-signing key made by migration 0005. */
export async function formKey(db: Db): Promise<string> {
  const r = await db
    .selectFrom('server_secret')
    .select('secret')
    .where('name', '=', 'consultationForm')
    .executeTakeFirstOrThrow();
  return r.secret;
}
