// What an application does to a published list, as pure functions: the new list (spec §3, §4:
// new codes for merge and split, statuses for cancel and delegate, the delegated power added to
// the receiving body's list and linked both ways), whether a proposal is stale against the
// current version (another application was published meanwhile), and bringing it up to date.
import {
  contentJson,
  mainCodeOf,
  nextCode,
  nextSubCode,
  parsePowerCode,
  type ListPower,
  type PowerStatus,
} from '../../core/register/index.js';
import type { AdjustmentKind } from '../../core/rulebook/index.js';

export type { ListPower } from '../../core/register/index.js';

import type { DuplicateChoice } from '../../contract/adjustments.js';
export { DUPLICATE_CHOICES, type DuplicateChoice } from '../../contract/adjustments.js';

/** §13(五): the decision on a delegated power that the receiving body's list already has. */
export interface DuplicateResolution {
  choice: DuplicateChoice;
  /** The receiving body's power the decision is about: it must still be the duplicate. */
  existingCode: string;
  reason: string;
  byName: string;
  at: string;
}

/** One affected power: a published one (targetCode) or a new one (proposed only). */
export interface Item {
  targetCode: string | null;
  /** The target as published in the base version; null for a new power. */
  base: ListPower | null;
  /** Full proposed values; null when only the status changes. */
  proposed: ListPower | null;
  /** 下放 only: how a duplicate in the receiving body's list is resolved. */
  duplicate?: DuplicateResolution | null;
}

export interface BodyScope {
  bodyId: number;
  name: string;
  /** The region part of the body's codes and its 3-digit number (code-scheme.ts). */
  regionCode: string;
  bodyCode: string;
  current: readonly ListPower[];
  /** Every code ever issued to the body, cancelled ones too: numbers are never reused (§6). */
  issuedCodes: readonly string[];
}

export interface ApplyResult {
  powers: ListPower[];
  newCodes: string[];
  /** Per item, the code it has after publication. */
  resultCodes: (string | null)[];
  receiving?: { powers: ListPower[]; newCodes: string[] };
}

export class ApplyError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ApplyError';
  }
}

/** §13.5: the link a delegated (or entrusted) power carries to the other body, both ways. */
export interface PowerLink {
  direction: 'delegatedTo' | 'delegatedFrom' | 'entrustedTo';
  /** null: §13.3 an organisation outside the register, named in the entrustment record */
  bodyId: number | null;
  code: string | null;
  adjustmentId: number;
}

const STATUS_AFTER: Partial<Record<AdjustmentKind, PowerStatus>> = {
  cancel: 'cancelled',
  delegate: 'delegated',
  entrust: 'entrusted',
  merge: 'merged',
};

// The fields an application may propose are the contract's (the workspace's editor shows them).
import { PROPOSABLE_FIELDS, type ProposableField } from '../../contract/adjustments.js';
export { PROPOSABLE_FIELDS, type ProposableField };

const same = (a: unknown, b: unknown) => contentJson(a ?? null) === contentJson(b ?? null);

/**
 * The statuses of a power each kind may adjust. §13.3: an entrusted power stays the entrusting
 * body's own (it answers for it), so it can still be modified or cancelled, and only an
 * entrusted one can be taken back (收回委托).
 */
export const TARGET_STATUSES: Record<AdjustmentKind, readonly PowerStatus[]> = {
  add: [],
  cancel: ['active', 'entrusted'],
  modify: ['active', 'entrusted'],
  takeBack: ['entrusted'],
  delegate: ['active'],
  entrust: ['active'],
  merge: ['active'],
  split: ['active'],
};

/** Why a power cannot be a target of this kind, or null when it can. */
export function targetRefusal(kind: AdjustmentKind, p: Pick<ListPower, 'name' | 'code' | 'status'>): string | null {
  if (TARGET_STATUSES[kind].includes(p.status)) return null;
  if (kind === 'takeBack') return `行政职权“${p.name}”（${p.code}）未委托实施，无需收回委托`;
  return `行政职权“${p.name}”（${p.code}）已不在用，不能再调整`;
}

function activeTarget(list: readonly ListPower[], code: string, kind?: AdjustmentKind): ListPower {
  const p = list.find((x) => x.code === code);
  if (!p) throw new ApplyError(`现行清单中没有编码为“${code}”的行政职权`, code);
  const why = kind
    ? targetRefusal(kind, p)
    : p.status === 'active' || p.status === 'entrusted'
      ? null
      : targetRefusal('modify', p);
  if (why) throw new ApplyError(why, code);
  return p;
}

