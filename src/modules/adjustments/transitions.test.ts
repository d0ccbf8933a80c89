import { describe, expect, it } from 'vitest';
import {
  ADJUSTMENT_KINDS,
  ROLES,
  STEP_IDS,
  getRulebook,
  stagesFor,
  type AdjustmentKind,
  type Role,
  type StepId,
} from '../../core/rulebook/index.js';
import {
  apply,
  decide,
  openSteps,
  offersOf,
  STEP_ACTIONS,
  type Action,
  type Attempt,
  type WorkflowState,
} from './transitions.js';

const fresh = (rulebookId: string, kind: AdjustmentKind): WorkflowState => ({
  status: 'open',
  rulebookId,
  kind,
  level: 'city',
  completed: [],
  consultation: 'none',
});
const as = (roles: Role[], action: Action, step?: StepId, self: Partial<Attempt> = {}): Attempt => ({
  action,
  step,
  roles,
  drafted: false,
  submitted: false,
  ...self,
});

/** Walks the happy path, returning every state on the way with the step done from it. */
function walk(rulebookId: string, kind: AdjustmentKind) {
  const out: { state: WorkflowState; step: StepId; role: Role }[] = [];
  let s = fresh(rulebookId, kind);
  for (const stage of stagesFor(getRulebook(rulebookId), kind)) {
    for (const step of stage) {
      if (step.id === 'consultation') {
        out.push({ state: s, step: 'consultation', role: step.roles[0] });
        s = apply(s, 'openConsultation', 'consultation');
      }
      out.push({ state: s, step: step.id, role: step.roles[0] });
      s = apply(s, 'complete', step.id);
    }
  }
  expect(s.status).toBe('done');
  return out;
}

