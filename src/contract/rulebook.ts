// The rulebooks (规则集) the platform ships and the one in force (spec, opening section): the
// requests and answers of /api/rulebooks (src/modules/rulebook/rulebook.routes.ts).
import { z } from 'zod';
import { ADJUSTMENT_KINDS, STEP_IDS, TRIGGER_KINDS, WORKFLOW_ROLES } from './adjustments.js';
import { timestamp } from './wire.js';

export const rulebookIdParam = z.object({ id: z.string().max(40) });

export const selectRulebookBody = z.object({
  rulebookId: z.string({ message: '请选择规则集' }),
  note: z.string().trim().max(500, '说明不能超过500个字').optional(),
});
export type SelectRulebookBody = z.infer<typeof selectRulebookBody>;

const regulationSchema = z.object({
  title: z.string(),
  issuedOn: z.string(),
  effectiveFrom: z.string().nullable(),
  source: z.string(),
});

/** GET /api/rulebooks: every shipped rulebook, the one in force, whether the actor may switch, and the switches so far. */
export const rulebookIndexSchema = z.object({
  current: z.string(),
  canSwitch: z.boolean(),
  rulebooks: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      regulation: regulationSchema,
      managingOffice: z.string(),
      current: z.boolean(),
    }),
  ),
  history: z.array(
    z.object({
      rulebookId: z.string(),
      label: z.string(),
      selectedAt: timestamp,
      selectedByName: z.string(),
      note: z.string().nullable(),
    }),
  ),
});
export type RulebookIndex = z.infer<typeof rulebookIndexSchema>;
/** The index on the wire (times as ISO strings): what the workspace reads. */
export type RulebookIndexWire = z.input<typeof rulebookIndexSchema>;

/**
 * GET /api/rulebooks/:id: the rulebook as data (categories, adjustment kinds, steps, clocks with
 * their articles), the wire form of the core's rulebook types (src/core/rulebook/types.ts): each
 * part with all its fields; the top level passes the rest through (delegation, supervision and
 * feedback rules…). `inherited2023`: the value cites the regulation this rulebook replaced;
 * `note`: why a value is what it is where the regulation leaves room.
 */
const provenance = { inherited2023: z.literal(true).optional(), note: z.string().optional() };
const role = z.enum(WORKFLOW_ROLES);

export const clockSchema = z.object({
  amount: z.number(),
  unit: z.enum(['workday', 'calendarDay']),
  kind: z.enum(['deadline', 'minimumDuration']),
  /** the event whose date starts the clock */
  from: z.string(),
  article: z.string(),
  articleText: z.string(),
  ...provenance,
});

export const stepDefSchema = z.object({
  id: z.enum(STEP_IDS),
  label: z.string(),
  /** who may act on the step; the first is the one accountable for it */
  roles: z.array(role).readonly(),
  article: z.string(),
  articleText: z.string().optional(),
  clock: clockSchema.optional(),
  requires: z.array(z.string()).readonly().optional(),
  ...provenance,
});

export const rulebookSchema = z.looseObject({
  id: z.string(),
  label: z.string(),
  regulation: regulationSchema.readonly(),
  basis: z.array(z.string()).readonly(),
  supersedes: z.string().nullable(),
  managingOffice: z.object({ name: z.string(), fullName: z.string(), article: z.string() }).readonly(),
  roles: z.partialRecord(role, z.object({ label: z.string(), article: z.string(), ...provenance })),
  categories: z.array(z.object({ code: z.string(), label: z.string() })).readonly(),
  adjustmentKinds: z
    .array(
      z.object({
        kind: z.enum(ADJUSTMENT_KINDS),
        label: z.string(),
        article: z.string(),
        /** key into procedures */
        procedure: z.string(),
        ...provenance,
      }),
    )
    .readonly(),
  triggerKinds: z
    .array(
      z.object({
        kind: z.enum(TRIGGER_KINDS),
        label: z.string(),
        articles: z.array(z.string()).readonly(),
        /** the adjustment kinds this cause may justify */
        adjustmentKinds: z.array(z.enum(ADJUSTMENT_KINDS)).readonly(),
        ...provenance,
      }),
    )
    .readonly(),
  stepRolesByLevel: z.array(z.unknown()).readonly(),
  procedures: z.record(
    z.string(),
    z.object({
      id: z.string(),
      label: z.string(),
      stages: z.array(z.array(stepDefSchema).readonly()).readonly(),
      ...provenance,
    }),
  ),
  batchKinds: z
    .array(z.object({ id: z.enum(['batch', 'single']), label: z.string(), article: z.string(), ...provenance }))
    .readonly(),
  periodicDuties: z
    .array(
      z.object({
        id: z.string(),
        label: z.string(),
        roles: z.array(role).readonly(),
        article: z.string(),
        articleText: z.string(),
        ...provenance,
      }),
    )
    .readonly(),
});
/** A rulebook on the wire (what the workspace reads). */
export type RulebookData = z.input<typeof rulebookSchema>;
export type StepDef = z.input<typeof stepDefSchema>;
export type Clock = z.input<typeof clockSchema>;

/** PUT /api/rulebooks/current */
export const rulebookSelectedSchema = z.object({ current: z.string(), label: z.string() });
