// The policy table: the register (§4, §5, §7, §12, §18). Rows: who acts (or '-' for a function of no actor), the other
// arguments, the expected result (world.ts).
import { city, cityOffice, kdl, type PolicyName, REGIONS, type Row, street } from './world.js';

export const registerRows: Partial<Record<PolicyName, Row[]>> = {
  canDraftList: [
    ['clerk@10', [kdl], true],
    ['clerk@1', [kdl], false],
    ['leadUnit@10', [kdl], false],
  ],
  canSubmitList: [
    ['leadUnit@10', [kdl], true],
    ['clerk@10', [kdl], false],
  ],
  canPreliminaryReviewList: [
    ['coordinator@11', [street], true],
    ['coordinator@2', [kdl], false],
    ['legalReviewer@11', [kdl], false],
  ],
  legalityReviewRoles: [
    ['-', ['baotou-2023', REGIONS.city.path], ['legalReviewer']],
    ['-', ['baotou-2023', REGIONS.kdl.path], ['coordinator', 'legalReviewer']],
    ['-', ['baotou-2025', REGIONS.kdl.path], ['legalReviewer']],
  ],
  canLegalityReviewList: [
    ['legalReviewer@2', [{ ...city, rulebookId: 'baotou-2023' }], true],
    ['coordinator@2', [{ ...city, rulebookId: 'baotou-2023' }], false],
    ['coordinator@11', [{ ...street, rulebookId: 'baotou-2023' }], true],
    ['coordinator@11', [{ ...kdl, rulebookId: 'baotou-2025' }], false],
  ],
  canPublishList: [
    ['coordinator@2', [cityOffice], true],
    ['coordinator@2', [kdl], false],
    ['approver@2', [city], false],
  ],
  canViewDraft: [
    ['clerk@10', [kdl], true],
    ['approver@11', [street], true],
    ['approver@2', [street], false],
    ['clerk@30', [kdl], false],
  ],
  canManageLegalDocuments: [
    ['coordinator@11', [], true],
    ['legalReviewer@2', [], true],
    ['approver@2', [], false],
    ['nobody', [], false],
  ],
  legalDocumentGrant: [
    ['clerk@1+legalReviewer@2', [], 'legalReviewer@2'],
    ['approver@2', [], undefined],
  ],
};
