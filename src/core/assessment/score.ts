// §5, §16 ¶1: the performance score of one body and year from its measured facts, by the rulebook's
// formula (PerformanceReviewRules): clamp(base − Σ min(cap, weight × measure), 0, base). Pure.
import type { PerformanceReviewFactId, PerformanceReviewRules } from '../rulebook/types.js';

/** A rate's parts (no cases → no deduction) or a plain count. */
export type FactValue = { kind: 'rate'; done: number; of: number } | { kind: 'count'; n: number };
export type PerformanceReviewFacts = Record<PerformanceReviewFactId, FactValue>;

export interface ScoredTerm {
  fact: PerformanceReviewFactId;
  label: string;
  article: string;
  weight: number;
  cap: number;
  value: FactValue;
  /** what the weight multiplies: missed percentage points of a rate, or the count */
  measure: number;
  /** points taken off (negative: given back), after the cap */
  deduction: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function measureOf(v: FactValue): number {
  if (v.kind === 'count') return v.n;
  return v.of === 0 ? 0 : round2((1 - v.done / v.of) * 100);
}

export function scoreFacts(
  rules: PerformanceReviewRules,
  facts: PerformanceReviewFacts,
): { score: number; terms: ScoredTerm[] } {
  const terms = rules.terms.map((t) => {
    const value = facts[t.fact];
    const measure = measureOf(value);
    const raw = t.weight * measure;
    // the cap bounds a deduction and a credit alike
    const deduction = round2(Math.sign(raw) * Math.min(t.cap, Math.abs(raw)));
    return {
      fact: t.fact,
      label: t.label,
      article: t.article,
      weight: t.weight,
      cap: t.cap,
      value,
      measure,
      deduction,
    };
  });
  const total = terms.reduce((s, t) => s + t.deduction, 0);
  return { score: round2(Math.min(rules.base, Math.max(0, rules.base - total))), terms };
}
