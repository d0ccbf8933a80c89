// Who may do what with an opinion, complaint or report (§15 ¶1–2). Pure, deny by default.
// §15 ¶1: a complaint or report of a body's violation goes to the 协调小组办公室 (of the body's
// level; a 苏木乡镇·街道 body is served by its 旗县区's, §18, officeLevelPath); an opinion on a
// power is studied by the body that exercises it (¶2 职权行使机构……研究论证), under the eye of
// the same office, which reads everything at its level and below.
import type { FeedbackKind, FeedbackOutcome, FeedbackStatus } from '../../contract/feedback.js';
import { OUTCOMES_BY_KIND } from '../../contract/feedback.js';
import type { Actor } from '../actor.js';
import { officeLevelPath, roleAtBody, roleReachesRegion } from './scope.js';

export type Routing = 'office' | 'body';

export interface FeedbackRef {
  kind: FeedbackKind;
  status: FeedbackStatus;
  bodyId: number;
  /** region path of the body it is about */
  regionPath: string;
  routedTo: Routing;
  officeBodyId: number;
  handlerId: number | null;
  powerCode: string | null;
  outcome: FeedbackOutcome | null;
  adjustmentId: number | null;
}

/** §15 ¶1: complaints and reports to the office; opinions to the body. */
export const routeOf = (kind: FeedbackKind): Routing => (kind === 'suggestion' ? 'body' : 'office');

/** The coordination office of the body's own level (it runs the web channel and moderates it). */
const levelOffice = (a: Actor | null, regionPath: string) =>
  !!a?.grants.some((g) => g.role === 'coordinator' && g.regionPath === officeLevelPath(regionPath));

const bodyStaff = (a: Actor | null, bodyId: number) =>
  roleAtBody(a, 'clerk', bodyId) || roleAtBody(a, 'leadUnit', bodyId);

/** Offices see their level and below; a body sees the opinions routed to it, never complaints about itself. */
export function canSeeFeedback(a: Actor | null, f: FeedbackRef): boolean {
  if (!a) return false;
  if (roleReachesRegion(a, 'coordinator', f.regionPath)) return true;
  return f.routedTo === 'body' && f.status !== 'moderation' && f.status !== 'rejected' && bodyStaff(a, f.bodyId);
}

/** Staff record what came by hall, phone, letter or e-mail: the level's office, or the body about itself. */
export const canIntake = (a: Actor | null, body: { id: number; regionPath: string }) =>
  levelOffice(a, body.regionPath) || bodyStaff(a, body.id);

export const canModerateFeedback = (a: Actor | null, f: FeedbackRef) =>
  f.status === 'moderation' && levelOffice(a, f.regionPath);

/**
 * Assigning a handler: the office for what is routed to it; for an opinion, the body's 牵头机构
 * (§14 speaks for the body) or the office. Only while it waits or is in hand.
 */
export function canAssign(a: Actor | null, f: FeedbackRef): boolean {
  if (f.status !== 'open' && f.status !== 'assigned') return false;
  if (levelOffice(a, f.regionPath)) return true;
  return f.routedTo === 'body' && roleAtBody(a, 'leadUnit', f.bodyId);
}

/** Who may be made the handler: a person of the body it is routed to. */
export const handlerBodyOf = (f: Pick<FeedbackRef, 'routedTo' | 'bodyId' | 'officeBodyId'>) =>
  f.routedTo === 'office' ? f.officeBodyId : f.bodyId;

/** The written answer comes from the assigned handler and no one else. */
export const canAnswer = (a: Actor | null, f: FeedbackRef) =>
  !!a && f.status === 'assigned' && f.handlerId === a.userId;

/** Full contact details: the handler only (every read is audited by the caller). */
export const canReadContact = (a: Actor | null, f: FeedbackRef) =>
  !!a && f.handlerId === a.userId && (f.status === 'assigned' || f.status === 'answered');

/** Merging a duplicate into another: whoever may assign it, before it is answered. */
export const canMerge = (a: Actor | null, f: FeedbackRef) =>
  (f.status === 'moderation' && levelOffice(a, f.regionPath)) || canAssign(a, f);

export const outcomeFits = (kind: FeedbackKind, outcome: FeedbackOutcome) => OUTCOMES_BY_KIND[kind].includes(outcome);

/**
 * §15 ¶2 吸收采纳合理内容: an adopted opinion on a power can start an adjustment of it (§10, §11),
 * drafted by the body's clerk (only a clerk drafts, §4).
 */
export const canOpenAdjustment = (a: Actor | null, f: FeedbackRef) =>
  f.kind === 'suggestion' &&
  f.status === 'answered' &&
  (f.outcome === 'adopted' || f.outcome === 'partlyAdopted') &&
  !!f.powerCode &&
  f.adjustmentId === null &&
  roleAtBody(a, 'clerk', f.bodyId);

/** A complaint or report found (partly) true: what supervision turns into a finding (§16 ¶2). */
export const isSubstantiated = (f: Pick<FeedbackRef, 'kind' | 'outcome'>) =>
  f.kind !== 'suggestion' && (f.outcome === 'substantiated' || f.outcome === 'partlySubstantiated');
