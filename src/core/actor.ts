// Who is acting: a signed-in user with the roles they hold per body (spec §1).
export const ROLES = [
  'clerk',
  'leadUnit',
  'coordinator',
  'legalReviewer',
  'approver',
  'sysAdmin',
  'secAdmin',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  clerk: '部门经办人',
  leadUnit: '部门牵头机构',
  coordinator: '协调小组办公室',
  legalReviewer: '法制机构',
  approver: '本级人民政府',
  sysAdmin: '系统管理员',
  secAdmin: '安全管理员',
  auditor: '审计管理员',
};

export interface RoleGrant {
  bodyId: number;
  bodyName: string;
  role: Role;
  regionCode: string;
  /** region path from the city down, e.g. 150200/150203 */
  regionPath: string;
}

export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  homeBodyId: number;
  grants: RoleGrant[];
}

/** Client address and the like, carried into the audit trail. */
export interface RequestMeta {
  clientIp: string | null;
}
