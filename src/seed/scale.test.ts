import { describe, expect, it } from 'vitest';
import { parsePowerCode } from '../core/register/code-scheme.js';
import type { SeedBody } from './bodies.js';
import type { SeedPower } from './demo.js';
import { buildScaleData, type ScaleRow } from './scale.js';

function collect(nPowers: number, nBodies: number) {
  const rows: ScaleRow[] = [...buildScaleData(nPowers, nBodies)];
  const bodies: SeedBody[] = [];
  const powers: SeedPower[] = [];
  for (const r of rows) {
    if (r.type === 'body') bodies.push(r.row);
    else if (r.type === 'power') powers.push(r.row);
  }
  return { rows, bodies, powers };
}

describe('buildScaleData', () => {
  it.each([
    [5_000, 50],
    [20_000, 1_200],
  ])('%i powers over %i bodies: counts, unique codes and names, dependency order', (nPowers, nBodies) => {
    const d = collect(nPowers, nBodies);
    expect(d.powers).toHaveLength(nPowers);
    expect(d.bodies).toHaveLength(nBodies);
    expect(new Set(d.powers.map((p) => p.code)).size).toBe(nPowers);
    expect(new Set(d.bodies.map((b) => b.id)).size).toBe(nBodies);
    expect(new Set(d.bodies.map((b) => `${b.regionCode}/${b.name}`)).size).toBe(nBodies);
    const bodyIds = new Set(d.bodies.map((b) => b.id));
    const seen = new Set<string>();
    for (const p of d.powers) {
      expect(bodyIds.has(p.bodyId)).toBe(true);
      expect(parsePowerCode(p.code).ok).toBe(true);
      if (p.parentId) expect(seen.has(p.parentId)).toBe(true); // parent yielded first
      seen.add(p.code);
    }
    const firstPower = d.rows.findIndex((r) => r.type === 'power');
    expect(d.rows.slice(firstPower).every((r) => r.type === 'power')).toBe(true);
    expect(new Set(d.powers.map((p) => p.category)).size).toBe(10);
  });

  it('is lazy: taking a few rows does not build the rest', () => {
    const it = buildScaleData(10_000_000, 1_200);
    const first = it.next();
    expect(first.value?.type).toBe('region');
    it.return(undefined);
  });

  it('rejects bad sizes', () => {
    expect(() => [...buildScaleData(-1, 10)]).toThrow();
    expect(() => [...buildScaleData(10, 0)]).toThrow();
  });
});
