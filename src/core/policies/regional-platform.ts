// §13.1 放权部门……通过自治区事项管理平台和全市权责清单管理平台调整本部门事项，确保各平台与实际情况一致;
// §13.5 保持权责清单管理平台与实际情况一致. Who reconciles the regional platform's data with our
// published lists, who sees a reconciliation, who attaches one to an application's platform step,
// who records the facts item platforms carry (统一社会信用代码, 法定期限/承诺期限).
import type { Actor } from '../actor.js';
import { type BodyRef, officeGrantFor, roleAtBody, roleReachesRegion } from './scope.js';

const ownBody = (a: Actor | null, bodyId: number) =>
  roleAtBody(a, 'clerk', bodyId) || roleAtBody(a, 'leadUnit', bodyId);

/** A body's own clerk or lead unit (§13.1 names the body), or the coordination office of its level. */
export const canReconcileBody = (a: Actor | null, body: BodyRef): boolean =>
  ownBody(a, body.id) || !!officeGrantFor(a, 'coordinator', body.regionPath);

/** A level's whole list: its own coordination office only (an office acts at its own level). */
export const canReconcileLevel = (a: Actor | null, regionPath: string): boolean =>
  !!a?.grants.some((g) => g.role === 'coordinator' && g.regionPath === regionPath);

/** Who sees a reconciliation: who could make it, and an office above (its scope reaches down). */
export function canViewReconciliation(
  a: Actor | null,
  r: { scope: 'body' | 'level'; bodyId: number | null; regionPath: string },
): boolean {
  if (roleReachesRegion(a, 'coordinator', r.regionPath)) return true;
  return r.scope === 'body' && r.bodyId !== null && ownBody(a, r.bodyId);
}

/** §13.1: the body updates the platforms, so its clerk or lead unit attaches the proof to its application. */
export const canAttachPlatformSync = (a: Actor | null, app: { bodyId: number }): boolean => ownBody(a, app.bodyId);

/** A body's 统一社会信用代码: the system administrator of a region reaching the body. */
export const canSetCreditCode = (a: Actor | null, body: BodyRef): boolean =>
  roleReachesRegion(a, 'sysAdmin', body.regionPath);

/** A power's 法定期限 / 承诺期限 (办事指南 facts): the body's own clerk or lead unit. */
export const canSetTimeLimit = (a: Actor | null, body: BodyRef): boolean => ownBody(a, body.id);
