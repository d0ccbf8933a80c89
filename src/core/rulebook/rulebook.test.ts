import { describe, expect, it } from 'vitest';
import {
  adjustmentKindDef,
  categoryByCode,
  categoryByLabel,
  DEFAULT_RULEBOOK_ID,
  findStep,
  getRulebook,
  isRulebookId,
  listRulebooks,
  nextStep,
  RulebookError,
  stepsFor,
  triggerKindDef,
} from './rulebook.js';
import type { AdjustmentKind, ClockEvent, Role, RulebookId, StepId } from './types.js';

const r2023 = getRulebook('baotou-2023');
const r2025 = getRulebook('baotou-2025');

describe('registry', () => {
  it('ships two rulebooks, 2023 by default', () => {
    expect(listRulebooks().map((r) => r.id)).toEqual(['baotou-2023', 'baotou-2025']);
    expect(DEFAULT_RULEBOOK_ID).toBe('baotou-2023');
    expect(getRulebook()).toBe(r2023);
    expect(isRulebookId('baotou-2025')).toBe(true);
    expect(isRulebookId('toString')).toBe(false);
    expect(() => getRulebook('baotou-2019')).toThrow(RulebookError);
  });

  it.each<[RulebookId, string, string]>([
    ['baotou-2023', '协调小组办公室', '§4'],
    ['baotou-2025', '政务服务与数据管理部门', '§5'],
  ])('%s is managed by %s (%s)', (id, name, article) => {
    const rb = getRulebook(id);
    expect(rb.managingOffice).toMatchObject({ name, article });
    expect(rb.roles.coordinator.label).toBe(name);
  });

  it('2025 distinguishes batch and single adjustments; 2023 does not', () => {
    expect(r2025.batchKinds.map((b) => [b.id, b.label])).toEqual([
      ['batch', '集中调整'],
      ['single', '个别调整'],
    ]);
    expect(r2023.batchKinds).toEqual([]);
  });
});

describe('categories', () => {
  it.each<[RulebookId, string]>([
    ['baotou-2023', 'XK CF QZ ZS GF JC QR JL CJ QT'], // §6
    ['baotou-2025', 'XK QR CJ GF JL BA JC CF QZ ZS QT'], // 2025 §3 (reference data meta.categoryOrder2025)
  ])('%s in order: %s', (id, codes) => {
    expect(
      getRulebook(id)
        .categories.map((c) => c.code)
        .join(' '),
    ).toBe(codes);
  });

  it.each<[RulebookId, string, string | undefined]>([
    ['baotou-2023', 'XK', '行政许可'],
    ['baotou-2023', 'QT', '其他'],
    ['baotou-2023', 'BA', undefined],
    ['baotou-2025', 'BA', '行政备案'],
    ['baotou-2025', 'QT', '其他行政权力'],
    ['baotou-2025', 'xk', undefined],
  ])('%s categoryByCode(%s) → %s', (id, code, label) => {
    expect(categoryByCode(getRulebook(id), code)?.label).toBe(label);
  });

  it('categoryByLabel', () => expect(categoryByLabel(r2025, '行政裁决')?.code).toBe('CJ'));
});

describe('adjustment and trigger kinds (2023: §9, §10, §11, §13.3)', () => {
  it.each<[AdjustmentKind, string, string]>([
    ['add', '增加', 'publishAfterConsultation'],
    ['cancel', '取消', 'governmentApproval'],
    ['delegate', '下放', 'delegationApproval'],
    ['modify', '修改要素', 'publishAfterConsultation'],
    ['merge', '合并', 'governmentApproval'],
    ['split', '分设', 'governmentApproval'],
    ['entrust', '委托', 'delegationApproval'],
    ['takeBack', '收回委托', 'governmentApproval'],
  ])('%s = %s via %s', (kind, label, procedure) => {
    expect(adjustmentKindDef(r2023, kind)).toMatchObject({ label, procedure });
    expect(adjustmentKindDef(r2025, kind)).toMatchObject({ label, procedure, inherited2023: true });
  });

  it('triggers carry their articles', () => {
    expect(triggerKindDef(r2023, 'lawRepealed').articles).toEqual(['§11.1']);
    expect(triggerKindDef(r2023, 'mergeSplit').label).toBe('行政权力合并、分设');
    expect(r2023.triggerKinds).toHaveLength(8);
  });
});

const INTAKE: StepId[] = ['draft', 'submit', 'preliminaryReview', 'legalityReview', 'consultation'];
const APPROVAL: StepId[] = ['reportToGovernment', 'approval', 'publish'];
// §13(五): the receiving body confirms between the decision and publication.
const HANDOVER: StepId[] = ['reportToGovernment', 'approval', 'receivingConfirm', 'publish'];

