// §12 ¶4: the coordination office reports each year on the adjustments of its region; an office
// above reads the report of a region under it (its scope reaches down).
import type { Actor, RoleGrant } from '../actor.js';
import { grantReaching, ownOfficeRegion, roleReachesRegion } from './scope.js';

export const canReadYearlyReport = (a: Actor | null, regionPath: string) =>
  roleReachesRegion(a, 'coordinator', regionPath);

/** The coordinator grant the report is read under (the audit row of a download names it). */
export const yearlyReportGrant = (a: Actor | null, regionPath: string): RoleGrant | undefined =>
  grantReaching(a, 'coordinator', regionPath);

/** Without a region named, a report is of the actor's own level: the first coordination office it serves. */
export const defaultReportRegion = (a: Actor | null): string | undefined => ownOfficeRegion(a);
