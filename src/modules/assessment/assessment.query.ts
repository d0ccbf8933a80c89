// The assessment's reads (§5, §16 ¶1): a level's ranked table and one body's drill-down, each scoped
// to what the actor may see (outside: 404) and scored by the rulebook in force.
import type { Actor } from '../../core/actor.js';
import { scoreFacts } from '../../core/assessment/score.js';
import { notFound } from '../../core/errors.js';
import { canAdjustAssessment, canViewAssessment, canViewAssessmentLevel } from '../../core/policies/assessment.js';
import { officeLevelPath } from '../../core/policies/scope.js';
import { getRulebook } from '../../core/rulebook/index.js';
import type { Db } from '../../platform/db.js';
import { findBody, findRegion } from '../bodies/bodies.repo.js';
import { currentRulebookId } from '../rulebook/rulebook.repo.js';
import { adjustmentHistory, levelFacts } from './assessment.repo.js';

async function rules(db: Db) {
  const id = await currentRulebookId(db);
  return { id, rules: getRulebook(id).assessment };
}

/** The level a region code names, if the actor's office reaches it (else 404: no hint it exists). */
export async function visibleLevel(db: Db, actor: Actor, code: string) {
  const region = await findRegion(db, code);
  if (!region || region.level > 2 || !canViewAssessmentLevel(actor, region.path)) throw notFound('层级');
  return { code: region.code, name: region.name, path: region.path };
}

export async function ranking(db: Db, actor: Actor, levelCode: string, year: number) {
  const level = await visibleLevel(db, actor, levelCode);
  const [{ id, rules: r }, rows] = await Promise.all([rules(db), levelFacts(db, level.path, year)]);
  const scored = rows
    .map((b) => {
      const { score: computed, terms } = scoreFacts(r, b.facts);
      return {
        deductions: terms.map((t) => t.deduction),
        bodyId: b.bodyId,
        bodyName: b.bodyName,
        regionName: b.regionName,
        computed,
        score: b.adjusted?.score ?? computed,
        adjusted: b.adjusted,
      };
    })
    .sort((a, b) => b.score - a.score || a.bodyId - b.bodyId);
  // equal scores share a rank (1, 2, 2, 4)
  const ranked = scored.map((s) => ({ ...s, rank: scored.findIndex((t) => t.score === s.score) + 1 }));
  return {
    level: { code: level.code, name: level.name },
    year,
    rulebookId: id,
    base: r.base,
    formula: r.note ?? '',
    terms: r.terms.map((t) => ({ ...t, note: t.note ?? null })),
    rows: ranked,
  };
}

export async function drillDown(db: Db, actor: Actor, bodyId: number, year: number) {
  const body = await findBody(db, bodyId);
  if (!body || !canViewAssessment(actor, body)) throw notFound('机构');
  const [{ id, rules: r }, rows, history] = await Promise.all([
    rules(db),
    levelFacts(db, officeLevelPath(body.regionPath), year, bodyId),
    adjustmentHistory(db, bodyId, year),
  ]);
  const facts = rows[0];
  if (!facts) throw notFound('考核对象'); // an office is not assessed
  const { score, terms } = scoreFacts(r, facts.facts);
  return {
    bodyId,
    bodyName: body.name,
    year,
    rulebookId: id,
    base: r.base,
    computed: score,
    score: facts.adjusted?.score ?? score,
    terms,
    adjustments: history.map((h) => ({
      score: Number(h.score),
      reason: h.reason,
      by: h.display_name,
      at: h.adjusted_at,
    })),
    canAdjust: canAdjustAssessment(actor, body),
  };
}
