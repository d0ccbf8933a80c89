// Who is acting: a signed-in user with the roles they hold per body (spec §1).
// The roles and their labels are shared vocabulary (src/contract/common.ts); re-exported for the core's callers.
import type { Role } from '../contract/common.js';
export { ROLE_LABELS, ROLES, type Role } from '../contract/common.js';

export interface RoleGrant {
  bodyId: number;
  bodyName: string;
  role: Role;
  regionCode: string;
  /** region path from the city down, e.g. 150200/150203 */
  regionPath: string;
}

export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  homeBodyId: number;
  grants: RoleGrant[];
}

/** Client address and the like, carried into the audit trail. */
export interface RequestMeta {
  clientIp: string | null;
}