/** Items whose target is no longer as it was in the base version (published since). */
export function staleItems(items: readonly Item[], current: readonly ListPower[]): string[] {
  const out: string[] = [];
  for (const it of items) {
    if (!it.targetCode) continue;
    const now = current.find((p) => p.code === it.targetCode);
    if (!now || !same(now, it.base)) out.push(it.targetCode);
  }
  return out;
}

/**
 * Bring the items up to date with the current list (a three-way merge per field): a field the
 * applicant did not change follows the current version; a field they changed keeps their
 * value. `overlapping` lists fields both sides changed differently, for the applicant to check.
 */
export function rebaseItems(
  items: readonly Item[],
  current: readonly ListPower[],
): { items: Item[]; overlapping: { code: string; field: string }[] } {
  const overlapping: { code: string; field: string }[] = [];
  const out = items.map((it) => {
    if (!it.targetCode || !it.base) return it;
    const now = activeTarget(current, it.targetCode);
    if (!it.proposed) return { ...it, base: now };
    const proposed: Record<string, unknown> = { ...now };
    for (const f of PROPOSABLE_FIELDS) {
      const mine = it.proposed[f];
      const was = it.base[f];
      if (same(mine, was)) continue; // untouched by the applicant: take the current value
      proposed[f] = mine;
      if (!same(now[f], was) && !same(now[f], mine)) overlapping.push({ code: it.targetCode, field: f });
    }
    return { ...it, base: now, proposed: proposed as unknown as ListPower };
  });
  return { items: out, overlapping };
}

/** `into` with the fields the proposal changed relative to `base` (the target as published). */
function withContent(into: ListPower, base: ListPower, proposed: ListPower | null): ListPower {
  if (!proposed) return into;
  const out: Record<string, unknown> = { ...into };
  for (const f of PROPOSABLE_FIELDS) if (proposed[f] !== undefined && !same(proposed[f], base[f])) out[f] = proposed[f];
  return out as unknown as ListPower;
}

const link = (l: PowerLink) => l as unknown;

