// The adjustment workflow as a pure table: which action is allowed in which state, to which
// role. The steps, their order and who acts at each come from the rulebook the application
// was created under (§12, §13.1 in baotou-2023); this file adds only what the rulebook does
// not say: which actions a step offers, and the rules that hold for every rulebook —
// applicants withdraw, reviewers return with a reason, nobody reviews their own application,
// and a government decision (审定) binds everyone but the government itself.
import { RECEIVER_GRANT } from '../../core/policies/index.js';
import {
  findStep,
  getRulebook,
  nextStep,
  ROLES,
  stagesFor,
  stepRoles,
  type AdjustmentKind,
  type Level,
  type Role,
  type StepDef,
  type StepId,
} from '../../core/rulebook/index.js';

export {
  ACTION_LABELS,
  ADJUSTMENT_STATUSES,
  APPLICATION_ACTIONS,
  STATUS_LABELS,
  STEP_ACTIONS,
  type Action,
  type AdjustmentStatus,
  type ApplicationAction,
  type StepAction,
} from '../../contract/adjustments.js';
import {
  ACTION_LABELS,
  APPLICATION_ACTIONS,
  type Action,
  type AdjustmentStatus,
  type ApplicationAction,
  type StepAction,
} from '../../contract/adjustments.js';

/**
 * What each step offers besides completing it. Every step after drafting that someone other
 * than the applicant performs can return the application for revision (spec §3); the lead
 * unit can return its own clerk's draft; only the government can refuse outright.
 */
const OFFERS: Record<StepId, readonly StepAction[]> = {
  draft: ['complete'],
  submit: ['complete', 'return'],
  preliminaryReview: ['complete', 'return'],
  legalityReview: ['complete', 'return'],
  consultation: ['openConsultation', 'complete', 'return'],
  reportToGovernment: ['complete', 'return'],
  approval: ['complete', 'return', 'reject'],
  // §13(五): the receiving body confirms the handover; it cannot return a decided application
  // (only the government revokes its decision), so confirming is all it offers.
  receivingConfirm: ['complete'],
  publish: ['complete', 'return'],
  platformSync: ['complete'],
  itemClaim: ['complete'],
  guideConfig: ['complete'],
  filing: ['complete'],
};

/** The workflow roles among roles an actor holds (admin roles never act on applications). */
export const workflowRoles = (held: readonly string[]): Role[] =>
  held.filter((r): r is Role => (ROLES as readonly string[]).includes(r));

/** The account role that acts as the receiving body (§13(五) 承接部门): its lead unit (§14). */
export { RECEIVER_GRANT };

/** The account role a workflow role is exercised through (for the audit trail). */
export const grantRole = (r: Role) => (r === 'receiver' ? RECEIVER_GRANT : r);

export const offersOf = (step: StepId): readonly StepAction[] => OFFERS[step];

/** The body's own roles: they draft, withdraw, bring the proposal up to date. */
export const APPLICANT_ROLES: readonly Role[] = ['clerk', 'leadUnit'];

export type ConsultationState = 'none' | 'open' | 'closed';

export interface WorkflowState {
  readonly status: AdjustmentStatus;
  readonly rulebookId: string;
  readonly kind: AdjustmentKind;
  /** The level of the applying body: who performs some steps depends on it (§5). */
  readonly level: Level;
  /** Steps done in the current round. */
  readonly completed: readonly StepId[];
  /** The current round's consultation. */
  readonly consultation: ConsultationState;
}

/** What the actor has to do with this application (the command works it out). */
export interface Attempt {
  readonly action: Action;
  readonly step?: StepId;
  /** The roles the actor holds for this application: at its body, or at an office of its level. */
  readonly roles: readonly Role[];
  /** The actor created the application or completed its draft step in some round. */
  readonly drafted: boolean;
  /** The actor submitted it (completed the submit step) in some round. */
  readonly submitted: boolean;
}

export type Refusal = {
  readonly ok: false;
  readonly code: 'INVALID_STATE' | 'FORBIDDEN' | 'SELF_REVIEW';
  readonly message: string;
};
export type Decision = { readonly ok: true; readonly role: Role } | Refusal;

const refuse = (code: Refusal['code'], message: string): Refusal => ({ ok: false, code, message });

/** The steps waiting now; empty unless the application is open. */
export function openSteps(s: WorkflowState): readonly StepDef[] {
  if (s.status !== 'open') return [];
  const n = nextStep(getRulebook(s.rulebookId), s.kind, s.completed);
  return n.done ? [] : n.open;
}

const published = (s: WorkflowState) => s.completed.includes('publish');
/** §12, §13.1: the government has decided (审定); only it may undo that decision. */
const decided = (s: WorkflowState) => s.completed.includes('approval');

/** Who performs a step for this application: the rulebook's choice for the body's level (§5). */
export const rolesFor = (s: WorkflowState, step: StepDef): readonly Role[] =>
  stepRoles(getRulebook(s.rulebookId), step, s.level);

function pickRole(held: readonly Role[], allowed: readonly Role[]): Role | undefined {
  return allowed.find((r) => held.includes(r));
}

