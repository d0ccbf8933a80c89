// Authorization as pure functions that deny by default (house habit 4).
// Scope: a role held at a body of region R reaches R and every region under it;
// clerks and lead units reach their own body only.
import type { Actor, Role } from './actor.js';

export const ADMIN_ROLES: Role[] = ['sysAdmin', 'secAdmin', 'auditor'];

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

export interface Abilities {
  manageBodies: boolean;
  manageUsers: boolean;
  manageRoles: boolean;
  managePolicy: boolean;
  readAudit: boolean;
  draftList: boolean;
  submitList: boolean;
  review: boolean;
  legalReview: boolean;
  approve: boolean;
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
export const canLegalityReviewList = (a: Actor | null, body: BodyRef) => officeRoleFor(a, 'legalReviewer', body);
/** §12: the coordination office publishes; it also decides on §8 exclusion flags. */
export const canPublishList = (a: Actor | null, body: BodyRef) => officeRoleFor(a, 'coordinator', body);
export const canViewDraft = (a: Actor | null, body: BodyRef) =>
  canDraftList(a, body) || canSubmitList(a, body) || canPreliminaryReviewList(a, body) || canLegalityReviewList(a, body) || officeRoleFor(a, 'approver', body);
/** §7: the legal-document register is kept by the coordination and legal offices. */
export const canManageLegalDocuments = (a: Actor | null) => hasRole(a, 'coordinator') || hasRole(a, 'legalReviewer');
