// Authorization as pure functions that deny by default (house habit 4).
// Scope: a role held at a body of region R reaches R and every region under it;
// clerks and lead units reach their own body only.
import { ADMIN_ROLES, type Abilities } from '../contract/common.js';
import { ROLES, type Actor, type Role } from './actor.js';
import { getRulebook, levelOfPath } from './rulebook/index.js';

export { ADMIN_ROLES, type Abilities } from '../contract/common.js';

/** 三员分立: one person never holds two of the three admin duties. */
export function conflictingAdminRole(held: Role[], adding: Role): Role | undefined {
  if (!ADMIN_ROLES.includes(adding)) return undefined;
  return held.find((r) => r !== adding && ADMIN_ROLES.includes(r));
}

export const pathWithin = (path: string, scope: string) => path === scope || path.startsWith(scope + '/');

export function hasRole(actor: Actor | null, role: Role): boolean {
  return !!actor?.grants.some((g) => g.role === role);
}

/** Region paths the actor reaches with a role (empty = none: deny). */
export function scopesOf(actor: Actor | null, role: Role): string[] {
  return actor ? actor.grants.filter((g) => g.role === role).map((g) => g.regionPath) : [];
}

export function roleReachesRegion(actor: Actor | null, role: Role, regionPath: string): boolean {
  return scopesOf(actor, role).some((s) => pathWithin(regionPath, s));
}

export function roleAtBody(actor: Actor | null, role: Role, bodyId: number): boolean {
  return !!actor?.grants.some((g) => g.role === role && g.bodyId === bodyId);
}

export interface BodyRef {
  id: number;
  regionPath: string;
}

export const canManageBodies = (a: Actor | null, regionPath: string) => roleReachesRegion(a, 'sysAdmin', regionPath);
export const canManageUsers = (a: Actor | null, home: BodyRef) => roleReachesRegion(a, 'sysAdmin', home.regionPath);
export const canManageRoles = (a: Actor | null, home: BodyRef) => roleReachesRegion(a, 'secAdmin', home.regionPath);
export const canManagePolicy = (a: Actor | null) => hasRole(a, 'secAdmin');
// 三员分立: only the auditor reads the audit trail; the system admin never does.
export const canReadAudit = (a: Actor | null) => hasRole(a, 'auditor');

/** A user record is visible to its own colleagues and to the admins whose scope covers it. */
export function canViewUser(a: Actor | null, home: BodyRef): boolean {
  if (!a) return false;
  if (a.homeBodyId === home.id || a.grants.some((g) => g.bodyId === home.id)) return true;
  return canManageUsers(a, home) || canManageRoles(a, home);
}

/** What the UI may offer; the server checks every call again. */
export function abilitiesOf(a: Actor | null): Abilities {
  return {
    manageBodies: hasRole(a, 'sysAdmin'),
    manageUsers: hasRole(a, 'sysAdmin'),
    manageRoles: hasRole(a, 'secAdmin'),
    managePolicy: hasRole(a, 'secAdmin'),
    readAudit: canReadAudit(a),
    draftList: hasRole(a, 'clerk'),
    submitList: hasRole(a, 'leadUnit'),
    review: hasRole(a, 'coordinator'),
    legalReview: hasRole(a, 'legalReviewer'),
    approve: hasRole(a, 'approver'),
  };
}

// The register (spec §2; regulation §4, §5, §18). A body's list is drafted by its clerk and
// submitted by its lead unit; the coordination office and the legal office of the body's own
// level review and publish it. A 苏木乡镇·街道 body (§18 参照执行) is served by its 旗县区's offices.
export const officeLevelPath = (bodyRegionPath: string) => bodyRegionPath.split('/').slice(0, 2).join('/');

export function officeRoleFor(actor: Actor | null, role: Role, body: BodyRef): boolean {
  const level = officeLevelPath(body.regionPath);
  return !!actor?.grants.some((g) => g.role === role && g.regionPath === level);
}

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

// Dynamic adjustment (§12, §13.1). An application is seen by its body's clerks and lead unit,
// by the receiving body's (delegation/entrustment), and by the offices whose region covers the
// body; anyone else gets a 404. Acting is narrower: office roles act only at the body's own
// level (本级协调小组办公室, 本级人民政府; a 苏木乡镇·街道 body is served by its 旗县区's,
// officeLevelPath), never from above.
export interface AdjustmentRef {
  bodyId: number;
  receivingBodyId: number | null;
  regionCode: string;
  regionPath: string;
}

export const OFFICE_ROLES: Role[] = ['coordinator', 'legalReviewer', 'approver'];
export const BODY_ROLES: Role[] = ['clerk', 'leadUnit'];

export function canViewAdjustment(a: Actor | null, ref: AdjustmentRef): boolean {
  if (!a) return false;
  const bodies = [ref.bodyId, ref.receivingBodyId];
  if (a.grants.some((g) => BODY_ROLES.includes(g.role) && bodies.includes(g.bodyId))) return true;
  return OFFICE_ROLES.some((r) => roleReachesRegion(a, r, ref.regionPath));
}

/** The workflow roles the actor may act in on this application. */
export function adjustmentRolesOf(a: Actor | null, ref: Pick<AdjustmentRef, 'bodyId' | 'regionPath'>): Role[] {
  if (!a) return [];
  const level = officeLevelPath(ref.regionPath);
  const roles = new Set<Role>();
  for (const g of a.grants) {
    if (BODY_ROLES.includes(g.role) && g.bodyId === ref.bodyId) roles.add(g.role);
    if (OFFICE_ROLES.includes(g.role) && g.regionPath === level) roles.add(g.role);
  }
  return [...roles];
}

/** The installation's rulebook and working-day calendar: a system admin of a top-level region. */
export const canConfigureInstallation = (a: Actor | null) =>
  !!a?.grants.some((g) => g.role === 'sysAdmin' && !g.regionPath.includes('/'));

/** §10.1, §11.1: the coordination office records that a law was issued, revised or repealed. */
export const canRecordLawChange = (a: Actor | null, regionCode: string) =>
  !!a?.grants.some((g) => g.role === 'coordinator' && g.regionCode === regionCode);