describe('stepsFor', () => {
  it.each<[RulebookId, AdjustmentKind, StepId[]]>([
    ['baotou-2023', 'add', [...INTAKE, 'publish', 'platformSync', 'filing']],
    ['baotou-2023', 'modify', [...INTAKE, 'publish', 'platformSync', 'filing']],
    ['baotou-2023', 'cancel', [...INTAKE, ...APPROVAL, 'platformSync', 'filing']],
    ['baotou-2023', 'delegate', [...INTAKE, ...HANDOVER, 'platformSync', 'filing']],
    ['baotou-2023', 'entrust', [...INTAKE, ...HANDOVER, 'platformSync', 'filing']],
    ['baotou-2023', 'takeBack', [...INTAKE, ...APPROVAL, 'platformSync', 'filing']],
    ['baotou-2025', 'delegate', [...INTAKE, ...HANDOVER, 'platformSync', 'itemClaim', 'guideConfig', 'filing']],
    ['baotou-2025', 'add', [...INTAKE, 'publish', 'platformSync', 'itemClaim', 'guideConfig', 'filing']],
    ['baotou-2025', 'split', [...INTAKE, ...APPROVAL, 'platformSync', 'itemClaim', 'guideConfig', 'filing']],
  ])('%s %s', (id, kind, ids) => {
    expect(stepsFor(getRulebook(id), kind).map((s) => s.id)).toEqual(ids);
  });

  it.each<[StepId, Role[]]>([
    ['draft', ['clerk']],
    ['submit', ['leadUnit']],
    ['preliminaryReview', ['coordinator']],
    ['legalityReview', ['legalReviewer']],
    ['consultation', ['coordinator']],
    ['reportToGovernment', ['coordinator']],
    ['approval', ['approver']],
    ['publish', ['coordinator']],
    ['platformSync', ['clerk', 'leadUnit']],
    ['filing', ['leadUnit', 'clerk']],
  ])('2023 cancel: %s is done by %j', (step, roles) => {
    expect(findStep(r2023, 'cancel', step)?.roles).toEqual(roles);
  });

  it.each<[RulebookId, AdjustmentKind, StepId, number, 'workday' | 'calendarDay', string, ClockEvent, string]>([
    ['baotou-2023', 'add', 'submit', 15, 'workday', 'deadline', 'triggerDate', '§12'],
    ['baotou-2023', 'add', 'preliminaryReview', 15, 'workday', 'deadline', 'submitted', '§12'],
    ['baotou-2023', 'add', 'legalityReview', 15, 'workday', 'deadline', 'submitted', '§12'],
    ['baotou-2023', 'add', 'consultation', 5, 'calendarDay', 'minimumDuration', 'consultationOpened', '§12'],
    ['baotou-2023', 'cancel', 'reportToGovernment', 15, 'workday', 'deadline', 'consultationEnded', '§12'],
    ['baotou-2023', 'cancel', 'platformSync', 5, 'workday', 'deadline', 'published', '§13.1'],
    ['baotou-2025', 'cancel', 'itemClaim', 30, 'calendarDay', 'deadline', 'approved', '解读二(三)'],
    ['baotou-2025', 'add', 'guideConfig', 30, 'calendarDay', 'deadline', 'published', '解读二(三)'],
  ])('%s %s %s: %i %s %s from %s (%s)', (id, kind, step, amount, unit, clockKind, from, article) => {
    const clock = findStep(getRulebook(id), kind, step)?.clock;
    expect(clock).toMatchObject({ amount, unit, kind: clockKind, from, article });
    expect(clock?.articleText).toContain(String(amount));
  });

  it('2023 steps without a number in the regulation have no clock', () => {
    for (const id of ['draft', 'approval', 'publish', 'filing'] as const)
      expect(findStep(r2023, 'cancel', id)?.clock).toBeUndefined();
  });

  it('approval records the normative document number (§13.1)', () => {
    expect(findStep(r2023, 'delegate', 'approval')?.requires).toEqual(['normativeDocumentNumber']);
  });

  it('2025 marks what it took from 2023', () => {
    expect(findStep(r2025, 'add', 'submit')).toMatchObject({ inherited2023: true, clock: { inherited2023: true } });
    expect(findStep(r2025, 'add', 'legalityReview')).toMatchObject({ article: '§6', clock: { inherited2023: true } });
    expect(findStep(r2025, 'add', 'legalityReview')?.inherited2023).toBeUndefined();
    expect(findStep(r2025, 'add', 'itemClaim')?.clock?.inherited2023).toBeUndefined();
    expect(r2025.roles.coordinator.inherited2023).toBeUndefined();
    expect(r2025.roles.approver.inherited2023).toBe(true);
  });
});

describe('nextStep', () => {
  const open = (kind: AdjustmentKind, done: StepId[], rb = r2023) => {
    const next = nextStep(rb, kind, done);
    return next.done ? 'done' : next.open.map((s) => s.id).join('+');
  };
  it.each<[AdjustmentKind, StepId[], string]>([
    ['add', [], 'draft'],
    ['add', ['draft'], 'submit'],
    ['add', ['draft', 'submit'], 'preliminaryReview+legalityReview'],
    ['add', ['draft', 'submit', 'legalityReview'], 'preliminaryReview'],
    ['add', ['draft', 'submit', 'legalityReview', 'preliminaryReview'], 'consultation'],
    ['add', INTAKE, 'publish'],
    ['cancel', INTAKE, 'reportToGovernment'],
    ['cancel', [...INTAKE, 'reportToGovernment'], 'approval'],
    ['cancel', [...INTAKE, ...APPROVAL], 'platformSync'],
    ['cancel', [...INTAKE, ...APPROVAL, 'platformSync'], 'filing'],
    ['cancel', [...INTAKE, ...APPROVAL, 'platformSync', 'filing'], 'done'],
  ])('%s after %j → %s', (kind, done, expected) => {
    expect(open(kind, done)).toBe(expected);
  });

  it('2025 opens item claim and guide configuration together', () => {
    expect(open('add', [...INTAKE, 'publish', 'platformSync'], r2025)).toBe('itemClaim+guideConfig');
  });

  it.each<[AdjustmentKind, StepId[]]>([
    ['add', ['draft', 'reportToGovernment']], // add has no report to government
    ['cancel', ['itemClaim']], // 2023 has no item claim
    ['cancel', ['draft', 'consultation']], // out of order
  ])('refuses %s with %j', (kind, done) => {
    expect(() => nextStep(r2023, kind, done)).toThrow(RulebookError);
  });
});
