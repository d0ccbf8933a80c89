// Response schemas of the register (spec §2): drafts with what their reader may do, published
// lists, versions and their comparison, legal documents and lapse flags. The serializer encodes
// through them; the workspace's types are their wire form (`z.input`).
import { z } from 'zod';
import { roleSchema } from './common.js';
import { DRAFT_STATUSES, LEGAL_LEVELS, POWER_STATUSES } from './register.js';
import type { importResultSchema } from './exchange.js';
import { timestamp } from './wire.js';

/** A database row id: a number on the wire (the core types ids loosely as number or string). */
const rowId = z.codec(z.number(), z.union([z.number(), z.string()]), {
  decode: (n) => n,
  encode: (v) => Number(v),
});

/** §7: one citation of one article of one document in the legal-document library. */
export const citationSchema = z.object({
  documentId: z.union([z.number(), z.string()]).optional(),
  documentName: z.string(),
  level: z.enum(LEGAL_LEVELS),
  article: z.string(),
  text: z.string(),
  inferred: z.boolean().optional(),
  effectiveDate: z.string().optional(),
  expiryDate: z.string().optional(),
});
export const responsibilitySchema = z.object({ order: z.number(), name: z.string(), content: z.string() });

/**
 * The 职权信息表 fields of one power (§6), as lists, drafts and applications carry it; a published
 * power also carries its delegation links (§13(五)), which the pages show as they are.
 */
export const powerSchema = z.object({
  id: rowId.optional(),
  bodyId: rowId.optional(),
  parentId: z.union([z.number(), z.string()]).nullable().optional(),
  parentCode: z.string().nullable().optional(),
  code: z.string(),
  name: z.string(),
  category: z.string(),
  responsibleSubject: z.string(),
  legalBases: z.array(citationSchema),
  implementingAgency: z.string(),
  responsibilities: z.array(responsibilitySchema),
  accountabilityCases: z.array(z.string()),
  accountabilityBasis: z.string(),
  remarks: z.string(),
  status: z.enum(POWER_STATUSES),
  predecessorCodes: z.array(z.string()).optional(),
  links: z.array(z.unknown()).optional(),
});

export const dutySchema = z.object({
  id: z.union([z.number(), z.string()]).optional(),
  order: z.number().optional(),
  name: z.string(),
  content: z.string(),
});

/** §8: an entry that resembles a kind the regulation keeps out of the list. */
export const exclusionFlagSchema = z.object({
  clause: z.enum(['§8.1', '§8.2', '§8.3']),
  keyword: z.string(),
  matched: z.string(),
  reason: z.string(),
  field: z.enum(['name', 'description']),
});
export const exclusionOverrideSchema = z.object({
  note: z.string(),
  by: z.number().optional(),
  byName: z.string(),
  at: timestamp,
});

