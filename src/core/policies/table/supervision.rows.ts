// The policy table: supervision (§14 ¶2, §16, §17; §4 the joint meeting). Rows: who acts (or '-' for a function of no actor), the other
// arguments, the expected result (world.ts).
import { expect } from 'vitest';
import { cal, city, kdl, OK, type PolicyName, qs, rectification, refused, REGIONS, type Row, street } from './world.js';

export const supervisionRows: Partial<Record<PolicyName, Row[]>> = {
  canViewSupervision: [
    ['clerk@20', [street], true],
    ['coordinator@2', [street], true],
    ['coordinator@11', [qs], false],
    ['clerk@10', [street], false],
    ['nobody', [street], false],
  ],
  // §15 ¶3: the city's office closes and reopens the city's publishing site
  canGuardPortal: [
    ['coordinator@2', [], true],
    ['coordinator@11', [], false],
    ['approver@2', [], false],
    ['nobody', [], false],
  ],
  canViewIntegrity: [
    ['coordinator@2', [], true],
    ['auditor@2', [], true],
    ['secAdmin@2', [], true],
    ['clerk@1', [], false],
    ['nobody', [], false],
  ],
  canSuperviseBody: [
    ['coordinator@11', [street], true],
    ['coordinator@2', [street], false],
    ['coordinator@2', [city], true],
    ['clerk@20', [street], false],
  ],
  canReportRectification: [
    ['leadUnit@10', [kdl], true],
    ['clerk@10', [kdl], true],
    ['clerk@10', [qs], false],
    ['coordinator@11', [kdl], false],
  ],
  canDesignateLeadUnit: [
    ['clerk@30', [qs], true],
    ['clerk@10', [qs], false],
    ['coordinator@2', [qs], false],
    ['nobody', [qs], false],
  ],
  canImportExercise: [
    ['coordinator@2', [REGIONS.kdl.path], true],
    ['coordinator@11', [REGIONS.kdl.path], true],
    ['coordinator@11', [REGIONS.city.path], false],
    ['clerk@10', [REGIONS.kdl.path], false],
    ['nobody', [REGIONS.kdl.path], false],
  ],
  canViewExerciseImport: [
    ['coordinator@2', [REGIONS.qs.path], true],
    ['coordinator@11', [REGIONS.qs.path], false],
    ['leadUnit@10', [REGIONS.kdl.path], false],
  ],
  canManageExerciseSources: [
    ['sysAdmin@2', [REGIONS.kdl.path], true],
    ['sysAdmin@11', [REGIONS.city.path], false],
    ['coordinator@2', [REGIONS.city.path], false],
  ],
  exerciseFactKey: [
    ['-', ['retired', 10, '150203-CF-001', null], 'exercise:retired:10:code:150203-CF-001'],
    ['-', ['notInList', 10, null, '食品经营许可'], 'exercise:notInList:10:name:食品经营许可'],
  ],
  factKey: [
    ['-', [{ kind: 'noLeadUnit', bodyId: 10 }], 'noLeadUnit:10'],
    ['-', [{ kind: 'late', adjustmentId: 3, bodyId: 10 }], 'late:3'],
    ['-', [{ kind: 'delayed', adjustmentId: 3, bodyId: 10, step: 'review' }], 'delayed:3:1:review'],
    ['-', [{ kind: 'late', bodyId: 10 }], null],
  ],
  mayIssueOrder: [
    ['-', ['open'], OK],
    ['-', ['rectifying'], refused('INVALID_STATE')],
  ],
  mayDismiss: [
    ['-', ['open'], OK],
    ['-', ['dismissed'], refused('INVALID_STATE')],
  ],
  mayReport: [
    ['-', ['issued', '2026-10-20', '2026-10-20'], OK],
    ['-', ['issued', '2026-10-20', '2026-10-21'], refused('DEADLINE')],
    ['-', ['reported', '2026-10-20', '2026-10-01'], refused('INVALID_STATE')],
  ],
  mayDecide: [
    ['-', ['reported'], OK],
    ['-', ['issued'], refused('INVALID_STATE')],
  ],
  mayAddEvidence: [
    ['-', ['issued'], OK],
    ['-', ['reported'], refused('INVALID_STATE')],
  ],
  mayDraftReprimand: [
    ['-', ['escalated', false], OK],
    ['-', ['escalated', true], refused('INVALID_STATE')],
    ['-', ['rectifying', false], refused('INVALID_STATE')],
  ],
  mayApproveReprimand: [
    ['-', ['draft', 8, 7], OK],
    ['-', ['draft', 7, 7], refused('SELF_REVIEW')],
    ['-', ['approved', 8, 7], refused('INVALID_STATE')],
  ],
  mayPublishReprimand: [
    ['-', ['approved'], OK],
    ['-', ['draft'], refused('INVALID_STATE')],
  ],
  rectificationDue: [
    [
      '-',
      ['baotou-2023', '2026-09-28', cal],
      expect.objectContaining({ date: cal.addWorkdays('2026-09-28', rectification.amount).date }),
    ],
  ],
  canManageJointMeeting: [
    ['coordinator@11', [REGIONS.kdl.path], true],
    ['coordinator@2', [REGIONS.kdl.path], false],
    ['clerk@10', [REGIONS.kdl.path], false],
  ],
  canViewJointMeeting: [
    ['coordinator@2', [REGIONS.kdl.path], true],
    ['coordinator@11', [REGIONS.city.path], false],
    ['nobody', [REGIONS.kdl.path], false],
  ],
};
