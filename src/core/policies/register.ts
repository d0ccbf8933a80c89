// The register (spec §2; regulation §4, §5, §7, §18). A body's list is drafted by its clerk and
// submitted by its lead unit; the coordination office and the legal office of the body's own
// level review and publish it. A 苏木乡镇·街道 body (§18 参照执行) is served by its 旗县区's offices.
import { type Actor, ROLES, type Role, type RoleGrant } from '../actor.js';
import { getRulebook, levelOfPath } from '../rulebook/index.js';
import { type BodyRef, hasRole, officeRoleFor, roleAtBody } from './scope.js';

export const canDraftList = (a: Actor | null, body: BodyRef) => roleAtBody(a, 'clerk', body.id);
export const canSubmitList = (a: Actor | null, body: BodyRef) => roleAtBody(a, 'leadUnit', body.id);
export const canPreliminaryReviewList = (a: Actor | null, body: BodyRef) => officeRoleFor(a, 'coordinator', body);
/**
 * §5: 由协调小组办公室或本级人民政府法制机构负责同级行政机关权责清单的合法性审查 — the draft's
 * rulebook names, per level, which office reviews (as for an adjustment's legality review).
 */
export function legalityReviewRoles(rulebookId: string | undefined, regionPath: string): readonly Role[] {
  const byLevel = getRulebook(rulebookId).stepRolesByLevel.find((s) => s.step === 'legalityReview');
  const named: readonly string[] = byLevel?.roles[levelOfPath(regionPath)] ?? ['legalReviewer'];
  return ROLES.filter((r) => named.includes(r));
}
export const canLegalityReviewList = (a: Actor | null, body: BodyRef & { rulebookId?: string }) =>
  legalityReviewRoles(body.rulebookId, body.regionPath).some((r) => officeRoleFor(a, r, body));
/** §12: the coordination office publishes; it also decides on §8 exclusion flags. */
export const canPublishList = (a: Actor | null, body: BodyRef) => officeRoleFor(a, 'coordinator', body);
export const canViewDraft = (a: Actor | null, body: BodyRef) =>
  canDraftList(a, body) ||
  canSubmitList(a, body) ||
  canPreliminaryReviewList(a, body) ||
  canLegalityReviewList(a, body) ||
  officeRoleFor(a, 'approver', body);
/** §7: the legal-document register is kept by the coordination and legal offices. */
export const canManageLegalDocuments = (a: Actor | null) => hasRole(a, 'coordinator') || hasRole(a, 'legalReviewer');
/** The grant under which a legal document is entered (the audit row names its role and body). */
export const legalDocumentGrant = (a: Actor | null): RoleGrant | undefined =>
  a?.grants.find((g) => g.role === 'coordinator' || g.role === 'legalReviewer');
