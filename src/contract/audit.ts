// The auditor's view of the trail (三员分立, 等保2.0 安全审计): the filter of the list, its rows,
// the action list and the chain check. Imports only zod and src/contract (architecture test).
import { z } from 'zod';
import { timestamp } from './wire.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

// ---------------------------------------------------------------- requests

export const auditQuery = z.object({
  actor: z.string().max(40).optional(),
  action: z.string().max(60).optional(),
  from: date.optional(),
  to: date.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof auditQuery>;

// ---------------------------------------------------------------- responses

export const auditRowSchema = z.object({
  seq: z.number().int(),
  at: timestamp,
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  role: z.string().nullable(),
  bodyId: z.number().int().nullable(),
  bodyName: z.string().nullable(),
  action: z.string(),
  actionLabel: z.string(),
  objectType: z.string().nullable(),
  objectId: z.union([z.string(), z.number()]).nullable(),
  before: z.unknown(),
  after: z.unknown(),
  clientIp: z.string().nullable(),
  digest: z.string(),
  /** the object's name now (a user's 姓名（账户）, a body's name), when it is a user or a body */
  objectName: z.string().nullable(),
  /** written with no one signed in and from no address: the demo seed, the setup or a migration */
  bySystem: z.boolean(),
});

export const auditPageSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  rows: z.array(auditRowSchema),
});

export const auditActionsSchema = z.array(z.object({ value: z.string(), label: z.string() }));

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBadSeq: z.number().int().optional(),
  reason: z.string().optional(),
  /** the head to record elsewhere */
  headSeq: z.number().int(),
  headDigest: z.string(),
  /** seq of the first HMAC-SM3 row; null while the whole chain is unkeyed */
  keyedFromSeq: z.number().int().nullable(),
  /** anchors the chain was compared with, and the newest of them */
  anchorsChecked: z.number().int(),
  lastAnchor: z.object({ at: z.string(), seq: z.number().int(), count: z.number().int() }).nullable(),
  /** facts the auditor should know that do not make the chain bad (e.g. no anchor file) */
  notes: z.array(z.string()),
});
