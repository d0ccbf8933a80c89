// Which buttons a draft shows to the signed-in actor (mirrors src/core/policies.ts and the draft
// workflow's states; the server checks every call again). A body's clerk drafts and its lead
// unit submits; the coordination and legal offices of the body's level review, and the
// coordination office decides §8 flags and publishes (a 苏木乡镇·街道 body: its 旗县区's offices).
import type { Role, Session } from '../../types.ts';
import type { Draft } from './listApi.ts';

export const officeLevelPath = (regionPath: string) => regionPath.split('/').slice(0, 2).join('/');

const atBody = (s: Session, role: Role, bodyId: number) => s.roles.some((g) => g.role === role && g.bodyId === bodyId);
const atLevel = (s: Session, role: Role, regionPath: string) =>
  s.roles.some((g) => g.role === role && g.regionPath === officeLevelPath(regionPath));

/** The bodies where the actor drafts (clerk) or submits (lead unit) a list. */
export function ownBodies(s: Session): { bodyId: number; bodyName: string; clerk: boolean; lead: boolean }[] {
  const m = new Map<number, { bodyId: number; bodyName: string; clerk: boolean; lead: boolean }>();
  for (const g of s.roles) {
    if (g.role !== 'clerk' && g.role !== 'leadUnit') continue;
    const e = m.get(g.bodyId) ?? { bodyId: g.bodyId, bodyName: g.bodyName, clerk: false, lead: false };
    if (g.role === 'clerk') e.clerk = true;
    else e.lead = true;
    m.set(g.bodyId, e);
  }
  return [...m.values()];
}

export interface DraftAccess {
  edit: boolean;
  exportDraft: boolean;
  submit: boolean;
  /** the review this actor gives: the coordination office's or the legal office's */
  review: 'preliminary' | 'legality' | null;
  /** that review may still pass (not given yet); a return stays possible until publication */
  canPass: boolean;
  override: boolean;
  publish: boolean;
}

export function draftAccess(
  s: Session,
  d: Pick<Draft, 'bodyId' | 'status' | 'preliminaryPassedAt' | 'legalityPassedAt' | 'legalityReviewRoles'>,
  regionPath: string | undefined,
): DraftAccess {
  const clerk = atBody(s, 'clerk', d.bodyId);
  const lead = atBody(s, 'leadUnit', d.bodyId);
  const coord = !!regionPath && atLevel(s, 'coordinator', regionPath);
  // §5: whichever office the rulebook names for the body's level (the server says which)
  const legal = !!regionPath && d.legalityReviewRoles.some((r) => atLevel(s, r, regionPath));
  const editable = d.status === 'drafting' || d.status === 'returned';
  const inReview = d.status === 'submitted' || d.status === 'reviewed';
  // one person holding both offices' roles gives the review still missing first
  const review = !inReview
    ? null
    : coord && (!legal || !d.preliminaryPassedAt)
      ? ('preliminary' as const)
      : legal
        ? ('legality' as const)
        : null;
  return {
    edit: clerk && editable,
    exportDraft: clerk || lead,
    submit: lead && editable,
    review,
    canPass:
      review !== null &&
      d.status === 'submitted' &&
      !(review === 'preliminary' ? d.preliminaryPassedAt : d.legalityPassedAt),
    override: coord && d.status !== 'published' && d.status !== 'withdrawn',
    publish: coord && d.status === 'reviewed',
  };
}
