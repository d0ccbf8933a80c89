// The policy table: the regional item platform (§13.1, §13.5). Rows: who acts (or '-' for a function of no actor), the other
// arguments, the expected result (world.ts).
import { adj, city, kdl, type PolicyName, type Row } from './world.js';

export const regionalPlatformRows: Partial<Record<PolicyName, Row[]>> = {
  canReconcileBody: [
    ['clerk@1', [city], true],
    ['leadUnit@1', [city], true],
    ['coordinator@2', [city], true],
    ['coordinator@2', [kdl], false],
    ['coordinator@11', [kdl], true],
    ['clerk@10', [city], false],
    ['nobody', [city], false],
  ],
  canReconcileLevel: [
    ['coordinator@2', ['150200'], true],
    ['coordinator@2', ['150200/150203'], false],
    ['coordinator@11', ['150200/150203'], true],
    ['clerk@1', ['150200'], false],
    ['nobody', ['150200'], false],
  ],
  canViewReconciliation: [
    ['coordinator@2', [{ scope: 'level', bodyId: null, regionPath: '150200/150203' }], true],
    ['coordinator@11', [{ scope: 'level', bodyId: null, regionPath: '150200' }], false],
    ['clerk@1', [{ scope: 'body', bodyId: 1, regionPath: '150200' }], true],
    ['clerk@1', [{ scope: 'level', bodyId: null, regionPath: '150200' }], false],
    ['clerk@10', [{ scope: 'body', bodyId: 1, regionPath: '150200' }], false],
    ['nobody', [{ scope: 'body', bodyId: 1, regionPath: '150200' }], false],
  ],
  canAttachPlatformSync: [
    ['clerk@1', [adj(1)], true],
    ['leadUnit@1', [adj(1)], true],
    ['coordinator@2', [adj(1)], false],
    ['clerk@10', [adj(1)], false],
    ['nobody', [adj(1)], false],
  ],
  canSetCreditCode: [
    ['sysAdmin@2', [kdl], true],
    ['sysAdmin@11', [city], false],
    ['coordinator@2', [city], false],
    ['nobody', [city], false],
  ],
  canSetTimeLimit: [
    ['clerk@1', [city], true],
    ['coordinator@2', [city], false],
    ['nobody', [city], false],
  ],
};
