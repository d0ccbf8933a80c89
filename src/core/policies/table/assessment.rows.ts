// The policy table: performance assessment (§5, §16 ¶1). Rows: who acts (or '-' for a function of no actor), the other
// arguments, the expected result (world.ts).
import { type PolicyName, REGIONS, type Row, street } from './world.js';

export const assessmentRows: Partial<Record<PolicyName, Row[]>> = {
  canViewAssessmentLevel: [
    ['coordinator@2', [REGIONS.kdl.path], true],
    ['coordinator@11', [REGIONS.kdl.path], true],
    ['coordinator@11', [REGIONS.city.path], false],
    ['clerk@10', [REGIONS.kdl.path], false],
  ],
  canViewAssessment: [
    ['leadUnit@20', [street], true],
    ['coordinator@2', [street], true],
    ['coordinator@30', [street], false],
    ['nobody', [street], false],
  ],
  canAdjustAssessment: [
    ['coordinator@11', [street], true],
    ['coordinator@2', [street], false],
    ['clerk@20', [street], false],
  ],
};
