// 三员分立 (the three administrators) and who runs the installation: bodies, users, roles, the
// security policy, the audit trail, the rulebook in force and the working-day calendar.
import { ADMIN_ROLES } from '../../contract/common.js';
import type { Actor, Role, RoleGrant } from '../actor.js';
import { type BodyRef, grantReaching, hasRole, roleReachesRegion } from './scope.js';

/** 三员分立: one person never holds two of the three admin duties. */
export function conflictingAdminRole(held: Role[], adding: Role): Role | undefined {
  if (!ADMIN_ROLES.includes(adding)) return undefined;
  return held.find((r) => r !== adding && ADMIN_ROLES.includes(r));
}

export const canManageBodies = (a: Actor | null, regionPath: string) => roleReachesRegion(a, 'sysAdmin', regionPath);
/** The system administrator's grant under which a body of this region is managed (the audit row names it). */
export const bodyManagerGrant = (a: Actor | null, regionPath: string) => grantReaching(a, 'sysAdmin', regionPath);
export const canManageUsers = (a: Actor | null, home: BodyRef) => roleReachesRegion(a, 'sysAdmin', home.regionPath);
export const canManageRoles = (a: Actor | null, home: BodyRef) => roleReachesRegion(a, 'secAdmin', home.regionPath);
export const canManagePolicy = (a: Actor | null) => hasRole(a, 'secAdmin');
// 三员分立: only the auditor reads the audit trail; the system admin never does.
export const canReadAudit = (a: Actor | null) => hasRole(a, 'auditor');
/** A change to an administrator's account waits for another administrator: any of the three may see and decide. */
export const canReviewAdminChanges = (a: Actor | null) => ADMIN_ROLES.some((r) => hasRole(a, r));

/** 三员分立: a change waits for a second administrator when its subject is one, or when it grants an admin role. */
export const changeNeedsSecondAdmin = (targetRoles: readonly Role[], grantedRole?: Role) =>
  targetRoles.some((r) => ADMIN_ROLES.includes(r)) || (grantedRole !== undefined && ADMIN_ROLES.includes(grantedRole));

/** A pending admin change is seen by an administrator (any of the three) whose scope reaches its subject. */
export const canSeeAdminChange = (a: Actor | null, targetRegionPath: string) =>
  ADMIN_ROLES.some((r) => roleReachesRegion(a, r, targetRegionPath));

/** It is confirmed by such an administrator who is neither its requester nor its subject. */
export function canConfirmAdminChange(
  a: Actor | null,
  change: { requestedBy: number; targetUserId: number },
  targetRegionPath: string,
): boolean {
  if (!a || a.userId === change.requestedBy || a.userId === change.targetUserId) return false;
  return canSeeAdminChange(a, targetRegionPath);
}

/** A user record is visible to its own colleagues and to the admins whose scope covers it. */
export function canViewUser(a: Actor | null, home: BodyRef): boolean {
  if (!a) return false;
  if (a.homeBodyId === home.id || a.grants.some((g) => g.bodyId === home.id)) return true;
  return canManageUsers(a, home) || canManageRoles(a, home);
}

/** The installation (rulebook in force, working-day calendar) is run by a system admin of a top-level region. */
export const installationGrant = (a: Actor | null): RoleGrant | undefined =>
  a?.grants.find((g) => g.role === 'sysAdmin' && !g.regionPath.includes('/'));
export const canConfigureInstallation = (a: Actor | null) => !!installationGrant(a);
