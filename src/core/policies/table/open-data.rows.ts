// The policy table: open data (issue 14.3, §15 ¶2): webhook consumers. Rows: who acts (or '-' for a function of no actor), the other
// arguments, the expected result (world.ts).
import type { PolicyName, Row } from './world.js';

export const openDataRows: Partial<Record<PolicyName, Row[]>> = {
  canManageWebhooks: [
    ['sysAdmin@2', [], true],
    ['coordinator@2', [], true],
    ['coordinator@11', [], false],
    ['sysAdmin@11', [], false],
    ['clerk@1', [], false],
    ['nobody', [], false],
  ],
};
