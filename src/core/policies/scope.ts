// The grammar every policy is written in: who holds which role where. Scope: a role held at a
// body of region R reaches R and every region under it; clerks and lead units reach their own
// body only; an office acts only at its own level (本级), never for a level below.
import type { Actor, Role, RoleGrant } from '../actor.js';

export interface BodyRef {
  id: number;
  regionPath: string;
}

export const OFFICE_ROLES: Role[] = ['coordinator', 'legalReviewer', 'approver'];
export const BODY_ROLES: Role[] = ['clerk', 'leadUnit'];

export const pathWithin = (path: string, scope: string) => path === scope || path.startsWith(`${scope}/`);

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

/** The grant of a role whose scope reaches the region (the one the actor acts under there), if any. */
export const grantReaching = (actor: Actor | null, role: Role, regionPath: string): RoleGrant | undefined =>
  actor?.grants.find((g) => g.role === role && pathWithin(regionPath, g.regionPath));

export function roleAtBody(actor: Actor | null, role: Role, bodyId: number): boolean {
  return !!actor?.grants.some((g) => g.role === role && g.bodyId === bodyId);
}

/** The bodies at which the actor holds a role. */
export const bodiesWithRole = (actor: Actor | null, role: Role): number[] =>
  actor ? [...new Set(actor.grants.filter((g) => g.role === role).map((g) => g.bodyId))] : [];

// §18 参照执行: a 苏木乡镇·街道 body is served by its 旗县区's offices, so the level of the offices
// serving a body is the first two segments of its region path.
export const officeLevelPath = (bodyRegionPath: string) => bodyRegionPath.split('/').slice(0, 2).join('/');

/** The grant of an office role held at the level serving the body's region, if any. */
export const officeGrantFor = (actor: Actor | null, role: Role, bodyRegionPath: string): RoleGrant | undefined =>
  actor?.grants.find((g) => g.role === role && g.regionPath === officeLevelPath(bodyRegionPath));

export function officeRoleFor(actor: Actor | null, role: Role, body: Pick<BodyRef, 'regionPath'>): boolean {
  return !!officeGrantFor(actor, role, body.regionPath);
}

/** The bodies whose own records the actor sees as their clerk or lead unit (the SQL scopes' body half). */
export const staffedBodies = (actor: Actor | null): number[] => [
  ...new Set((actor?.grants ?? []).filter((g) => BODY_ROLES.includes(g.role)).map((g) => g.bodyId)),
];

/** The region paths the actor's office roles reach (the SQL scopes' office half: those paths and all under them). */
export const officeScopes = (actor: Actor | null): string[] => [
  ...new Set(OFFICE_ROLES.flatMap((r) => scopesOf(actor, r))),
];

/** The levels (市 or 旗县区 region paths) the actor's office roles serve; a grant below a level serves none. */
export const officeLevels = (actor: Actor | null): string[] => [
  ...new Set(
    (actor?.grants ?? [])
      .filter((g) => OFFICE_ROLES.includes(g.role) && officeLevelPath(g.regionPath) === g.regionPath)
      .map((g) => g.regionPath),
  ),
];

/** The role a body's own act is recorded under: its 牵头机构 (§14 ¶2) before its clerk; none outside it. */
export const bodyRoleOf = (actor: Actor | null, bodyId: number): 'leadUnit' | 'clerk' | undefined =>
  roleAtBody(actor, 'leadUnit', bodyId) ? 'leadUnit' : roleAtBody(actor, 'clerk', bodyId) ? 'clerk' : undefined;

/** The region code of the first coordination office the actor serves: the default level of its views. */
export const ownOfficeRegion = (actor: Actor | null): string | undefined =>
  actor?.grants.find((g) => g.role === 'coordinator')?.regionCode;