describe('the cancel procedure under baotou-2023 (§12, §13.1), step by step', () => {
  // [step open now, the role that acts, roles refused with FORBIDDEN]
  const table: [StepId, Role, Role[]][] = [
    ['draft', 'clerk', ['leadUnit', 'coordinator', 'legalReviewer', 'approver']],
    ['submit', 'leadUnit', ['clerk', 'coordinator', 'legalReviewer', 'approver']],
    ['preliminaryReview', 'coordinator', ['clerk', 'leadUnit', 'legalReviewer', 'approver']],
    ['legalityReview', 'legalReviewer', ['clerk', 'leadUnit', 'coordinator', 'approver']],
    ['consultation', 'coordinator', ['clerk', 'leadUnit', 'legalReviewer', 'approver']],
    ['reportToGovernment', 'coordinator', ['clerk', 'leadUnit', 'legalReviewer', 'approver']],
    ['approval', 'approver', ['clerk', 'leadUnit', 'coordinator', 'legalReviewer']],
    ['publish', 'coordinator', ['clerk', 'leadUnit', 'legalReviewer', 'approver']],
    ['platformSync', 'clerk', ['coordinator', 'legalReviewer', 'approver']],
    ['filing', 'leadUnit', ['coordinator', 'legalReviewer', 'approver']],
  ];
  const path = walk('baotou-2023', 'cancel').filter(
    (p) => !(p.step === 'consultation' && p.state.consultation === 'none'),
  );
  it.each(table)('%s: %s may complete it, others may not', (step, role, refused) => {
    const at = path.find((p) => p.step === step)!;
    expect(decide(at.state, as([role], 'complete', step))).toEqual({ ok: true, role });
    for (const r of refused)
      expect(decide(at.state, as([r], 'complete', step))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('runs the preliminary and legality reviews side by side', () => {
    const at = path.find((p) => p.step === 'preliminaryReview')!;
    expect(openSteps(at.state).map((s) => s.id)).toEqual(['preliminaryReview', 'legalityReview']);
    expect(decide(at.state, as(['legalReviewer'], 'complete', 'legalityReview')).ok).toBe(true);
  });

  it('opens the consultation before it can be completed, and only once', () => {
    const before = walk('baotou-2023', 'cancel').find((p) => p.step === 'consultation')!.state;
    expect(before.consultation).toBe('none');
    expect(decide(before, as(['coordinator'], 'complete', 'consultation'))).toMatchObject({ code: 'INVALID_STATE' });
    const opened = apply(before, 'openConsultation', 'consultation');
    expect(decide(opened, as(['coordinator'], 'openConsultation', 'consultation'))).toMatchObject({
      code: 'INVALID_STATE',
    });
    expect(decide(opened, as(['coordinator'], 'complete', 'consultation')).ok).toBe(true);
  });
});

describe('add and modify are published after the consultation, without the government (§12)', () => {
  it.each(['add', 'modify'] as const)('%s', (kind) => {
    const steps = walk('baotou-2023', kind).map((p) => p.step);
    expect(steps).not.toContain('approval');
    expect(steps).not.toContain('reportToGovernment');
    expect(steps.indexOf('publish')).toBe(steps.lastIndexOf('consultation') + 1);
  });
  it.each(['cancel', 'delegate', 'merge', 'split', 'entrust'] as const)('%s goes to the government', (kind) => {
    const steps = walk('baotou-2023', kind).map((p) => p.step);
    expect(steps.indexOf('approval')).toBeGreaterThan(steps.indexOf('reportToGovernment'));
    expect(steps.indexOf('publish')).toBeGreaterThan(steps.indexOf('approval'));
  });
  it('baotou-2025 adds 事项认领 and 办事指南要素配置 after publication', () => {
    const steps = walk('baotou-2025', 'add').map((p) => p.step);
    expect(steps.slice(steps.indexOf('publish'))).toEqual([
      'publish',
      'platformSync',
      'itemClaim',
      'guideConfig',
      'filing',
    ]);
  });
});

// Every rulebook × kind × state on the path × step × action × role: allowed exactly when the
// step is open, offers the action, and the rulebook gives the step to that role — except a
// return once the government has decided (§12, §13.1: only the government revokes its decision).
describe.each(['baotou-2023', 'baotou-2025'])('the whole matrix under %s', (rulebookId) => {
  it.each([...ADJUSTMENT_KINDS])('%s', (kind) => {
    const rb = getRulebook(rulebookId);
    let checked = 0;
    for (const { state } of walk(rulebookId, kind)) {
      const open = new Set(openSteps(state).map((s) => s.id));
      for (const step of STEP_IDS) {
        const def = rb.procedures[rb.adjustmentKinds.find((k) => k.kind === kind)!.procedure].stages
          .flat()
          .find((s) => s.id === step);
        for (const action of STEP_ACTIONS) {
          for (const role of ROLES) {
            const d = decide(state, as([role], action, step));
            const consultationOk =
              step !== 'consultation' ||
              (action === 'openConsultation'
                ? state.consultation === 'none'
                : action === 'complete'
                  ? state.consultation === 'open'
                  : true);
            const decidedReturn = action === 'return' && state.completed.includes('approval');
            const expected =
              !!def &&
              open.has(step) &&
              offersOf(step).includes(action) &&
              consultationOk &&
              !decidedReturn &&
              def.roles.includes(role);
            expect(d.ok, `${kind} ${[...open]} ${step} ${action} ${role}`).toBe(expected);
            if (!d.ok)
              expect(d.code).toBe(
                !def || !open.has(step) || !offersOf(step).includes(action) || !consultationOk || decidedReturn
                  ? 'INVALID_STATE'
                  : 'FORBIDDEN',
              );
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});

describe('no one acts on a step of their own application (SELF_REVIEW)', () => {
  const path = walk('baotou-2023', 'delegate');
  const at = (step: StepId) =>
    path.find((p) => p.step === step && (step !== 'consultation' || p.state.consultation === 'open'))!.state;
  const table: [StepId, Role, Partial<Attempt>, boolean][] = [
    ['submit', 'leadUnit', { drafted: true }, false],
    ['submit', 'leadUnit', {}, true],
    ['preliminaryReview', 'coordinator', { drafted: true }, false],
    ['legalityReview', 'legalReviewer', { submitted: true }, false],
    ['consultation', 'coordinator', { submitted: true }, false],
    ['reportToGovernment', 'coordinator', { drafted: true }, false],
    ['approval', 'approver', { drafted: true }, false],
    ['approval', 'approver', { submitted: true }, false],
    ['approval', 'approver', {}, true],
    ['publish', 'coordinator', { submitted: true }, false],
    // the body's own follow-up steps are the applicant's to do
    ['platformSync', 'clerk', { drafted: true }, true],
    ['filing', 'leadUnit', { submitted: true }, true],
  ];
  it.each(table)('%s by %s %o → allowed %s', (step, role, self, ok) => {
    const d = decide(at(step), as([role], 'complete', step, self));
    expect(d.ok).toBe(ok);
    if (!ok) expect(d).toMatchObject({ code: 'SELF_REVIEW' });
    const back = decide(at(step), as([role], 'return', step, self));
    const decided = at(step).completed.includes('approval'); // after 审定 no return at all (INVALID_STATE)
    if (offersOf(step).includes('return') && !ok)
      expect(back).toMatchObject({ code: decided ? 'INVALID_STATE' : 'SELF_REVIEW' });
  });
});

describe('application actions by state', () => {
  const base = fresh('baotou-2023', 'cancel');
  const published = walk('baotou-2023', 'cancel').find((p) => p.step === 'platformSync')!.state;
  const inReview = walk('baotou-2023', 'cancel').find((p) => p.step === 'preliminaryReview')!.state;
  const states: Record<string, WorkflowState> = {
    due: { ...base, status: 'due' },
    drafting: base,
    inReview,
    published,
    withdrawn: { ...base, status: 'withdrawn' },
    rejected: { ...base, status: 'rejected' },
    done: { ...published, status: 'done' },
  };
  // [action, role, states where allowed]
  const table: [Action, Role, string[]][] = [
    ['start', 'clerk', ['due']],
    ['start', 'leadUnit', ['due']],
    ['edit', 'clerk', ['drafting']],
    ['edit', 'leadUnit', []],
    ['withdraw', 'clerk', ['due', 'drafting', 'inReview']],
    ['withdraw', 'leadUnit', ['due', 'drafting', 'inReview']],
    ['withdraw', 'coordinator', []],
    ['rebase', 'clerk', ['drafting', 'inReview']],
    ['rebase', 'approver', []],
  ];
  it.each(table)('%s by %s only in %o', (action, role, allowedIn) => {
    for (const [name, s] of Object.entries(states)) {
      expect(decide(s, as([role], action)).ok, `${action} in ${name}`).toBe(allowedIn.includes(name));
    }
  });

  it('a return starts a new round at the draft step; a rejection and a withdrawal end it', () => {
    const back = apply(inReview, 'return', 'preliminaryReview');
    expect(openSteps(back).map((s) => s.id)).toEqual(['draft']);
    expect(apply(inReview, 'withdraw').status).toBe('withdrawn');
    expect(openSteps(apply(inReview, 'withdraw'))).toEqual([]);
  });
});
