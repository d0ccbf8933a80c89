// The policy table (issue 11.3): role × action × scope → allowed, for EVERY function the policies
// folder exports. A new policy without rows fails the first test; a yes/no policy needs a row
// that allows and one that denies (deny by default: nobody signed in, no grant, wrong scope).
// The rows are kept by area in table/ (world.ts: the regions, bodies and actors they name).
import { describe, expect, it } from 'vitest';
import * as policies from './index.js';
import { regionalPlatformRows } from './table/regional-platform.rows.js';
import { feedbackRows } from './table/feedback.rows.js';
import { assessmentRows } from './table/assessment.rows.js';
import { delegationRows } from './table/delegation.rows.js';
import { supervisionRows } from './table/supervision.rows.js';
import { scopeRows } from './table/scope.rows.js';
import { administrationRows } from './table/administration.rows.js';
import { openDataRows } from './table/open-data.rows.js';
import { registerRows } from './table/register.rows.js';
import { adjustmentsRows } from './table/adjustments.rows.js';
import { consultationsRows } from './table/consultations.rows.js';
import { yearlyReportRows } from './table/yearly-report.rows.js';
import { abilitiesRows } from './table/abilities.rows.js';
import { actor, type PolicyName, type Row, shown } from './table/world.js';

const AREAS = [
  regionalPlatformRows,
  feedbackRows,
  assessmentRows,
  delegationRows,
  supervisionRows,
  scopeRows,
  administrationRows,
  openDataRows,
  registerRows,
  adjustmentsRows,
  consultationsRows,
  yearlyReportRows,
  abilitiesRows,
];
const TABLE = Object.assign({}, ...AREAS) as Record<PolicyName, Row[]>;

const fns: Record<string, unknown> = { ...policies };
const exported = Object.entries(fns)
  .filter(([, v]) => typeof v === 'function')
  .map(([k]) => k)
  .sort();

describe('the policy table covers every exported policy', () => {
  it('each function exported by core/policies has rows, and the table names no other', () => {
    const missing = exported.filter((k) => !TABLE[k as PolicyName]?.length);
    expect(missing, 'add rows for these policies').toEqual([]);
    expect(Object.keys(TABLE).sort()).toEqual(exported);
  });

  it('each policy has its rows in one area only', () => {
    const keys = AREAS.flatMap((a) => Object.keys(a));
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('each yes/no policy both allows and denies somewhere (deny by default is a row, not a hope)', () => {
    for (const [name, rows] of Object.entries(TABLE)) {
      const results = rows.map((r) => r[2]);
      if (results.every((x) => typeof x === 'boolean')) {
        expect(results, name).toContain(true);
        expect(results, name).toContain(false);
      }
    }
  });
});

describe('role × action × scope → allowed', () => {
  for (const [name, rows] of Object.entries(TABLE)) {
    it.each(rows)(`${name}: %s %j → %j`, (who, args, expected) => {
      const fn = fns[name] as (...a: unknown[]) => unknown;
      const result = who === '-' ? fn(...args) : fn(actor(who), ...args);
      expect(shown(result)).toEqual(expected);
    });
  }
});
