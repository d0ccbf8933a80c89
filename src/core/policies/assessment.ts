// Performance assessment (§5: 协调小组办公室负责对权责清单实施情况开展绩效考核; §16 ¶1). Pure.
import type { Actor } from '../actor.js';
import { officeLevelPath, roleAtBody, roleReachesRegion, type BodyRef } from './scope.js';

/** The ranked table of a level: its office, or the city office (every level). */
export const canViewAssessmentLevel = (a: Actor | null, levelPath: string) =>
  roleReachesRegion(a, 'coordinator', levelPath);

/** One body's scores and facts: the offices above, and the body itself (its clerk or 牵头机构). */
export const canViewAssessment = (a: Actor | null, body: BodyRef) =>
  roleAtBody(a, 'clerk', body.id) || roleAtBody(a, 'leadUnit', body.id) || canViewAssessmentLevel(a, body.regionPath);

/** §5: the office of the body's own level assesses it, so only that office adjusts its score. */
export const canAdjustAssessment = (a: Actor | null, body: BodyRef) => {
  const level = officeLevelPath(body.regionPath);
  return !!a?.grants.some((g) => g.role === 'coordinator' && g.regionPath === level);
};