/** One field that differs between two versions of a power (core/register/diff.ts). */
export const fieldChangeSchema = z.object({
  field: z.string(),
  path: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export const changedPowerSchema = z.object({
  code: z.string(),
  nameBefore: z.string(),
  nameAfter: z.string(),
  changes: z.array(fieldChangeSchema),
});
export const listDiffSchema = z.object({
  added: z.array(powerSchema),
  removed: z.array(powerSchema),
  changed: z.array(changedPowerSchema),
  unchangedCount: z.number(),
});

export const draftPowerSchema = powerSchema.extend({
  id: z.number(),
  ord: z.number(),
  /** issue 10.8: sent back with a save; a stale one is refused (409) */
  version: z.number(),
  exclusionFlags: z.array(exclusionFlagSchema),
  exclusionOverride: exclusionOverrideSchema.nullable(),
  /** §7: a 临时性行政许可 that lapses soon or has lapsed */
  lapse: z
    .object({
      documentName: z.string(),
      expiryDate: z.string(),
      daysRemaining: z.number(),
      state: z.enum(['lapsing', 'lapsed']),
    })
    .nullable(),
});

export const draftReviewSchema = z.object({
  step: z.enum(['submit', 'preliminaryReview', 'legalityReview', 'publish', 'withdraw']),
  decision: z.enum(['pass', 'return', 'done']),
  reason: z.string().nullable(),
  at: timestamp,
  actorName: z.string(),
  actorId: z.number(),
});

/**
 * What the signed-in actor may do with a draft now (the server decides: policies, the draft's
 * state and spec §1's rule that nobody reviews their own submission; every call is checked again).
 */
export const draftCanSchema = z.object({
  edit: z.boolean(),
  exportDraft: z.boolean(),
  submit: z.boolean(),
  /** the review this actor gives: the coordination office's or the legal office's */
  review: z.enum(['preliminary', 'legality']).nullable(),
  /** that review may still pass (not given yet); a return stays possible until publication */
  canPass: z.boolean(),
  override: z.boolean(),
  publish: z.boolean(),
});

export const draftSchema = z.object({
  id: z.number(),
  bodyId: z.number(),
  bodyName: z.string(),
  status: z.enum(DRAFT_STATUSES),
  statusLabel: z.string(),
  rulebookId: z.string(),
  createdBy: z.number(),
  createdAt: timestamp,
  updatedAt: timestamp,
  submittedBy: z.number().nullable(),
  submittedAt: timestamp.nullable(),
  preliminaryPassedAt: timestamp.nullable(),
  legalityPassedAt: timestamp.nullable(),
  publishedVersion: z.number().nullable(),
  /** §5: the offices of the body's level that may give the legality review (the rulebook's choice) */
  legalityReviewRoles: z.array(z.union([roleSchema, z.literal('receiver')])),
  unresolvedFlags: z.number(),
  powers: z.array(draftPowerSchema),
  duties: z.array(dutySchema),
  /** issue 10.8: the duties list's version, sent back with its save */
  dutiesVersion: z.number(),
  reviews: z.array(draftReviewSchema),
  can: draftCanSchema,
});

export const draftRowSchema = z.object({
  id: z.number(),
  bodyId: z.number(),
  bodyName: z.string(),
  status: z.enum(DRAFT_STATUSES),
  updatedAt: timestamp,
  submittedAt: timestamp.nullable(),
  publishedVersion: z.number().nullable(),
  powerCount: z.number(),
});

export const powerBatchResult = z.object({ added: z.number(), codes: z.array(z.string()) });
export const publishResult = z.object({ version: z.number(), digest: z.string(), powerCount: z.number() });

export const legalDocumentSchema = z.object({
  id: z.number(),
  key: z.string(),
  name: z.string(),
  level: z.string(),
  issuingBody: z.string().nullable(),
  documentNumber: z.string().nullable(),
  status: z.string(),
  latestVersionDate: z.string().nullable(),
  effectiveDate: z.string().nullable(),
  expiryDate: z.string().nullable(),
});
export const documentPage = z.object({ items: z.array(legalDocumentSchema), total: z.number() });

/** §7: a published power whose 临时性行政许可 basis lapses soon or has lapsed. */
export const lapsingReport = z.object({
  warningDays: z.number(),
  article: z.string(),
  items: z.array(
    z.object({
      bodyId: z.number(),
      bodyName: z.string(),
      powerId: z.number(),
      code: z.string(),
      name: z.string(),
      documentId: z.number().nullable(),
      documentName: z.string(),
      expiryDate: z.string(),
      daysRemaining: z.number(),
      state: z.enum(['lapsing', 'lapsed']),
    }),
  ),
});

export const versionInfoSchema = z.object({
  version: z.number(),
  publishedAt: timestamp,
  effectiveDate: z.string(),
  digest: z.string(),
  powerCount: z.number(),
  rulebookId: z.string(),
  publishedByName: z.string().nullable(),
  note: z.string().nullable(),
  source: z.object({ type: z.enum(['compilation', 'adjustment']), id: z.number().nullable() }),
});

export const publishedListSchema = versionInfoSchema.extend({
  body: z.object({ id: z.number(), name: z.string() }),
  powers: z.array(powerSchema),
  duties: z.array(dutySchema),
});

export const comparisonSchema = listDiffSchema.extend({
  from: versionInfoSchema,
  to: versionInfoSchema,
  duties: z.object({ added: z.array(dutySchema), removed: z.array(dutySchema) }),
});

/** What importing a workbook into a draft did: the exchange contract's answer (src/contract/exchange.ts). */
export type ImportResult = z.input<typeof importResultSchema>;
export type Citation = z.input<typeof citationSchema>;
export type Responsibility = z.input<typeof responsibilitySchema>;
export type PowerFields = z.input<typeof powerSchema>;
export type Duty = z.input<typeof dutySchema>;
export type ExclusionFlag = z.input<typeof exclusionFlagSchema>;
export type FieldChange = z.input<typeof fieldChangeSchema>;
export type ListDiff = z.input<typeof listDiffSchema>;
export type DraftPower = z.input<typeof draftPowerSchema>;
export type DraftReview = z.input<typeof draftReviewSchema>;
export type DraftCan = z.input<typeof draftCanSchema>;
export type Draft = z.input<typeof draftSchema>;
export type DraftRow = z.input<typeof draftRowSchema>;
export type LegalDocument = z.input<typeof legalDocumentSchema>;
export type VersionInfo = z.input<typeof versionInfoSchema>;
export type PublishedList = z.input<typeof publishedListSchema>;
export type Comparison = z.input<typeof comparisonSchema>;
