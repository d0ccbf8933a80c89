// What the regulation asks of an application's content, as pure checks: the cause must fit the
// kind and have happened (§10, §11, §12), a power that an 增加 or 修改 publishes must carry every
// 职权信息表 element (§6 ¶3) and a 设定依据 of a level §7 allows, and an 增加 (or a 修改 that renames
// a power) is screened against §8 like a first compilation.
import type { IsoDate } from '../../core/calendar/index.js';
import { AppError, type ErrorDetail } from '../../core/errors.js';
import {
  contentJson,
  isStatutoryLevel,
  screenPower,
  STATUTORY_LEGAL_LEVELS,
  type ExclusionFlag,
  type LegalLevel,
} from '../../core/register/index.js';
import {
  adjustmentKindDef,
  articleWords,
  triggerAllows,
  triggerKindDef,
  type AdjustmentKind,
  type Rulebook,
  type TriggerKind,
} from '../../core/rulebook/index.js';
import type { Item, ListPower } from './apply.js';

/** §10, §11: the cause justifies this kind; §12: the cause has happened (事由发生之日 not after today). */
export function checkTrigger(
  rb: Rulebook,
  v: { kind: AdjustmentKind; triggerKind: TriggerKind; triggerDate: IsoDate },
  today: IsoDate,
): void {
  const details: ErrorDetail[] = [];
  if (v.triggerDate > today) {
    details.push({
      field: 'triggerDate',
      message: `事由发生日期（${v.triggerDate}）不能晚于今天（${today}）：调整事由须已经发生（第十二条）`,
    });
  }
  if (!triggerAllows(rb, v.triggerKind, v.kind)) {
    const t = triggerKindDef(rb, v.triggerKind);
    const allowed = rb.adjustmentKinds
      .filter((k) => t.adjustmentKinds.includes(k.kind))
      .map((k) => k.label)
      .join('、');
    details.push({
      field: 'triggerKind',
      message: `调整事由“${t.label}”（${t.articles.map(articleWords).join('、')}）不能作为“${adjustmentKindDef(rb, v.kind).label}”的事由；该事由对应的调整类型为：${allowed}`,
    });
  }
  if (details.length) throw new AppError('VALIDATION_FAILED', details.map((d) => d.message).join('；'), details);
}

/** The kinds whose proposed powers enter the list as complete 职权信息表 records (§6 ¶3, §7). */
const COMPLETE_KINDS: readonly AdjustmentKind[] = ['add', 'modify'];

/**
 * §6 ¶3: 法定依据、责任事项、追责情形及追责依据 are elements of every power; §7: at least one
 * 设定依据 is 法律、法规、国务院决定、规章 or 地方性法规 (a 规范性文件 alone sets no power).
 */
export function powerProblems(kind: AdjustmentKind, items: readonly Pick<Item, 'proposed'>[]): ErrorDetail[] {
  if (!COMPLETE_KINDS.includes(kind)) return [];
  const out: ErrorDetail[] = [];
  items.forEach((it, i) => {
    const p = it.proposed;
    if (!p) return;
    const at = `第${i + 1}项“${p.name}”`;
    const field = (f: string) => `items.${i}.values.${f}`;
    if (!p.legalBases?.length) out.push({ field: field('legalBases'), message: `${at}：请填写法定依据（第六条）` });
    else if (!p.legalBases.some((b) => isStatutoryLevel(b.level as LegalLevel))) {
      out.push({
        field: field('legalBases'),
        message: `${at}：法定依据中须有${STATUTORY_LEGAL_LEVELS.join('、')}之一作为设定依据，不能仅以${[...new Set(p.legalBases.map((b) => b.level))].join('、')}设定行政职权（第七条）`,
      });
    }
    if (!p.responsibilities?.length)
      out.push({ field: field('responsibilities'), message: `${at}：请填写责任事项（第六条）` });
    if (!p.accountabilityCases?.length)
      out.push({ field: field('accountabilityCases'), message: `${at}：请填写追责情形（第六条）` });
    if (!p.accountabilityBasis?.trim())
      out.push({ field: field('accountabilityBasis'), message: `${at}：请填写追责依据（第六条）` });
  });
  return out;
}

/** The office's decision on a flagged item (§8: 可复核说明后保留). */
export interface ExclusionOverride {
  note: string;
  by: number;
  byName: string;
  at: string;
}

/** §8: an 增加, or a 修改 that renames a power, is screened on its name and remarks. */
export function screenItem(kind: AdjustmentKind, it: Pick<Item, 'base' | 'proposed'>): ExclusionFlag[] {
  const p = it.proposed;
  if (!p) return [];
  const screened = kind === 'add' || (kind === 'modify' && !!it.base && it.base.name !== p.name);
  return screened ? screenPower({ name: p.name, description: p.remarks || null }) : [];
}

/** An override stands only for the flags it was given on (as in a compilation draft). */
export const sameFlags = (a: unknown, b: unknown) => contentJson(a ?? []) === contentJson(b ?? []);

/** Items whose §8 flags the office has not yet decided on. */
export function unresolvedExclusions(
  items: readonly {
    proposed: ListPower | null;
    exclusionFlags: ExclusionFlag[];
    exclusionOverride: ExclusionOverride | null;
  }[],
): ErrorDetail[] {
  return items.flatMap((it, i) =>
    it.exclusionFlags.length > 0 && !it.exclusionOverride
      ? [{ field: `items.${i}`, message: `第${i + 1}项“${it.proposed?.name ?? ''}”：${it.exclusionFlags[0].reason}` }]
      : [],
  );
}
