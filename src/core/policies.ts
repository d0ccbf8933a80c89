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
