// Who may do what with a consultation's comments (§12, §15). The consultation is run by 本级协调
// 小组办公室, so moderating and disposing belong to the coordination office of the body's own
// level (a 苏木乡镇·街道 body is served by its 旗县区's, §18, officeLevelPath — as for the
// application itself); an office above may read (its scope reaches down, as everywhere in the
// platform) but does not act for the lower level.
import type { Actor, RoleGrant } from '../actor.js';
import { officeGrantFor, roleAtBody, roleReachesRegion } from './scope.js';

export const canReadComments = (a: Actor | null, regionPath: string) => roleReachesRegion(a, 'coordinator', regionPath);

/**
 * §12, §15: the applying body answers for its proposal, so its clerk and lead unit read the
 * comments on their own application — the visible ones, without the commenter's contact, which
 * stays with the coordination office that handles them.
 */
export const isApplyingBody = (a: Actor | null, bodyId: number) =>
  roleAtBody(a, 'clerk', bodyId) || roleAtBody(a, 'leadUnit', bodyId);

/** The coordinator grant held at the level serving the consultation's body, if any. */
export const ownLevelCoordinator = (a: Actor | null, bodyRegionPath: string): RoleGrant | undefined =>
  officeGrantFor(a, 'coordinator', bodyRegionPath);

export const canModerate = (a: Actor | null, regionPath: string) => !!ownLevelCoordinator(a, regionPath);
