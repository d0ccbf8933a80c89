// Supervision (§14 ¶2, §16, §17): who may see and act on findings, rectification orders and
// 通报批评, and which transitions each state allows. Pure: no IO; the commands call these.
import type { FindingKind, FindingStatus, OrderStatus, ReprimandStatus } from '../../contract/supervision.js';
import type { Actor } from '../actor.js';
import type { WorkdayCalendar } from '../calendar/index.js';
import { dueFor, getRulebook, type Due } from '../rulebook/index.js';
import { officeLevelPath, roleAtBody, roleReachesRegion, type BodyRef } from './scope.js';

/**
 * §16: 协调小组办公室……对本级职权行使机构权责清单实施情况的监督检查. The city office sees every
 * level under it; a 旗县区 office sees its own; a body sees its own findings (outside: 404).
 */
export function canViewSupervision(a: Actor | null, body: BodyRef): boolean {
  if (!a) return false;
  if (roleAtBody(a, 'clerk', body.id) || roleAtBody(a, 'leadUnit', body.id)) return true;
  return roleReachesRegion(a, 'coordinator', body.regionPath);
}

/** §16: the office of the body's own level (本级) acts; a 苏木乡镇·街道 body is served by its 旗县区's. */
export function canSuperviseBody(a: Actor | null, body: BodyRef): boolean {
  const level = officeLevelPath(body.regionPath);
  return !!a?.grants.some((g) => g.role === 'coordinator' && g.regionPath === level);
}

/** §14 ¶2: the body's 牵头机构 督促……整改落实: its clerk or lead unit reports the rectification. */
export const canReportRectification = (a: Actor | null, body: BodyRef) =>
  roleAtBody(a, 'leadUnit', body.id) || roleAtBody(a, 'clerk', body.id);

/** §14 ¶2: 各部门……明确本部门权责清单动态调整工作牵头机构 — the body names it itself. */
export const canDesignateLeadUnit = (a: Actor | null, body: BodyRef) =>
  roleAtBody(a, 'leadUnit', body.id) || roleAtBody(a, 'clerk', body.id);

/** Facts the sweep or the 牵头机构 check find; the office opens the others by hand. */
export const SWEEP_KINDS: readonly FindingKind[] = ['late', 'delayed', 'missing'];

/** The identity of a platform-found fact: the unique key that opens its finding once. */
export function factKey(f: {
  kind: FindingKind;
  adjustmentId?: number | null;
  bodyId: number;
  round?: number;
  step?: string;
}): string | null {
  if (f.kind === 'noLeadUnit') return `noLeadUnit:${f.bodyId}`;
  if (!f.adjustmentId) return null;
  if (f.kind === 'late' || f.kind === 'missing') return `${f.kind}:${f.adjustmentId}`;
  if (f.kind === 'delayed' && f.step) return `delayed:${f.adjustmentId}:${f.round ?? 1}:${f.step}`;
  return null;
}

export type Refusal = { ok: false; code: 'INVALID_STATE' | 'SELF_REVIEW' | 'DEADLINE'; message: string };
export type Verdict = { ok: true } | Refusal;
const OK: Verdict = { ok: true };
const refuse = (message: string, code: Refusal['code'] = 'INVALID_STATE'): Refusal => ({ ok: false, code, message });

/** §16 督促整改: an order is issued on a finding still open (one order at a time). */
export const mayIssueOrder = (s: FindingStatus): Verdict =>
  s === 'open' ? OK : refuse('该督查发现不是待处理状态，不能下达整改通知');

/** A finding not borne out is closed by the office with its reason, before any order. */
export const mayDismiss = (s: FindingStatus): Verdict => (s === 'open' ? OK : refuse('只有待处理的督查发现可以核销'));

/** The body reports once, within the rulebook period (§16: 不按要求整改 is escalated). */
export function mayReport(s: OrderStatus, dueOn: string, today: string): Verdict {
  if (s !== 'issued') return refuse('该整改通知已报送或已办结，不能再次报送');
  if (today > dueOn) return refuse(`整改期限（${dueOn}）已过，不能再报送整改情况`, 'DEADLINE');
  return OK;
}

export const mayDecide = (s: OrderStatus): Verdict =>
  s === 'reported' ? OK : refuse('该整改通知尚未报送整改情况或已验收，不能验收');

/** Evidence is added while the order waits for the body's report. */
export const mayAddEvidence = (s: OrderStatus): Verdict =>
  s === 'issued' ? OK : refuse('整改情况已报送，不能再添加佐证材料');

/** §16: 对不按要求整改的……通报批评 — only a finding whose rectification failed. */
export const mayDraftReprimand = (s: FindingStatus, hasReprimand: boolean): Verdict => {
  if (s !== 'escalated') return refuse('只有逾期未整改或整改不合格的督查发现才能起草通报批评');
  return hasReprimand ? refuse('该督查发现已有通报批评') : OK;
};

/** Nobody approves their own draft. */
export function mayApproveReprimand(s: ReprimandStatus, draftedBy: number, actorId: number): Verdict {
  if (s !== 'draft') return refuse('该通报批评不是待审核状态');
  if (draftedBy === actorId) return refuse('不能审核本人起草的通报批评，请由协调小组办公室其他人员审核', 'SELF_REVIEW');
  return OK;
}

export const mayPublishReprimand = (s: ReprimandStatus): Verdict =>
  s === 'approved' ? OK : refuse('通报批评须经审核后才能公布');

/** §16 督促整改: the rectification period of the rulebook in force, in working days. */
export function rectificationDue(rulebookId: string | undefined, issuedOn: string, cal: WorkdayCalendar): Due {
  const rb = getRulebook(rulebookId);
  return dueFor(rb, rb.supervision.rectification, issuedOn, cal);
}

/**
 * §4: 联席会议办公室设在协调小组办公室 — the coordination office of a level (市 or 旗县区) keeps its
 * joint meeting: members, meetings, minutes. The city office sees the 旗县区 meetings too.
 */
export const canManageJointMeeting = (a: Actor | null, regionPath: string) =>
  !!a?.grants.some((g) => g.role === 'coordinator' && g.regionPath === regionPath);
export const canViewJointMeeting = (a: Actor | null, regionPath: string) =>
  roleReachesRegion(a, 'coordinator', regionPath);
