// Shapes of the server API as the workspace uses them (see src/server and the OpenAPI document
// at /api/openapi.json). Kept by hand: the web bundle does not import server code.

export type Role =
  | 'clerk'
  | 'leadUnit'
  | 'coordinator'
  | 'legalReviewer'
  | 'approver'
  | 'sysAdmin'
  | 'secAdmin'
  | 'auditor';

export interface Abilities {
  manageBodies: boolean;
  manageUsers: boolean;
  manageRoles: boolean;
  managePolicy: boolean;
  readAudit: boolean;
  draftList: boolean;
  submitList: boolean;
  review: boolean;
  legalReview: boolean;
  approve: boolean;
}
export type Ability = keyof Abilities;

export interface RoleGrant {
  bodyId: number;
  bodyName: string;
  role: Role;
  roleLabel: string;
  regionCode: string;
  regionPath: string;
}

export interface Session {
  user: { id: number; username: string; displayName: string; homeBodyId: number };
  roles: RoleGrant[];
  abilities: Abilities;
  csrfToken: string;
  /** an account from the one-time setup: nothing but 修改密码 until the password is changed */
  mustChangePassword?: boolean;
}

export interface Region {
  code: string;
  name: string;
  kind: string;
  /** 1 市, 2 旗县区, 3 苏木乡镇街道 */
  level: number;
  parent_code: string | null;
  path: string;
}

export interface Body {
  id: number;
  name: string;
  shortName: string | null;
  kind: string;
  office: 'government' | 'coordination' | 'legal' | null;
  seq: number;
  regionCode: string;
  regionName: string;
  regionPath: string;
  regionLevel: number;
}

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  disabled: boolean;
  lockedUntil: string | null;
  homeBodyId: number;
  homeBodyName: string;
  /** holds an administrator's role: changes to the account wait for a second administrator (三员分立) */
  admin?: boolean;
}

export interface UserDetail extends UserRow {
  createdAt?: string;
  roles: { role: Role; bodyId: number; bodyName: string }[];
}

export interface SecurityPolicy {
  passwordMinLength: number;
  passwordMinClasses: number;
  maxFailedLogins: number;
  lockoutMinutes: number;
  sessionIdleMinutes: number;
  sessionAbsoluteMinutes: number;
}

export interface AuditRow {
  seq: number;
  at: string;
  actorName: string | null;
  role: string | null;
  bodyName: string | null;
  action: string;
  actionLabel: string;
  objectType: string | null;
  objectId: string | number | null;
  before: unknown;
  after: unknown;
  clientIp: string | null;
  digest: string;
  /** the object's name now (a user's 姓名（账户）, a body's name), when it is a user or a body */
  objectName?: string | null;
  /** written with no one signed in and from no address: the demo seed, the setup or a migration */
  bySystem?: boolean;
}

export interface AuditPage {
  total: number;
  page: number;
  pageSize: number;
  rows: AuditRow[];
}

export interface AuditVerify {
  ok: boolean;
  checked: number;
  firstBadSeq?: number;
  reason?: string;
  headSeq: number;
  headDigest: string;
  keyedFromSeq: number | null;
  anchorsChecked: number;
  lastAnchor: { at: string; seq: number; count: number } | null;
  notes: string[];
}

/** A change to an administrator's account or roles, waiting for a second administrator (三员分立). */
export interface AdminChange {
  id: number;
  kind: 'user.update' | 'role.grant' | 'role.revoke';
  targetUserId: number;
  targetName: string;
  targetUsername: string;
  description: string;
  /** what the change asks for; superseded: closed because the same change, filed twice, took effect */
  payload: { disabled?: boolean; displayName?: string; bodyId?: number; role?: Role };
  status: 'pending' | 'confirmed' | 'rejected' | 'superseded';
  requestedBy: number;
  requesterName: string;
  requestedAt: string;
  decidedBy: number | null;
  deciderName: string | null;
  decidedAt: string | null;
  reason: string | null;
  /** the server's answer to "may this administrator confirm it" (not the requester, not the subject) */
  mayConfirm: boolean;
}

/** A 202 answer: the change is filed and waits for another administrator's confirmation. */
export interface PendingAnswer {
  pending: { id: number; kind: AdminChange['kind'] };
  message: string;
}

export interface PasswordRules {
  minLength: number;
  minClasses: number;
}
