// §5, §16 ¶1 as pure rules: who sees a level's ranking and a body's score, and who adjusts it
// (role × action × scope → allowed; deny by default), and the formula on facts written by hand.
import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../actor.js';
import { scoreFacts, type PerformanceReviewFacts } from '../assessment/score.js';
import { getRulebook } from '../rulebook/index.js';
import { canAdjustAssessment, canViewAssessment, canViewAssessmentLevel } from './assessment.js';

const actor = (role: Role, bodyId: number, regionPath: string): Actor => ({
  userId: bodyId * 10,
  username: `${role}.${bodyId}`,
  displayName: role,
  homeBodyId: bodyId,
  grants: [{ role, bodyId, bodyName: '机构', regionCode: regionPath.split('/').pop()!, regionPath }],
});
const cityBody = { id: 1, regionPath: '150200' };
const kdlBody = { id: 2, regionPath: '150200/150203' };
const townBody = { id: 3, regionPath: '150200/150203/150203001' };
const cityOffice = actor('coordinator', 100, '150200');
const kdlOffice = actor('coordinator', 200, '150200/150203');
const qsOffice = actor('coordinator', 300, '150200/150204');
const kdlClerk = actor('clerk', 2, '150200/150203');
const cityLegal = actor('legalReviewer', 101, '150200');

describe('scope (§5, §16: 本级; the city office sees every level)', () => {
  it.each([
    ['city office, city body', cityOffice, cityBody, true, true],
    ['city office, 旗县区 body', cityOffice, kdlBody, true, false],
    ['旗县区 office, its body', kdlOffice, kdlBody, true, true],
    ['旗县区 office, its township body', kdlOffice, townBody, true, true],
    ['旗县区 office, city body', kdlOffice, cityBody, false, false],
    ['other 旗县区 office', qsOffice, kdlBody, false, false],
    ['the body itself', kdlClerk, kdlBody, true, false],
    ['another body', kdlClerk, cityBody, false, false],
    ['legal reviewer', cityLegal, cityBody, false, false],
    ['nobody', null, cityBody, false, false],
  ] as const)('%s: view %s, adjust %s', (_n, a, body, view, adjust) => {
    expect(canViewAssessment(a, body)).toBe(view);
    expect(canAdjustAssessment(a, body)).toBe(adjust);
  });
  it.each([
    [cityOffice, '150200', true],
    [cityOffice, '150200/150203', true],
    [kdlOffice, '150200/150203', true],
    [kdlOffice, '150200', false],
    [qsOffice, '150200/150203', false],
    [kdlClerk, '150200/150203', false],
    [null, '150200', false],
  ] as const)('level ranking %#', (a, path, ok) => expect(canViewAssessmentLevel(a, path)).toBe(ok));
});

describe('the formula (rulebook data)', () => {
  const rules = getRulebook('baotou-2025').assessment;
  const none: PerformanceReviewFacts = Object.fromEntries(
    rules.terms.map((t) => [t.fact, t.measure === 'rate' ? { kind: 'rate', done: 0, of: 0 } : { kind: 'count', n: 0 }]),
  ) as PerformanceReviewFacts;
  it('no facts, no deductions: full marks', () => expect(scoreFacts(rules, none).score).toBe(100));
  it('every term names an article and is a platform setting', () => {
    for (const t of rules.terms) expect(t.article).toMatch(/^§\d+/);
    for (const t of getRulebook('baotou-2023').assessment.terms) expect(t.note).toMatch(/platform setting/);
  });
  it('weights, caps, credits and the floor', () => {
    const w = (f: string) => rules.terms.find((t) => t.fact === f)!;
    const facts: PerformanceReviewFacts = {
      ...none,
      filingOnTimeRate: { kind: 'rate', done: 3, of: 4 }, // 25 points missed
      lateFindings: { kind: 'count', n: 1 },
      rectificationsAccepted: { kind: 'count', n: 1 },
      reprimands: { kind: 'count', n: 9 }, // capped
    };
    const expected =
      100 -
      Math.min(w('filingOnTimeRate').cap, 25 * w('filingOnTimeRate').weight) -
      Math.min(w('lateFindings').cap, w('lateFindings').weight) -
      w('rectificationsAccepted').weight -
      w('reprimands').cap;
    expect(scoreFacts(rules, facts).score).toBeCloseTo(expected, 2);
    const worst = {
      ...facts,
      missingFindings: { kind: 'count', n: 99 },
      rectificationsFailed: { kind: 'count', n: 99 },
    };
    expect(scoreFacts(rules, worst as PerformanceReviewFacts).score).toBeGreaterThanOrEqual(0);
  });
});
