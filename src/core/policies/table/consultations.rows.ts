// The policy table: consultations (§12, §15). Rows: who acts (or '-' for a function of no actor), the other
// arguments, the expected result (world.ts).
import { type PolicyName, REGIONS, type Row } from './world.js';

export const consultationsRows: Partial<Record<PolicyName, Row[]>> = {
  canReadComments: [
    ['coordinator@2', [REGIONS.street.path], true],
    ['coordinator@11', [REGIONS.qs.path], false],
    ['clerk@20', [REGIONS.street.path], false],
  ],
  isApplyingBody: [
    ['clerk@20', [20], true],
    ['leadUnit@20', [20], true],
    ['coordinator@11', [20], false],
  ],
  ownLevelCoordinator: [
    ['coordinator@11', [REGIONS.street.path], 'coordinator@11'],
    ['coordinator@2', [REGIONS.street.path], undefined],
  ],
  canModerate: [
    ['coordinator@11', [REGIONS.street.path], true],
    ['coordinator@2', [REGIONS.street.path], false],
    ['nobody', [REGIONS.street.path], false],
  ],
};
