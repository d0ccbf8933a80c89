// What the workspace may offer a signed-in user; the server checks every call again.
import type { Abilities } from '../../contract/common.js';
import type { Actor } from '../actor.js';
import { canReadAudit } from './administration.js';
import { hasRole } from './scope.js';

export function abilitiesOf(a: Actor | null): Abilities {
  return {
    manageBodies: hasRole(a, 'sysAdmin'),
    manageUsers: hasRole(a, 'sysAdmin'),
    manageRoles: hasRole(a, 'secAdmin'),
    managePolicy: hasRole(a, 'secAdmin'),
    readAudit: canReadAudit(a),
    draftList: hasRole(a, 'clerk'),
    submitList: hasRole(a, 'leadUnit'),
    review: hasRole(a, 'coordinator'),
    legalReview: hasRole(a, 'legalReviewer'),
    approve: hasRole(a, 'approver'),
  };
}
