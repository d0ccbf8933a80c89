// Accounts, sessions and the security policy (三员分立, 等保 practice): sign-in, the session the
// workspace reads, users and their roles, changes to administrators that wait for a second
// administrator (issue 10.5). Imports only zod and src/contract (architecture test).
import { z } from 'zod';
import { abilitiesSchema, ROLE_LABELS, ROLES, roleSchema } from './common.js';
import { nameText } from './names.js';
import { timestamp } from './wire.js';

// ---------------------------------------------------------------- sign-in and session

export const loginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64, '用户名过长'),
  password: z.string().min(1, '请输入密码').max(128, '密码过长'),
});
export const loginAnswerSchema = z.object({
  ok: z.literal(true),
  csrfToken: z.string(),
  /** set up or reset by an administrator: nothing but 修改密码 until it is changed */
  mustChangePassword: z.boolean(),
});

export const passwordChangeBody = z.object({
  oldPassword: z.string().min(1, '请输入原密码').max(128),
  newPassword: z.string().min(1, '请输入新密码').max(128),
});
export type PasswordChange = z.infer<typeof passwordChangeBody>;

export const roleGrantSchema = z.object({
  bodyId: z.number().int(),
  bodyName: z.string(),
  role: roleSchema,
  roleLabel: z.string(),
  regionCode: z.string(),
  /** region path from the city down, e.g. 150200/150203 */
  regionPath: z.string(),
});
export type RoleGrant = z.infer<typeof roleGrantSchema>;

export const sessionSchema = z.object({
  user: z.object({ id: z.number().int(), username: z.string(), displayName: z.string(), homeBodyId: z.number().int() }),
  roles: z.array(roleGrantSchema),
  abilities: abilitiesSchema,
  csrfToken: z.string(),
  /** an account from the one-time setup: nothing but 修改密码 until the password is changed */
  mustChangePassword: z.boolean(),
});
export type Session = z.infer<typeof sessionSchema>;

// ---------------------------------------------------------------- security policy

/** The bounds an administrator may set (等保 practice); the form and the server both take them from here. */
export const POLICY_BOUNDS = {
  passwordMinLength: { min: 8, max: 64 },
  passwordMinClasses: { min: 3, max: 4 },
  maxFailedLogins: { min: 3, max: 10 },
  lockoutMinutes: { min: 5, max: 1440 },
  sessionIdleMinutes: { min: 5, max: 120 },
  sessionAbsoluteMinutes: { min: 30, max: 1440 },
} as const;
const B = POLICY_BOUNDS;
const bounded = (k: keyof typeof B, low: string, high: string) =>
  z.number().int().min(B[k].min, low).max(B[k].max, high);

export const policyBody = z.object({
  passwordMinLength: bounded(
    'passwordMinLength',
    `密码最小长度不能低于${B.passwordMinLength.min}位`,
    `密码最小长度不能超过${B.passwordMinLength.max}位`,
  ),
  passwordMinClasses: bounded(
    'passwordMinClasses',
    `字符类别不能少于${B.passwordMinClasses.min}类`,
    `字符类别最多${B.passwordMinClasses.max}类`,
  ),
  maxFailedLogins: bounded(
    'maxFailedLogins',
    `失败次数阈值不能低于${B.maxFailedLogins.min}次`,
    `失败次数阈值不能超过${B.maxFailedLogins.max}次`,
  ),
  lockoutMinutes: bounded(
    'lockoutMinutes',
    `锁定时长不能少于${B.lockoutMinutes.min}分钟`,
    `锁定时长不能超过${B.lockoutMinutes.max}分钟`,
  ),
  sessionIdleMinutes: bounded(
    'sessionIdleMinutes',
    `空闲超时不能少于${B.sessionIdleMinutes.min}分钟`,
    `空闲超时不能超过${B.sessionIdleMinutes.max}分钟`,
  ),
  sessionAbsoluteMinutes: bounded(
    'sessionAbsoluteMinutes',
    `会话最长不能少于${B.sessionAbsoluteMinutes.min}分钟`,
    `会话最长不能超过${B.sessionAbsoluteMinutes.max}分钟`,
  ),
});
/** The policy as stored (the bounds are the form's: a policy set before them is still shown as it is). */
export const securityPolicySchema = z.object({
  passwordMinLength: z.number().int(),
  passwordMinClasses: z.number().int(),
  maxFailedLogins: z.number().int(),
  lockoutMinutes: z.number().int(),
  sessionIdleMinutes: z.number().int(),
  sessionAbsoluteMinutes: z.number().int(),
});
export type SecurityPolicy = z.infer<typeof securityPolicySchema>;