function decideApplication(s: WorkflowState, a: Attempt, action: ApplicationAction): Decision {
  const open = openSteps(s).map((st) => st.id);
  const approval = findStep(getRulebook(s.rulebookId), s.kind, 'approval');
  const allowedRoles: readonly Role[] =
    action === 'edit' ? ['clerk'] : action === 'revoke' ? (approval ? rolesFor(s, approval) : []) : APPLICANT_ROLES;
  const inState =
    action === 'start'
      ? s.status === 'due'
      : action === 'edit'
        ? s.status === 'open' && open.includes('draft')
        : // §13: once published the list has changed; withdrawal and rebasing are over by then. Once
          // the government has decided (审定) the applicant can neither withdraw nor change the proposal.
          action === 'withdraw'
          ? (s.status === 'due' || s.status === 'open') && !published(s) && !decided(s)
          : action === 'revoke'
            ? s.status === 'open' && decided(s) && !published(s)
            : s.status === 'open' && !published(s) && !decided(s);
  if (!inState) {
    const why =
      decided(s) && !published(s) && action !== 'revoke'
        ? '：本级人民政府已审定，只有本级人民政府可以撤销其审定决定'
        : '';
    return refuse('INVALID_STATE', `当前状态下不能${ACTION_LABELS[action]}${why}`);
  }
  const role = pickRole(a.roles, allowedRoles);
  if (!role) {
    const who = action === 'revoke' ? words(s, allowedRoles) : `申请单位的${words(s, allowedRoles)}`;
    return refuse('FORBIDDEN', `只有${who}可以${ACTION_LABELS[action]}`);
  }
  return { ok: true, role };
}

function decideStep(s: WorkflowState, a: Attempt, action: StepAction, stepId: StepId | undefined): Decision {
  if (!stepId) return refuse('INVALID_STATE', '请指明办理的步骤');
  const def = findStep(getRulebook(s.rulebookId), s.kind, stepId);
  if (!def) return refuse('INVALID_STATE', `该类调整没有“${stepId}”步骤`);
  if (!openSteps(s).some((st) => st.id === stepId)) {
    return refuse('INVALID_STATE', `“${def.label}”当前不在办理中，不能${ACTION_LABELS[action]}`);
  }
  if (!OFFERS[stepId].includes(action))
    return refuse('INVALID_STATE', `“${def.label}”步骤不能${ACTION_LABELS[action]}`);
  // §12, §13.1: after the government's decision nobody returns the application; the government
  // revokes its own decision instead (action 'revoke').
  if (action === 'return' && decided(s))
    return refuse('INVALID_STATE', `本级人民政府已审定，不能退回修改；如需变更，须由本级人民政府撤销其审定决定`);
  if (stepId === 'consultation') {
    if (action === 'openConsultation' && s.consultation !== 'none')
      return refuse('INVALID_STATE', '本轮公开征求意见已经发布');
    if (action === 'complete' && s.consultation !== 'open')
      return refuse('INVALID_STATE', '尚未发布公开征求意见，不能结束');
  }
  const roles = rolesFor(s, def);
  const role = pickRole(a.roles, roles);
  if (!role) return refuse('FORBIDDEN', `“${def.label}”由${words(s, roles)}办理`);
  // No one acts on a step of their own application (spec §1): the lead unit does not submit
  // a draft it wrote itself, and no one who drafted or submitted it reviews or approves it.
  const applicantStep = roles.every((r) => APPLICANT_ROLES.includes(r));
  // §13(五): the other side confirms the handover, never someone who drafted or filed it.
  if (role === 'receiver' && (a.drafted || a.submitted))
    return refuse('SELF_REVIEW', `不能以承接部门身份确认本人起草或报送的调整申请`);
  if (stepId === 'submit' && a.drafted)
    return refuse('SELF_REVIEW', '不能报送本人起草的调整申请，请由部门牵头机构的其他人员报送');
  if (!applicantStep && (a.drafted || a.submitted))
    return refuse('SELF_REVIEW', `不能办理本人起草或报送的调整申请的“${def.label}”`);
  return { ok: true, role };
}

/** Whether the attempt is allowed, and in which role. Pure: no clock, no database. */
export function decide(s: WorkflowState, a: Attempt): Decision {
  if ((APPLICATION_ACTIONS as readonly string[]).includes(a.action))
    return decideApplication(s, a, a.action as ApplicationAction);
  return decideStep(s, a, a.action as StepAction, a.step);
}

/** The state after an allowed attempt. A return starts a new round from the draft step. */
export function apply(s: WorkflowState, action: Action, step?: StepId): WorkflowState {
  switch (action) {
    case 'start':
      return { ...s, status: 'open', completed: [], consultation: 'none' };
    case 'return':
      return { ...s, status: 'open', completed: [], consultation: 'none' };
    case 'withdraw':
      return { ...s, status: 'withdrawn' };
    case 'reject':
      return { ...s, status: 'rejected' };
    case 'openConsultation':
      return { ...s, consultation: 'open' };
    case 'edit':
    case 'rebase':
      return s;
    case 'revoke': {
      // The approval and every step after its stage are undone; the approval step is open again.
      const stages = stagesFor(getRulebook(s.rulebookId), s.kind);
      const from = stages.findIndex((st) => st.some((x) => x.id === 'approval'));
      const undone = new Set(
        stages
          .slice(from)
          .flat()
          .map((x) => x.id),
      );
      return { ...s, completed: s.completed.filter((id) => !undone.has(id)) };
    }
    case 'complete': {
      const completed = [...s.completed, step!];
      const consultation = step === 'consultation' ? 'closed' : s.consultation;
      const next = nextStep(getRulebook(s.rulebookId), s.kind, completed);
      return { ...s, completed, consultation, status: next.done ? 'done' : 'open' };
    }
  }
}

/** A role in the words of the rulebook (2025: 政务服务与数据管理部门 for the coordinator). */
const words = (s: WorkflowState, roles: readonly Role[]) => {
  const rb = getRulebook(s.rulebookId);
  return roles.map((r) => rb.roles[r].label).join('或');
};
