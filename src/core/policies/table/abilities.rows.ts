// The policy table: what the workspace offers. Rows: who acts (or '-' for a function of no actor), the other
// arguments, the expected result (world.ts).
import { expect } from 'vitest';
import type { PolicyName, Row } from './world.js';

export const abilitiesRows: Partial<Record<PolicyName, Row[]>> = {
  abilitiesOf: [
    [
      'clerk@10+auditor@2',
      [],
      {
        manageBodies: false,
        manageUsers: false,
        manageRoles: false,
        managePolicy: false,
        readAudit: true,
        draftList: true,
        submitList: false,
        review: false,
        legalReview: false,
        approve: false,
      },
    ],
    ['nobody', [], expect.objectContaining({ manageBodies: false, readAudit: false, draftList: false })],
  ],
};
