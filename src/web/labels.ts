// Chinese labels for codes the server sends (roles, body kinds, levels): the contract's
// (src/contract/common.ts, bodies.ts), with the workspace's own select options and colours.
import { ADMIN_ROLES, ROLE_LABELS, type Role } from '../contract/common.ts';

export { BODY_KINDS } from '../contract/bodies.ts';
export { ADMIN_ROLES, LEVEL_LABELS, OFFICE_LABELS, ROLE_LABELS } from '../contract/common.ts';

export const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as Role[]).map((value) => ({ value, label: ROLE_LABELS[value] }));

export const roleColor = (r: string) => (ADMIN_ROLES.includes(r as Role) ? 'volcano' : 'blue');
