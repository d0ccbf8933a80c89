// The policy table: scope grammar. Rows: who acts (or '-' for a function of no actor), the other
// arguments, the expected result (world.ts).
import { type PolicyName, qs, REGIONS, type Row, street } from './world.js';

export const scopeRows: Partial<Record<PolicyName, Row[]>> = {
  pathWithin: [
    ['-', ['150200/150203', '150200'], true],
    ['-', ['150200', '150200'], true],
    ['-', ['150200/1502031', '150200/150203'], false],
    ['-', ['150200', '150200/150203'], false],
  ],
  hasRole: [
    ['clerk@1', ['clerk'], true],
    ['clerk@1', ['leadUnit'], false],
    ['nobody', ['clerk'], false],
  ],
  scopesOf: [
    ['coordinator@2+coordinator@11', ['coordinator'], ['150200', '150200/150203']],
    ['clerk@1', ['coordinator'], []],
    ['nobody', ['coordinator'], []],
  ],
  roleReachesRegion: [
    ['coordinator@2', ['coordinator', REGIONS.street.path], true],
    ['coordinator@11', ['coordinator', REGIONS.qs.path], false],
    ['coordinator@11', ['coordinator', REGIONS.city.path], false],
    ['none', ['coordinator', REGIONS.city.path], false],
  ],
  grantReaching: [
    ['clerk@1+sysAdmin@2', ['sysAdmin', REGIONS.kdl.path], 'sysAdmin@2'],
    ['sysAdmin@11', ['sysAdmin', REGIONS.qs.path], undefined],
    ['nobody', ['sysAdmin', REGIONS.city.path], undefined],
  ],
  roleAtBody: [
    ['clerk@10', ['clerk', 10], true],
    ['clerk@10', ['clerk', 11], false],
    ['leadUnit@10', ['clerk', 10], false],
  ],
  bodiesWithRole: [
    ['clerk@1+clerk@10+leadUnit@30', ['clerk'], [1, 10]],
    ['leadUnit@30', ['clerk'], []],
    ['nobody', ['clerk'], []],
  ],
  staffedBodies: [
    ['clerk@10+leadUnit@10+leadUnit@30+coordinator@11', [], [10, 30]],
    ['coordinator@2', [], []],
    ['nobody', [], []],
  ],
  officeScopes: [
    ['coordinator@2+approver@11+legalReviewer@11', [], ['150200', '150200/150203']],
    ['clerk@10+leadUnit@30', [], []],
    ['nobody', [], []],
  ],
  officeLevels: [
    ['coordinator@2+approver@11+legalReviewer@11', [], ['150200', '150200/150203']],
    ['coordinator@20+clerk@10', [], []],
    ['nobody', [], []],
  ],
  bodyRoleOf: [
    ['clerk@10+leadUnit@10', [10], 'leadUnit'],
    ['clerk@10', [10], 'clerk'],
    ['clerk@10+coordinator@11', [11], undefined],
    ['nobody', [10], undefined],
  ],
  ownOfficeRegion: [
    ['clerk@1+coordinator@11+coordinator@2', [], '150203'],
    ['approver@2', [], undefined],
    ['nobody', [], undefined],
  ],
  officeLevelPath: [
    ['-', [REGIONS.street.path], REGIONS.kdl.path],
    ['-', [REGIONS.kdl.path], REGIONS.kdl.path],
    ['-', [REGIONS.city.path], REGIONS.city.path],
  ],
  officeGrantFor: [
    ['coordinator@11', ['coordinator', REGIONS.street.path], 'coordinator@11'],
    ['coordinator@2', ['coordinator', REGIONS.street.path], undefined],
    ['legalReviewer@11', ['coordinator', REGIONS.kdl.path], undefined],
  ],
  officeRoleFor: [
    ['approver@11', ['approver', street], true],
    ['approver@2', ['approver', street], false],
    ['approver@11', ['approver', qs], false],
  ],
};
