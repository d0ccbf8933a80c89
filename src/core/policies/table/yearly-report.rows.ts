// The policy table: the yearly report (§12 ¶4). Rows: who acts (or '-' for a function of no actor), the other
// arguments, the expected result (world.ts).
import { type PolicyName, REGIONS, type Row } from './world.js';

export const yearlyReportRows: Partial<Record<PolicyName, Row[]>> = {
  canReadYearlyReport: [
    ['coordinator@2', [REGIONS.kdl.path], true],
    ['coordinator@11', [REGIONS.city.path], false],
    ['approver@2', [REGIONS.city.path], false],
  ],
  yearlyReportGrant: [
    ['coordinator@2', [REGIONS.kdl.path], 'coordinator@2'],
    ['coordinator@30', [REGIONS.kdl.path], undefined],
  ],
  defaultReportRegion: [
    ['clerk@1+coordinator@11', [], '150203'],
    ['clerk@1', [], undefined],
  ],
};