/** The body's new list (and the receiving body's, for a delegation) after the application. */
export function applyAdjustment(
  kind: AdjustmentKind,
  items: readonly Item[],
  body: BodyScope,
  adjustmentId: number,
  receiving?: BodyScope,
): ApplyResult {
  const powers: ListPower[] = body.current.map((p) => ({ ...p }));
  const issued = [...body.issuedCodes];
  const newCodes: string[] = [];
  const resultCodes: (string | null)[] = [];
  const issue = (code: string) => (issued.push(code), newCodes.push(code), code);
  const replace = (code: string, p: ListPower) => (powers[powers.findIndex((x) => x.code === code)] = p);
  const targets = items.filter((i) => i.targetCode);
  const fresh = items.filter((i) => !i.targetCode);
  for (const t of targets) activeTarget(powers, t.targetCode!, kind);

  const newMain = (p: ListPower, scope: BodyScope, codes: string[]) =>
    nextCode(codes, { regionCode: scope.regionCode, bodyCode: scope.bodyCode, category: p.category });

  if (kind === 'entrust') {
    // §13.3: the power stays the body's own; the entrusted party is announced and linked (a body,
    // or with bodyId null an organisation outside the register, named in the entrustment record).
    for (const it of items) {
      const target = activeTarget(powers, it.targetCode!, kind);
      replace(target.code, {
        ...target,
        status: 'entrusted',
        links: [
          ...(target.links ?? []),
          link({ direction: 'entrustedTo', bodyId: receiving?.bodyId ?? null, code: null, adjustmentId }),
        ],
      });
      resultCodes.push(target.code);
    }
    return { powers, newCodes, resultCodes };
  }
  let recv: ApplyResult['receiving'];
  if (kind === 'delegate') {
    if (!receiving) throw new ApplyError('请指定承接（受委托）机构');
    const rPowers = receiving.current.map((p) => ({ ...p }));
    const rIssued = [...receiving.issuedCodes];
    const rNew: string[] = [];
    for (const it of items) {
      const target = activeTarget(powers, it.targetCode!, kind);
      // §13.5: the delegated power enters the receiving body's list under a code of its own —
      // unless the receiving body already lists it and the application decided to merge into
      // it or replace its content (duplicate_resolution, receiving.ts).
      const copy = withContent(
        { ...target, responsibleSubject: receiving.name, implementingAgency: receiving.name },
        target,
        it.proposed,
      );
      const from = link({ direction: 'delegatedFrom', bodyId: body.bodyId, code: target.code, adjustmentId });
      const dup = it.duplicate;
      if (dup && dup.choice !== 'keepBoth') {
        const i = rPowers.findIndex((p) => p.code === dup.existingCode && p.status === 'active');
        if (i < 0)
          throw new ApplyError(
            `承接部门清单中已没有编码为“${dup.existingCode}”的在用职权，请重新处理重复事项`,
            dup.existingCode,
          );
        const existing = rPowers[i];
        const content: Record<string, unknown> = { ...existing };
        if (dup.choice === 'replace') for (const f of PROPOSABLE_FIELDS) content[f] = copy[f];
        rPowers[i] = { ...(content as unknown as ListPower), links: [...(existing.links ?? []), from] };
        replace(target.code, {
          ...target,
          status: 'delegated',
          links: [
            ...(target.links ?? []),
            link({ direction: 'delegatedTo', bodyId: receiving.bodyId, code: existing.code, adjustmentId }),
          ],
        });
        resultCodes.push(existing.code);
        continue;
      }
      const code = newMain(copy, receiving, rIssued);
      rIssued.push(code);
      rNew.push(code);
      rPowers.push({
        ...copy,
        code,
        parentId: null,
        parentCode: null,
        status: 'active',
        predecessorCodes: [],
        links: [from],
      });
      replace(target.code, {
        ...target,
        status: 'delegated',
        links: [
          ...(target.links ?? []),
          link({ direction: 'delegatedTo', bodyId: receiving.bodyId, code, adjustmentId }),
        ],
      });
      resultCodes.push(code);
    }
    recv = { powers: rPowers, newCodes: rNew };
    return { powers, newCodes, resultCodes, ...(recv ? { receiving: recv } : {}) };
  }

  switch (kind) {
    case 'add':
      for (const it of items) {
        if (!it.proposed) throw new ApplyError('新增的行政职权缺少内容');
        const code = issue(newMain(it.proposed, body, issued));
        powers.push({
          ...it.proposed,
          code,
          parentId: null,
          parentCode: null,
          status: 'active',
          predecessorCodes: [],
          links: [],
        });
        resultCodes.push(code);
      }
      break;
    case 'takeBack':
      // §13.3: the entrusting body exercises the power itself again; the entrustment link goes.
      for (const it of items) {
        const t = activeTarget(powers, it.targetCode!, kind);
        replace(t.code, {
          ...t,
          status: 'active',
          links: (t.links ?? []).filter((l) => (l as Partial<PowerLink>)?.direction !== 'entrustedTo'),
        });
        resultCodes.push(t.code);
      }
      break;
    case 'cancel':
      for (const it of items) {
        const t = activeTarget(powers, it.targetCode!, kind);
        replace(t.code, { ...t, status: STATUS_AFTER.cancel! });
        resultCodes.push(t.code);
      }
      break;
    case 'modify':
      for (const it of items) {
        const t = activeTarget(powers, it.targetCode!, kind);
        replace(t.code, withContent(t, t, it.proposed));
        resultCodes.push(t.code);
      }
      break;
    case 'merge': {
      // Spec §2: 合并 gets a new 主项 code linked to the codes it replaces.
      if (targets.length < 2 || fresh.length !== 1 || !fresh[0].proposed)
        throw new ApplyError('合并须指定至少两项现有职权和一项合并后的职权');
      const code = issue(newMain(fresh[0].proposed, body, issued));
      const predecessorCodes = targets.map((t) => t.targetCode!);
      for (const t of targets)
        replace(t.targetCode!, { ...activeTarget(powers, t.targetCode!), status: STATUS_AFTER.merge! });
      powers.push({
        ...fresh[0].proposed,
        code,
        parentId: null,
        parentCode: null,
        status: 'active',
        predecessorCodes,
        links: [],
      });
      for (const it of items) resultCodes.push(it.targetCode ?? code);
      break;
    }
    case 'split': {
      // Spec §2: 分设 gets new 子项 codes under the 主项. A split 子项 retires (its number is
      // never reused); a split 主项 stays as the heading of its new 子项.
      if (targets.length !== 1 || fresh.length < 2)
        throw new ApplyError('分设须指定一项现有职权和至少两项分设后的子项');
      const t = activeTarget(powers, targets[0].targetCode!);
      const main = mainCodeOf(t.code);
      const isSub = parsePowerCode(t.code).ok && t.code !== main;
      replace(t.code, isSub ? { ...t, status: 'cancelled' } : withContent(t, t, targets[0].proposed));
      for (const it of items) {
        if (it.targetCode) {
          resultCodes.push(it.targetCode);
          continue;
        }
        const code = issue(nextSubCode(issued, main));
        powers.push({
          ...it.proposed!,
          category: t.category,
          code,
          parentId: main,
          parentCode: main,
          status: 'active',
          predecessorCodes: [t.code],
          links: [],
        });
        resultCodes.push(code);
      }
      break;
    }
  }
  return { powers, newCodes, resultCodes };
}