export const passwordRulesSchema = z.object({ minLength: z.number().int(), minClasses: z.number().int() });
export type PasswordRules = z.infer<typeof passwordRulesSchema>;

// ---------------------------------------------------------------- users and roles

export const createUserBody = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, '用户名须以字母开头，由3-32位字母、数字、下划线、点或连字符组成'),
  displayName: nameText('姓名', 30, 2),
  homeBodyId: z.number().int().positive('请选择所属机构'),
  password: z.string().min(1, '请输入初始密码').max(128, '密码过长'),
});
export type CreateUser = z.infer<typeof createUserBody>;

export const userPatchBody = z.object({
  displayName: createUserBody.shape.displayName.optional(),
  disabled: z.boolean().optional(),
});
export type UserPatch = z.infer<typeof userPatchBody>;

export const roleBody = z.object({
  bodyId: z.number().int().positive('请选择机构'),
  role: z.enum(ROLES, { message: `角色须为：${ROLES.map((r) => ROLE_LABELS[r]).join('、')}` }),
});
export type RoleChange = z.infer<typeof roleBody>;

export const usersQuery = z.object({
  bodyId: z.coerce.number().int().positive().optional(),
  q: z.string().max(40).optional(),
});

export const userRowSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  disabled: z.boolean(),
  lockedUntil: timestamp.nullable(),
  homeBodyId: z.number().int(),
  homeBodyName: z.string(),
  /** holds an administrator's role: changes to the account wait for a second administrator (三员分立) */
  admin: z.boolean(),
});
export type UserRow = z.input<typeof userRowSchema>;

export const userDetailSchema = userRowSchema.omit({ admin: true }).extend({
  createdAt: timestamp,
  homeRegionPath: z.string(),
  roles: z.array(z.object({ role: roleSchema, bodyId: z.number().int(), bodyName: z.string() })),
});
export type UserDetail = z.input<typeof userDetailSchema>;

// ---------------------------------------------------------------- changes to administrators

export const ADMIN_CHANGE_KINDS = ['user.update', 'role.grant', 'role.revoke'] as const;
export const adminChangeKindSchema = z.enum(ADMIN_CHANGE_KINDS);
export type AdminChangeKind = z.infer<typeof adminChangeKindSchema>;

/** A 202 answer: the change is filed and waits for another administrator's confirmation. */
export const pendingAnswerSchema = z.object({
  pending: z.object({ id: z.number().int(), kind: adminChangeKindSchema }),
  message: z.string(),
});
export type PendingAnswer = z.infer<typeof pendingAnswerSchema>;

export const adminChangesQuery = z.object({
  status: z.enum(['pending', 'decided'], { message: '状态须为待确认或已处理' }).optional(),
});
export const rejectBody = z.object({
  reason: z.string().trim().min(1, '请填写驳回理由').max(200, '驳回理由不能超过200字'),
});

/** A change to an administrator's account or roles, waiting for (or decided by) a second administrator. */
export const adminChangeSchema = z.object({
  id: z.number().int(),
  kind: adminChangeKindSchema,
  targetUserId: z.number().int(),
  targetName: z.string(),
  targetUsername: z.string(),
  targetRegionPath: z.string(),
  description: z.string(),
  /** what the change asks for */
  payload: z.object({
    disabled: z.boolean().optional(),
    displayName: z.string().optional(),
    bodyId: z.number().int().optional(),
    role: roleSchema.optional(),
  }),
  /** superseded: closed because the same change, filed twice, took effect */
  status: z.enum(['pending', 'confirmed', 'rejected', 'superseded']),
  requestedBy: z.number().int(),
  requesterName: z.string(),
  requestedAt: timestamp,
  decidedBy: z.number().int().nullable(),
  deciderName: z.string().nullable(),
  decidedAt: timestamp.nullable(),
  reason: z.string().nullable(),
  /** the server's answer to "may this administrator confirm it" (not the requester, not the subject) */
  mayConfirm: z.boolean(),
});
export type AdminChange = z.input<typeof adminChangeSchema>;
