// Dynamic adjustment (§12, §13.1). An application is seen by its body's clerks and lead unit,
// by the receiving body's (delegation/entrustment), and by the offices whose region covers the
// body; anyone else gets a 404. Acting is narrower: office roles act only at the body's own
// level (本级协调小组办公室, 本级人民政府; a 苏木乡镇·街道 body is served by its 旗县区's,
// officeLevelPath), never from above.
import type { Actor, Role, RoleGrant } from '../actor.js';
import type { WorkflowRole } from '../../contract/adjustments.js';
import { BODY_ROLES, OFFICE_ROLES, officeLevelPath, roleAtBody, roleReachesRegion } from './scope.js';

export interface AdjustmentRef {
  bodyId: number;
  receivingBodyId: number | null;
  regionCode: string;
  regionPath: string;
}

export function canViewAdjustment(a: Actor | null, ref: AdjustmentRef): boolean {
  if (!a) return false;
  const bodies = [ref.bodyId, ref.receivingBodyId];
  if (a.grants.some((g) => BODY_ROLES.includes(g.role) && bodies.includes(g.bodyId))) return true;
  return OFFICE_ROLES.some((r) => roleReachesRegion(a, r, ref.regionPath));
}

/**
 * Who acts in `roles` on an application, as grant criteria (adjustmentRolesOf turned round, for
 * finding the people to notify): body roles at the body itself, office roles at the level serving
 * it (本级, officeLevelPath), and the receiving body (§13(五) 承接部门) through its lead unit.
 */
export function actingGrants(
  roles: readonly WorkflowRole[],
  ref: { bodyId: number; regionPath: string; receivingBodyId?: number | null },
): { bodyRoles: Role[]; bodyId: number; officeRoles: Role[]; level: string; receivingBodyId: number | null } {
  return {
    bodyRoles: BODY_ROLES.filter((r) => (roles as readonly string[]).includes(r)),
    bodyId: ref.bodyId,
    officeRoles: OFFICE_ROLES.filter((r) => (roles as readonly string[]).includes(r)),
    level: officeLevelPath(ref.regionPath),
    receivingBodyId: roles.includes('receiver') && ref.receivingBodyId ? ref.receivingBodyId : null,
  };
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

/** §12: an application is drafted by the applying body's own clerk. */
export const canDraftAdjustment = (a: Actor | null, bodyId: number) => roleAtBody(a, 'clerk', bodyId);

/** §13(五), §14: the receiving body of a 下放 or 委托 confirms through its lead unit. */
export const RECEIVER_GRANT = 'leadUnit' as const satisfies Role;
export const actsForReceivingBody = (a: Actor | null, receivingBodyId: number | null) =>
  receivingBodyId !== null && roleAtBody(a, RECEIVER_GRANT, receivingBodyId);

/**
 * The coordination office grants an office may act under at a region: its own if regionCode is
 * given, else every one it holds (the caller asks which when there are several).
 */
export const coordinatorGrants = (a: Actor | null, regionCode?: string): RoleGrant[] =>
  a ? a.grants.filter((g) => g.role === 'coordinator' && (!regionCode || g.regionCode === regionCode)) : [];

/**
 * §10.1, §11.1: the coordination office records that a law was issued, revised or repealed — at
 * its own region (regionCode), or at the one it holds when none is named.
 */
export const canRecordLawChange = (a: Actor | null, regionCode?: string) => coordinatorGrants(a, regionCode).length > 0;

/** §12: a batch of adjustments (集中调整) is opened by the coordination office of one level, named or the only one held. */
export const canOpenBatch = (a: Actor | null, regionCode?: string) => coordinatorGrants(a, regionCode).length === 1;
