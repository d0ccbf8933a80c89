// Exercise records (行使记录, §14 ¶1, §16 ¶2, §17): who imports them, who keeps the sending
// systems' keys, and the identity of a fact they reveal. Pure: no IO.
import type { ExerciseFlag } from '../../contract/exercise.js';
import type { Actor } from '../actor.js';
import { roleReachesRegion } from './scope.js';

/**
 * §16 ¶1: 协调小组办公室……监督检查 — an office imports the records of bodies its level reaches (the
 * city's 政务服务 system reports for every level; a 旗县区 office for its own); outside: refused.
 */
export const canImportExercise = (a: Actor | null, regionPath: string) =>
  roleReachesRegion(a, 'coordinator', regionPath);

/** Imports of a level are read by the offices that reach it (the city sees every level). */
export const canViewExerciseImport = (a: Actor | null, regionPath: string) =>
  roleReachesRegion(a, 'coordinator', regionPath);

/** A sending system's key is issued and revoked by a system administrator of its level (三员分立). */
export const canManageExerciseSources = (a: Actor | null, regionPath: string) =>
  roleReachesRegion(a, 'sysAdmin', regionPath);

/**
 * The fact an exercise record reveals: one body exercising one power (by code, else by name) in a
 * way its list does not allow. Every record of the same fact, in this import or a later one,
 * belongs to one finding (§16: 问题线索 once per fact).
 */
export function exerciseFactKey(
  flag: ExerciseFlag,
  bodyId: number,
  powerCode: string | null,
  powerName: string | null,
) {
  return `exercise:${flag}:${bodyId}:${powerCode ? `code:${powerCode}` : `name:${powerName ?? ''}`}`;
}
