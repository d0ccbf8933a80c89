// The portal's integrity guard (issue 14.4, §15 ¶3): the office's view of the monitor's runs and
// of the portal's closure, and its commands to close and reopen (src/modules/integrity/).
import { z } from 'zod';
import { timestamp } from './wire.js';

const reason = (what: string) =>
  z
    .string({ message: `请填写${what}` })
    .trim()
    .min(2, `请填写${what}（至少2个字）`)
    .max(500, `${what}不能超过500个字`);

/** POST /api/integrity/close — §15 ¶3: the office closes the publishing site, with its reason. */
export const closePortalBody = z.object({ reason: reason('关闭网站的原因') });
/** POST /api/integrity/reopen — only the office reopens, with its reason. */
export const reopenPortalBody = z.object({ reason: reason('重新开放网站的理由') });

/** What a finding of the monitor compared. */
export const MISMATCH_KINDS = ['register', 'json', 'page', 'fetch'] as const;
export type MismatchKind = (typeof MISMATCH_KINDS)[number];
export const MISMATCH_LABELS: Record<MismatchKind, string> = {
  register: '清单数据与公布摘要不符',
  json: '公开数据文件与清单不符',
  page: '公开网页与清单不符',
  fetch: '公开页面无法读取',
};

export const mismatchSchema = z.object({
  bodyId: z.number().nullable(),
  bodyName: z.string().nullable(),
  version: z.number().nullable(),
  kind: z.enum(MISMATCH_KINDS),
  /** the page or file, e.g. /bodies/12 */
  path: z.string().nullable(),
  expected: z.string().nullable(),
  found: z.string().nullable(),
});
export type Mismatch = z.infer<typeof mismatchSchema>;

export const CHECK_TRIGGERS = ['schedule', 'command', 'office'] as const;
export const CHECK_TRIGGER_LABELS: Record<(typeof CHECK_TRIGGERS)[number], string> = {
  schedule: '定时检查',
  command: '命令行检查',
  office: '办公室手动检查',
};

export const integrityCheckSchema = z.object({
  id: z.number(),
  at: timestamp,
  trigger: z.enum(CHECK_TRIGGERS),
  ok: z.boolean(),
  bodies: z.number(),
  resources: z.number(),
  /** false: the portal was closed, so only the register was compared (nothing is served) */
  served: z.boolean(),
  durationMs: z.number(),
  mismatches: z.array(mismatchSchema),
});
export type IntegrityCheck = z.infer<typeof integrityCheckSchema>;

export const closureSchema = z.object({
  id: z.number(),
  closedAt: timestamp,
  source: z.enum(['monitor', 'office']),
  closedBy: z.string().nullable(),
  reason: z.string(),
  reopenedAt: timestamp.nullable(),
  reopenedBy: z.string().nullable(),
  reopenReason: z.string().nullable(),
});

/** GET /api/integrity: the portal's state, the monitor's latest runs, the closures so far. */
export const integrityStatusSchema = z.object({
  closed: z.boolean(),
  closure: closureSchema.nullable(),
  /** the actor may close, reopen and run a check (the city's 协调小组办公室) */
  canGuard: z.boolean(),
  checks: z.array(integrityCheckSchema),
  closures: z.array(closureSchema),
});
export type IntegrityStatus = z.infer<typeof integrityStatusSchema>;

/**
 * Every published page and data file carries the SM3 digest of its publication in this header
 * (`sm3:<64 hex>`); the body's and power's pages also print it, and /integrity checks it.
 */
export const PUBLICATION_DIGEST_HEADER = 'x-publication-digest';
export const publicationDigest = (digest: string) => `sm3:${digest}`;
