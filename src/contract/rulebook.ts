// The rulebooks (规则集) the platform ships and the one in force (spec, opening section): the
// requests and answers of /api/rulebooks (src/modules/rulebook/rulebook.routes.ts).
import { z } from 'zod';

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
      // a Date on the server, an ISO string on the wire
      selectedAt: z.union([z.date(), z.string()]),
      selectedByName: z.string(),
      note: z.string().nullable(),
    }),
  ),
});
export type RulebookIndex = z.infer<typeof rulebookIndexSchema>;

/**
 * GET /api/rulebooks/:id: the rulebook as data (categories, adjustment kinds, steps, clocks with
 * their articles). Its parts are the core's rulebook types (src/core/rulebook/types.ts); the
 * answer names the top level and passes the parts through as they are.
 */
export const rulebookSchema = z.looseObject({
  id: z.string(),
  label: z.string(),
  regulation: regulationSchema.readonly(),
  basis: z.array(z.string()).readonly(),
  supersedes: z.string().nullable(),
  managingOffice: z.object({ name: z.string(), fullName: z.string(), article: z.string() }).readonly(),
  roles: z.record(z.string(), z.unknown()),
  categories: z.array(z.unknown()).readonly(),
  adjustmentKinds: z.array(z.unknown()).readonly(),
  triggerKinds: z.array(z.unknown()).readonly(),
  stepRolesByLevel: z.array(z.unknown()).readonly(),
  procedures: z.record(z.string(), z.unknown()),
  batchKinds: z.array(z.unknown()).readonly(),
  periodicDuties: z.array(z.unknown()).readonly(),
});

/** PUT /api/rulebooks/current */
export const rulebookSelectedSchema = z.object({ current: z.string(), label: z.string() });
