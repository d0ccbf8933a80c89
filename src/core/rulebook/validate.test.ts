import { describe, expect, it } from 'vitest';
import { getRulebook, listRulebooks } from './rulebook.js';
import type { ProcedureDef, Rulebook, StepDef } from './types.js';
import { validateRulebook } from './validate.js';

describe('validateRulebook', () => {
  it.each(listRulebooks().map((rb) => [rb.id, rb] as const))('%s is intact', (_id, rb) => {
    expect(validateRulebook(rb)).toEqual([]);
  });

  it('every step of every shipped procedure has a role and an article, every clock an article', () => {
    for (const rb of listRulebooks()) {
      for (const proc of Object.values(rb.procedures)) {
        for (const step of proc.stages.flat()) {
          expect(step.roles.length, `${rb.id} ${step.id}`).toBeGreaterThan(0);
          expect(step.article, `${rb.id} ${step.id}`).not.toBe('');
          if (step.clock) expect(step.clock.article, `${rb.id} ${step.id}`).not.toBe('');
        }
      }
    }
  });

  const base = getRulebook('baotou-2023');
  /** baotou-2023 with one step of the approval procedure replaced. */
  const withStep = (id: StepDef['id'], patch: (s: StepDef) => StepDef): Rulebook => {
    const proc = base.procedures.governmentApproval;
    const stages = proc.stages.map((stage) => stage.map((s) => (s.id === id ? patch(s) : s)));
    const changed: ProcedureDef = { ...proc, stages };
    return { ...base, procedures: { ...base.procedures, governmentApproval: changed } };
  };

  it.each<[string, Rulebook, RegExp]>([
    [
      'a step without a role',
      withStep('approval', (s) => ({ ...s, roles: [] as unknown as StepDef['roles'] })),
      /no role/,
    ],
    ['an unknown role', withStep('approval', (s) => ({ ...s, roles: ['mayor' as never] })), /unknown role/],
    [
      'a clock without an article',
      withStep('submit', (s) => ({ ...s, clock: { ...s.clock!, article: '' } })),
      /no article/,
    ],
    [
      'a clock without a quote',
      withStep('submit', (s) => ({ ...s, clock: { ...s.clock!, articleText: ' ' } })),
      /no article text/,
    ],
    ['a zero-day clock', withStep('submit', (s) => ({ ...s, clock: { ...s.clock!, amount: 0 } })), /positive integer/],
    [
      'a clock started by a later event',
      withStep('reportToGovernment', (s) => ({ ...s, clock: { ...s.clock!, from: 'approved' } })),
      /approval does not come earlier/,
    ],
    ['approval without a document number', withStep('approval', (s) => ({ ...s, requires: [] })), /normative document/],
    [
      'an unknown procedure',
      {
        ...base,
        adjustmentKinds: base.adjustmentKinds.map((k) => (k.kind === 'add' ? { ...k, procedure: 'nope' } : k)),
      },
      /unknown procedure nope/,
    ],
    ['a missing kind', { ...base, adjustmentKinds: base.adjustmentKinds.slice(1) }, /missing/],
    ['a duplicate category', { ...base, categories: [...base.categories, base.categories[0]] }, /duplicate code XK/],
    [
      '2023 claiming to inherit from itself',
      { ...base, triggerKinds: base.triggerKinds.map((t) => ({ ...t, inherited2023: true as const })) },
      /cannot mark values as inherited/,
    ],
  ])('reports %s', (_label, rb, message) => {
    const issues = validateRulebook(rb);
    expect(issues.map((i) => i.message).join('\n')).toMatch(message);
  });
});
