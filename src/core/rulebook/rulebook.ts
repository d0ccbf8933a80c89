// The rulebooks the platform ships, and how code reads them. An installation
// chooses one; an application keeps the rulebook it started under (it stores the
// id), so getRulebook must return the same data for an id for as long as any
// application may refer to it.
import { baotou2023 } from './baotou-2023.js';
import { baotou2025 } from './baotou-2025.js';
import type {
  AdjustmentKind,
  AdjustmentKindDef,
  CategoryDef,
  Level,
  ProcedureDef,
  Role,
  Rulebook,
  RulebookId,
  StepDef,
  StepId,
  TriggerKind,
  TriggerKindDef,
} from './types.js';

/** The seed: the 2023 regulation (spec, opening section). */
export const DEFAULT_RULEBOOK_ID: RulebookId = 'baotou-2023';

const RULEBOOKS: { readonly [K in RulebookId]: Rulebook } = {
  'baotou-2023': baotou2023,
  'baotou-2025': baotou2025,
};

export class RulebookError extends Error {
  constructor(
    readonly code: 'rulebook.unknown' | 'rulebook.unknownKind' | 'rulebook.invalidProgress',
    message: string,
  ) {
    super(message);
    this.name = 'RulebookError';
  }
}

export function isRulebookId(id: string): id is RulebookId {
  return Object.hasOwn(RULEBOOKS, id);
}

export function getRulebook(id: string = DEFAULT_RULEBOOK_ID): Rulebook {
  if (!isRulebookId(id)) throw new RulebookError('rulebook.unknown', `未知的规则集：${id}`);
  return RULEBOOKS[id];
}

export function listRulebooks(): readonly Rulebook[] {
  return Object.values(RULEBOOKS);
}

export function adjustmentKindDef(rb: Rulebook, kind: AdjustmentKind): AdjustmentKindDef {
  const def = rb.adjustmentKinds.find((k) => k.kind === kind);
  if (!def) throw new RulebookError('rulebook.unknownKind', `规则集 ${rb.id} 没有调整类型 ${kind}`);
  return def;
}

export function triggerKindDef(rb: Rulebook, kind: TriggerKind): TriggerKindDef {
  const def = rb.triggerKinds.find((t) => t.kind === kind);
  if (!def) throw new RulebookError('rulebook.unknownKind', `规则集 ${rb.id} 没有调整事由 ${kind}`);
  return def;
}

export function procedureFor(rb: Rulebook, kind: AdjustmentKind): ProcedureDef {
  const { procedure } = adjustmentKindDef(rb, kind);
  const def = rb.procedures[procedure];
  if (!def) throw new RulebookError('rulebook.unknownKind', `规则集 ${rb.id} 没有程序 ${procedure}`);
  return def;
}

/** The stages of a kind's procedure: steps within a stage run side by side. */
export function stagesFor(rb: Rulebook, kind: AdjustmentKind): readonly (readonly StepDef[])[] {
  return procedureFor(rb, kind).stages;
}

/** Every step a kind goes through, in order. */
export function stepsFor(rb: Rulebook, kind: AdjustmentKind): readonly StepDef[] {
  return stagesFor(rb, kind).flat();
}

export function findStep(rb: Rulebook, kind: AdjustmentKind, id: StepId): StepDef | undefined {
  return stepsFor(rb, kind).find((s) => s.id === id);
}

export type NextStep =
  | { readonly done: true }
  | { readonly done: false; readonly stage: number; readonly open: readonly StepDef[] };

/**
 * What is left to do, given the steps already completed: the steps of the first
 * stage not yet finished (several when they run side by side), or done.
 * Throws when `completed` names a step this kind does not have, or a step of a
 * later stage while an earlier one is still open.
 */
export function nextStep(rb: Rulebook, kind: AdjustmentKind, completed: Iterable<StepId>): NextStep {
  const done = new Set(completed);
  const stages = stagesFor(rb, kind);
  const known = new Set(stages.flat().map((s) => s.id));
  for (const id of done) {
    if (!known.has(id)) {
      throw new RulebookError('rulebook.invalidProgress', `调整类型 ${kind} 没有步骤 ${id}（规则集 ${rb.id}）`);
    }
  }
  const index = stages.findIndex((stage) => stage.some((s) => !done.has(s.id)));
  if (index === -1) return { done: true };
  const later = stages
    .slice(index + 1)
    .flat()
    .find((s) => done.has(s.id));
  if (later) {
    throw new RulebookError('rulebook.invalidProgress', `步骤 ${later.id} 不能早于尚未完成的前序步骤`);
  }
  return { done: false, stage: index, open: stages[index].filter((s) => !done.has(s.id)) };
}

/** The level of a region path (spec §1): '150200' 市, '150200/150203' 旗县区, deeper 苏木乡镇·街道. */
export function levelOfPath(regionPath: string): Level {
  const depth = regionPath.split('/').length;
  return depth <= 1 ? 'city' : depth === 2 ? 'county' : 'township';
}

/**
 * Who performs a step for a body of this level: the rulebook's per-level choice where it has
 * one (§5: 协调小组办公室或法制机构), else the step's own roles. The first is accountable.
 */
export function stepRoles(rb: Rulebook, step: StepDef, level: Level): readonly [Role, ...Role[]] {
  return rb.stepRolesByLevel.find((s) => s.step === step.id)?.roles[level] ?? step.roles;
}

/** §10, §11: whether a cause may justify this kind of adjustment. */
export function triggerAllows(rb: Rulebook, trigger: TriggerKind, kind: AdjustmentKind): boolean {
  return triggerKindDef(rb, trigger).adjustmentKinds.includes(kind);
}

/** A category by its letter code (XK, CF … BA); undefined if this rulebook lacks it. */
export function categoryByCode(rb: Rulebook, code: string): CategoryDef | undefined {
  return rb.categories.find((c) => c.code === code);
}

/** A category by its Chinese name (行政许可 …). */
export function categoryByLabel(rb: Rulebook, label: string): CategoryDef | undefined {
  return rb.categories.find((c) => c.label === label);
}
