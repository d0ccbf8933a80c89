// §6 ¶2: 职责 (duties from the body's 三定 regulation) are part of the 职权目录, so they change the
// way powers do — through an application, published with its new list version (§13: 未经批准
// 不得擅自调整). An application carries duty items beside its power items: add one, change one,
// remove one, each stored with the duty as published (its base) so that publication can tell
// whether another application changed it meanwhile. Pure: the current duties come in.
import type { z } from 'zod';
import { AppError, type ErrorDetail } from '../../core/errors.js';
import type { Duty } from '../../core/register/index.js';

export interface DutyText {
  name: string;
  content: string;
}

export interface DutyItem {
  op: 'add' | 'change' | 'remove';
  /** The duty as published; null for an addition. */
  base: DutyText | null;
  /** The duty as proposed; null for a removal. */
  proposed: DutyText | null;
}

export const DUTY_OP_LABELS: Record<DutyItem['op'], string> = {
  add: '增加职责',
  change: '修改职责',
  remove: '删除职责',
};

import { dutyItemInput } from '../../contract/adjustments.js';
export { dutyItemInput };
export type DutyItemInput = z.infer<typeof dutyItemInput>;

const text = (d: Pick<Duty, 'name' | 'content'>): DutyText => ({ name: d.name, content: d.content ?? '' });

/** Checked duty items, or VALIDATION_FAILED naming each problem (nothing is stored then). */
export function buildDutyItems(inputs: readonly DutyItemInput[], current: readonly Duty[]): DutyItem[] {
  const details: ErrorDetail[] = [];
  const targets = new Set<string>();
  const names = new Set(current.map((d) => d.name));
  const out: DutyItem[] = [];
  inputs.forEach((x, i) => {
    const field = `duties.${i}`;
    const at = `第${i + 1}项职责调整`;
    let base: DutyText | null = null;
    if (x.op !== 'add') {
      const target = current.find((d) => d.name === x.targetName);
      if (!x.targetName)
        return void details.push({
          field: `${field}.targetName`,
          message: `${at}：请选择拟${x.op === 'remove' ? '删除' : '修改'}的现行职责`,
        });
      if (!target)
        return void details.push({
          field: `${field}.targetName`,
          message: `${at}：现行清单中没有名为“${x.targetName}”的职责`,
        });
      if (targets.has(target.name))
        return void details.push({ field: `${field}.targetName`, message: `${at}：职责“${target.name}”重复列出` });
      targets.add(target.name);
      base = text(target);
    }
    if (x.op === 'remove') return void out.push({ op: 'remove', base, proposed: null });
    const name = x.name ?? '';
    if (name.length < 2)
      return void details.push({ field: `${field}.name`, message: `${at}：请填写职责名称（至少2个字）` });
    const renamedTo = x.op === 'add' || name !== base?.name;
    if (renamedTo && names.has(name))
      return void details.push({ field: `${field}.name`, message: `${at}：现行清单中已有名为“${name}”的职责` });
    names.add(name);
    const proposed = { name, content: x.content ?? '' };
    if (base && base.name === proposed.name && base.content === proposed.content)
      return void details.push({ field: `${field}.name`, message: `${at}：修改后的职责与现行清单相同` });
    out.push({ op: x.op, base, proposed });
  });
  if (details.length) throw new AppError('VALIDATION_FAILED', details[0].message, details);
  return out;
}

/** Duty items whose base no longer matches the published duty (changed by another application). */
export function staleDutyItems(items: readonly DutyItem[], current: readonly Duty[]): string[] {
  return items
    .filter((it) => it.base && !current.some((d) => d.name === it.base!.name && (d.content ?? '') === it.base!.content))
    .map((it) => it.base!.name);
}

/** The body's duties after the application, in order: changed in place, removed, added at the end. */
export function applyDutyItems(items: readonly DutyItem[], current: readonly Duty[]): Duty[] {
  const stale = staleDutyItems(items, current);
  if (stale.length)
    throw new AppError(
      'INVALID_STATE',
      `职责（${stale.join('、')}）已由其他调整公布了新内容，请申请单位重新填写职责调整后再办理`,
    );
  const out: Duty[] = [];
  for (const d of current) {
    const it = items.find((x) => x.base?.name === d.name);
    if (!it) out.push(text(d));
    else if (it.op === 'change') out.push({ ...it.proposed! });
  }
  for (const it of items) if (it.op === 'add') out.push({ ...it.proposed! });
  return out.map((d, i) => ({ ...d, order: i + 1 }));
}
