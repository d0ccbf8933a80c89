// Moved to src/core/policies/consultations.ts (issue 11.3: every policy in src/core/policies/).
// Kept only while consultations.routes.ts still imports it from here.
export { canModerate, canReadComments, isApplyingBody, ownLevelCoordinator } from '../../core/policies/index.js';
