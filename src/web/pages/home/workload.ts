// What waits for the signed-in person per role (/api/inbox/workload, issue 9.7): the home page
// shows the counts, the inbox filters its list to them (?role=…&overdue=1).
import { http } from '../../api.ts';
import type { Role } from '../../types.ts';

export interface RoleWorkload {
  role: Role;
  waiting: number[];
  overdue: number[];
}

export const workloadApi = {
  get: () => http.get<{ roles: RoleWorkload[] }>('/api/inbox/workload'),
};

/** The roles that take part in the adjustment procedure (§12): they have counts. */
export const WORKFLOW_ROLES: readonly Role[] = ['clerk', 'leadUnit', 'coordinator', 'legalReviewer', 'approver'];

export const inboxLink = (role: Role, overdue = false) => `/inbox?tab=todo&role=${role}${overdue ? '&overdue=1' : ''}`;
