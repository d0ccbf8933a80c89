// The policy table: opinions, complaints and reports (§15 ¶1–2). Rows: who acts (or '-' for a function of no actor), the other
// arguments, the expected result (world.ts).
import { adopted, fb, opinion, type PolicyName, type Row, street } from './world.js';

export const feedbackRows: Partial<Record<PolicyName, Row[]>> = {
  routeOf: [
    ['-', ['suggestion'], 'body'],
    ['-', ['complaint'], 'office'],
    ['-', ['report'], 'office'],
  ],
  canSeeFeedback: [
    ['coordinator@11', [fb()], true],
    ['coordinator@2', [fb()], true],
    ['coordinator@30', [fb()], false],
    ['clerk@20', [fb()], false],
    ['clerk@20', [opinion()], true],
    ['clerk@20', [opinion({ status: 'moderation' })], false],
    ['nobody', [opinion()], false],
  ],
  canIntake: [
    ['coordinator@11', [street], true],
    ['clerk@20', [street], true],
    ['coordinator@2', [street], false],
    ['clerk@10', [street], false],
    ['nobody', [street], false],
  ],
  canModerateFeedback: [
    ['coordinator@11', [fb({ status: 'moderation' })], true],
    ['coordinator@11', [fb()], false],
    ['coordinator@2', [fb({ status: 'moderation' })], false],
    ['nobody', [fb({ status: 'moderation' })], false],
  ],
  canAssign: [
    ['coordinator@11', [fb()], true],
    ['leadUnit@20', [opinion()], true],
    ['leadUnit@20', [fb()], false],
    ['clerk@20', [opinion()], false],
    ['coordinator@11', [fb({ status: 'answered' })], false],
  ],
  handlerBodyOf: [
    ['-', [fb()], 11],
    ['-', [opinion()], 20],
  ],
  canAnswer: [
    ['clerk@20', [opinion({ status: 'assigned', handlerId: 7 })], true],
    ['clerk@20', [opinion({ status: 'assigned', handlerId: 8 })], false],
    ['clerk@20', [opinion({ status: 'answered', handlerId: 7 })], false],
    ['nobody', [opinion({ status: 'assigned', handlerId: 7 })], false],
  ],
  canReadContact: [
    ['coordinator@11', [fb({ status: 'assigned', handlerId: 7 })], true],
    ['coordinator@11', [fb({ status: 'answered', handlerId: 7 })], true],
    ['coordinator@11', [fb({ status: 'assigned', handlerId: 8 })], false],
    ['coordinator@11', [fb({ status: 'merged', handlerId: 7 })], false],
  ],
  canMerge: [
    ['coordinator@11', [fb({ status: 'moderation' })], true],
    ['leadUnit@20', [opinion()], true],
    ['clerk@20', [opinion()], false],
    ['coordinator@11', [fb({ status: 'answered' })], false],
  ],
  outcomeFits: [
    ['-', ['suggestion', 'partlyAdopted'], true],
    ['-', ['complaint', 'adopted'], false],
    ['-', ['report', 'substantiated'], true],
  ],
  canOpenAdjustment: [
    ['clerk@20', [adopted], true],
    ['clerk@20', [{ ...adopted, adjustmentId: 5 }], false],
    ['clerk@20', [{ ...adopted, outcome: 'notAdopted' }], false],
    ['leadUnit@20', [adopted], false],
    ['clerk@10', [adopted], false],
  ],
  isSubstantiated: [
    ['-', [fb({ outcome: 'partlySubstantiated' })], true],
    ['-', [fb({ outcome: 'unsubstantiated' })], false],
    ['-', [opinion({ outcome: 'adopted' })], false],
  ],
};
