// The receiving body of a 下放 or 委托 (§13(五) 承接部门): who acts for it on an application, and
// the powers of its list that a delegated power would duplicate (same name and category), each
// of which the application must resolve before it is filed or confirmed. Pure.
import type { Actor } from '../../core/actor.js';
import { actsForReceivingBody, adjustmentRolesOf } from '../../core/policies/index.js';
import type { Role } from '../../core/rulebook/index.js';
import type { DuplicateChoice, DuplicateResolution, Item, ListPower } from './apply.js';
import { workflowRoles } from './transitions.js';

/** The workflow roles of an actor on an application, the receiving body's included. */
export function applicationRoles(
  actor: Actor,
  a: { bodyId: number; regionPath: string; receivingBodyId: number | null; kind?: string },
): Role[] {
  const roles = workflowRoles(adjustmentRolesOf(actor, a));
  // §13(五), §14: the receiving body confirms through its lead unit.
  if (actsForReceivingBody(actor, a.receivingBodyId)) roles.push('receiver');
  // §13.3: an organisation outside the register has no one on the platform; the coordination
  // office of the level, which the entrustment is filed with, records its written acceptance (the
  // delegation gate asks for the instrument both signed) — not the entrusting body itself.
  else if (a.kind === 'entrust' && a.receivingBodyId === null && roles.includes('coordinator')) roles.push('receiver');
  return roles;
}

export { DUPLICATE_CHOICES, type DuplicateChoice, type DuplicateResolution } from './apply.js';
export { DUPLICATE_CHOICE_LABELS } from '../../contract/adjustments.js';

export interface Duplicate {
  ord: number;
  targetCode: string;
  name: string;
  category: string;
  existingCode: string;
  existingName: string;
}

/** The power as it would arrive in the receiving body's list (its proposed values, if any). */
const arriving = (it: Item): ListPower | null => it.proposed ?? it.base;

/**
 * §13(五): for each delegated item, the receiving body's power in force of the same name and
 * category (the first by code when there are several). Entrustment adds nothing to the
 * receiving list (§13.3: the power stays the entrusting body's), so only 下放 is checked.
 */
export function duplicatesOf(
  kind: string,
  items: readonly (Item & { ord: number })[],
  receiving: readonly ListPower[],
): Duplicate[] {
  if (kind !== 'delegate') return [];
  const out: Duplicate[] = [];
  for (const it of items) {
    const p = arriving(it);
    if (!p || !it.targetCode) continue;
    const hit = receiving
      .filter((r) => r.status === 'active' && r.name === p.name && r.category === p.category)
      .sort((x, y) => (x.code < y.code ? -1 : 1))[0];
    if (hit)
      out.push({
        ord: it.ord,
        targetCode: it.targetCode,
        name: p.name,
        category: p.category,
        existingCode: hit.code,
        existingName: hit.name,
      });
  }
  return out;
}

/** The duplicates without a decision that still fits them (a decision about another power is void). */
export function unresolvedDuplicates(
  dups: readonly Duplicate[],
  resolutions: ReadonlyMap<number, DuplicateResolution | null>,
): Duplicate[] {
  return dups.filter((d) => resolutions.get(d.ord)?.existingCode !== d.existingCode);
}

export const duplicateMessage = (d: Duplicate) =>
  `第${d.ord + 1}项“${d.name}”与承接部门清单中的“${d.existingName}”（${d.existingCode}）名称、类别相同，请选择并入、替换或两项并存（说明理由）`;
