// The policy table: administration (三员分立). Rows: who acts (or '-' for a function of no actor), the other
// arguments, the expected result (world.ts).
import { body, city, kdl, type PolicyName, qs, REGIONS, type Row, street } from './world.js';

export const administrationRows: Partial<Record<PolicyName, Row[]>> = {
  conflictingAdminRole: [
    ['-', [['sysAdmin'], 'auditor'], 'sysAdmin'],
    ['-', [['clerk', 'sysAdmin'], 'sysAdmin'], undefined],
    ['-', [['sysAdmin'], 'clerk'], undefined],
  ],
  canManageBodies: [
    ['sysAdmin@2', [REGIONS.street.path], true],
    ['sysAdmin@11', [REGIONS.city.path], false],
    ['secAdmin@2', [REGIONS.city.path], false],
    ['nobody', [REGIONS.city.path], false],
  ],
  bodyManagerGrant: [
    ['sysAdmin@11', [REGIONS.street.path], 'sysAdmin@11'],
    ['sysAdmin@11', [REGIONS.qs.path], undefined],
  ],
  canManageUsers: [
    ['sysAdmin@11', [street], true],
    ['sysAdmin@11', [qs], false],
    ['secAdmin@2', [kdl], false],
  ],
  canManageRoles: [
    ['secAdmin@2', [kdl], true],
    ['secAdmin@11', [city], false],
    ['sysAdmin@2', [kdl], false],
  ],
  canManagePolicy: [
    ['secAdmin@11', [], true],
    ['sysAdmin@2', [], false],
    ['nobody', [], false],
  ],
  canReadAudit: [
    ['auditor@2', [], true],
    ['sysAdmin@2', [], false],
    ['nobody', [], false],
  ],
  canReviewAdminChanges: [
    ['auditor@2', [], true],
    ['secAdmin@11', [], true],
    ['coordinator@2', [], false],
    ['nobody', [], false],
  ],
  changeNeedsSecondAdmin: [
    ['-', [['clerk', 'auditor']], true],
    ['-', [['clerk'], 'secAdmin'], true],
    ['-', [['clerk'], 'leadUnit'], false],
    ['-', [[]], false],
  ],
  canSeeAdminChange: [
    ['auditor@11', [REGIONS.street.path], true],
    ['sysAdmin@2', [REGIONS.qs.path], true],
    ['secAdmin@11', [REGIONS.qs.path], false],
    ['coordinator@2', [REGIONS.city.path], false],
    ['nobody', [REGIONS.city.path], false],
  ],
  canConfirmAdminChange: [
    ['secAdmin@2', [{ requestedBy: 8, targetUserId: 9 }, REGIONS.kdl.path], true],
    ['secAdmin@2', [{ requestedBy: 7, targetUserId: 9 }, REGIONS.kdl.path], false],
    ['secAdmin@2', [{ requestedBy: 8, targetUserId: 7 }, REGIONS.kdl.path], false],
    ['secAdmin@11', [{ requestedBy: 8, targetUserId: 9 }, REGIONS.qs.path], false],
    ['nobody', [{ requestedBy: 8, targetUserId: 9 }, REGIONS.kdl.path], false],
  ],
  canViewUser: [
    ['clerk@10', [body(10)], true],
    ['sysAdmin@11', [street], true],
    ['clerk@10', [qs], false],
    ['nobody', [city], false],
  ],
  installationGrant: [
    ['sysAdmin@2', [], 'sysAdmin@2'],
    ['sysAdmin@11', [], undefined],
  ],
  canConfigureInstallation: [
    ['sysAdmin@2', [], true],
    ['sysAdmin@11', [], false],
    ['secAdmin@2', [], false],
    ['nobody', [], false],
  ],
};
