// The shared vocabulary of server and workspace (issue 11.1): roles and their Chinese labels,
// abilities, region levels and offices, the error body. This floor imports only zod (and other
// files of src/contract): the core builds on it, the modules and the workspace import it.
import { z } from 'zod';

// Spec §1: the roles a user may hold at a body.
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
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

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

/** 三员分立: the three admin duties, never held by one person (core/policies/ enforces it). */
export const ADMIN_ROLES: Role[] = ['sysAdmin', 'secAdmin', 'auditor'];

/** What the UI may offer a signed-in user (core/policies/ abilitiesOf); the server checks every call again. */
export const abilitiesSchema = z.object({
  manageBodies: z.boolean(),
  manageUsers: z.boolean(),
  manageRoles: z.boolean(),
  managePolicy: z.boolean(),
  readAudit: z.boolean(),
  draftList: z.boolean(),
  submitList: z.boolean(),
  review: z.boolean(),
  legalReview: z.boolean(),
  approve: z.boolean(),
});
export type Abilities = z.infer<typeof abilitiesSchema>;
export type Ability = keyof Abilities;

/** 1 = 市, 2 = 旗县区 and 稀土高新区, 3 = 苏木乡镇·街道 (spec §1). */
export const REGION_LEVELS = [1, 2, 3] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];
export const LEVEL_LABELS: Record<number, string> = { 1: '市级', 2: '旗县区级', 3: '苏木乡镇（街道）级' };

/**
 * The office role a body plays at its level (spec §1): 本级人民政府 approves (§12, §13.1),
 * 协调小组办公室 manages the lists (§4), 法制机构 reviews legality (§5).
 */
export const OFFICE_ROLES = ['government', 'coordination', 'legal'] as const;
export const officeSchema = z.enum(OFFICE_ROLES);
export type OfficeRole = z.infer<typeof officeSchema>;
export const OFFICE_LABELS: Record<OfficeRole, string> = {
  government: '本级人民政府',
  coordination: '协调小组办公室',
  legal: '法制机构',
};

/** The error body every 4xx/5xx carries: a stable code and a Chinese message. */
export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z
      .array(
        z.object({
          field: z.string().optional(),
          row: z.number().optional(),
          column: z.string().optional(),
          message: z.string(),
        }),
      )
      .optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorSchema>;

/** The usual refusals a route may answer, for `response: { 200: …, ...errorResponses }`. */
export const errorResponses = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
} as const;

export const idParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

/** An answer that only says it worked (logout, delete). */
export const okSchema = z.object({ ok: z.literal(true) });

/** An HTML page (portal, anchor page): the body is text, not JSON. */
export const htmlSchema = z.string().describe('text/html');
/**
 * A portal page's refusal: its own HTML page (a form shown again with its errors), or — when the
 * request never reached the handler (bad input, rate limit) — the JSON error body.
 */
export const htmlOrErrorSchema = z.union([htmlSchema, errorSchema]);
/** A stylesheet, script or plain text the portal serves. */
export const textSchema = z.string().describe('text');
/** A redirect (the Location header says where); no body. */
export const redirectSchema = z.null().describe('redirect');

/** GET /healthz: the process answers and the database reads. */
export const healthSchema = z.object({ status: z.literal('ok') });
