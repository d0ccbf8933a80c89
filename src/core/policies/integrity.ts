// The portal's integrity guard (§15 ¶3): 权责清单发布网站遭非法入侵、篡改、内容异常等突发情况时，
// 协调小组办公室应暂时关闭网站. The publishing site is the city's (包头市权责清单公开平台), so the
// office that closes and reopens it is the city's; a 旗县区 office does not close the city's site.
import type { Actor } from '../actor.js';
import { hasRole } from './scope.js';

/** §15 ¶3: the city's 协调小组办公室 closes the portal, reopens it, and runs the check on demand. */
export const canGuardPortal = (a: Actor | null): boolean =>
  !!a?.grants.some((g) => g.role === 'coordinator' && !g.regionPath.includes('/'));

/** Who sees the monitor's results: the guard, and the security and audit administrators (等保2.0). */
export const canViewIntegrity = (a: Actor | null): boolean =>
  canGuardPortal(a) || hasRole(a, 'secAdmin') || hasRole(a, 'auditor');
