// Chinese labels for codes the server sends (roles, body kinds, levels).
import type { Role } from './types.ts';

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

export const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as Role[]).map((value) => ({ value, label: ROLE_LABELS[value] }));

/** 三员分立: the three admin duties are never held by one person (the server enforces it). */
export const ADMIN_ROLES: Role[] = ['sysAdmin', 'secAdmin', 'auditor'];

export const BODY_KINDS = [
  '政府工作部门',
  '部门管理机构',
  '保留权责清单的党委部门',
  '合并设立的部门',
  '法律法规授权组织',
  '苏木乡镇人民政府',
  '街道办事处',
  '人民政府',
  '协调小组办公室',
] as const;

export const LEVEL_LABELS: Record<number, string> = { 1: '市级', 2: '旗县区级', 3: '苏木乡镇（街道）级' };

export const OFFICE_LABELS: Record<string, string> = {
  government: '本级人民政府',
  coordination: '协调小组办公室',
  legal: '法制机构',
};

export const roleColor = (r: string) => (ADMIN_ROLES.includes(r as Role) ? 'volcano' : 'blue');
