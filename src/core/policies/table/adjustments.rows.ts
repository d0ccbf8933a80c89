// The policy table: dynamic adjustment (§12, §13, §14). Rows: who acts (or '-' for a function of no actor), the other
// arguments, the expected result (world.ts).
import { adj, type PolicyName, REGIONS, type Row } from './world.js';

export const adjustmentsRows: Partial<Record<PolicyName, Row[]>> = {
  canViewAdjustment: [
    ['clerk@10', [adj(10)], true],
    ['leadUnit@30', [adj(10, 30)], true],
    ['coordinator@2', [adj(20)], true],
    ['coordinator@11', [adj(30)], false],
    ['clerk@1', [adj(10)], false],
    ['nobody', [adj(10)], false],
  ],
  adjustmentRolesOf: [
    ['clerk@10+leadUnit@10', [adj(10)], ['clerk', 'leadUnit']],
    ['coordinator@11+approver@11', [adj(20)], ['coordinator', 'approver']],
    ['coordinator@2', [adj(10)], []],
    ['nobody', [adj(10)], []],
  ],
  actingGrants: [
    [
      '-',
      [['clerk', 'coordinator', 'receiver'], { ...adj(20, 30), receivingBodyId: 30 }],
      { bodyRoles: ['clerk'], bodyId: 20, officeRoles: ['coordinator'], level: REGIONS.kdl.path, receivingBodyId: 30 },
    ],
    [
      '-',
      [['leadUnit', 'approver'], adj(1, 30)],
      {
        bodyRoles: ['leadUnit'],
        bodyId: 1,
        officeRoles: ['approver'],
        level: REGIONS.city.path,
        receivingBodyId: null,
      },
    ],
    [
      '-',
      [[], adj(10)],
      { bodyRoles: [], bodyId: 10, officeRoles: [], level: REGIONS.kdl.path, receivingBodyId: null },
    ],
  ],
  canDraftAdjustment: [
    ['clerk@10', [10], true],
    ['leadUnit@10', [10], false],
    ['clerk@1', [10], false],
  ],
  actsForReceivingBody: [
    ['leadUnit@30', [30], true],
    ['clerk@30', [30], false],
    ['leadUnit@30', [null], false],
  ],
  coordinatorGrants: [
    ['coordinator@2+coordinator@11', [], ['coordinator@2', 'coordinator@11']],
    ['coordinator@2+coordinator@11', ['150203'], ['coordinator@11']],
    ['legalReviewer@2', [], []],
  ],
  canRecordLawChange: [
    ['coordinator@11', ['150203'], true],
    ['coordinator@11', [undefined], true],
    ['coordinator@11', ['150200'], false],
    ['legalReviewer@2', ['150200'], false],
    ['nobody', ['150200'], false],
  ],
  canOpenBatch: [
    ['coordinator@2', [undefined], true],
    ['coordinator@2+coordinator@11', ['150200'], true],
    ['coordinator@2+coordinator@11', [undefined], false],
    ['approver@2', ['150200'], false],
  ],
};
