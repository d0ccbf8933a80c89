// The affected powers of an application (§13.1 拟调整行政权力事项), checked per kind against the
// body's current published list, and stored with the target as published (the base of the
// field-level diff). Pure: the list and the rulebook come in as arguments.
import type { z } from 'zod';
import { AppError, type ErrorDetail } from '../../core/errors.js';
import { categoryByCode, type AdjustmentKind, type Rulebook } from '../../core/rulebook/index.js';
import { PROPOSABLE_FIELDS, targetRefusal, type Item, type ListPower } from './apply.js';

// The request schemas are the contract's (the workspace sends them).
import { itemInput, legalBasisInput, powerValuesInput } from '../../contract/adjustments.js';
export { itemInput, legalBasisInput, powerValuesInput };
export type PowerValues = z.infer<typeof powerValuesInput>;
export type ItemInput = z.infer<typeof itemInput>;

const REQUIRED_NEW: (keyof PowerValues)[] = ['name', 'category', 'responsibleSubject', 'implementingAgency'];
const FIELD_WORDS: Record<string, string> = {
  name: '行政职权名称',
  category: '权力类别',
  responsibleSubject: '责任主体',
  implementingAgency: '实施机构',
};

/** Per kind: how many targets and new powers, and whether targets carry values. */
const SHAPES: Record<
  AdjustmentKind,
  { targets: [number, number]; fresh: [number, number]; targetValues: 'none' | 'optional' | 'required' }
> = {
  add: { targets: [0, 0], fresh: [1, 500], targetValues: 'none' },
  cancel: { targets: [1, 500], fresh: [0, 0], targetValues: 'none' },
  entrust: { targets: [1, 500], fresh: [0, 0], targetValues: 'none' },
  takeBack: { targets: [1, 500], fresh: [0, 0], targetValues: 'none' },
  delegate: { targets: [1, 500], fresh: [0, 0], targetValues: 'optional' },
  modify: { targets: [1, 500], fresh: [0, 0], targetValues: 'required' },
  merge: { targets: [2, 50], fresh: [1, 1], targetValues: 'none' },
  split: { targets: [1, 1], fresh: [2, 100], targetValues: 'optional' },
};

const KIND_WORDS: Record<AdjustmentKind, string> = {
  add: '增加：请列出拟增加的行政职权（不填编码）',
  cancel: '取消：请列出拟取消的现有行政职权',
  entrust: '委托：请列出拟委托的现有行政职权',
  takeBack: '收回委托：请列出拟收回的已委托行政职权',
  delegate: '下放：请列出拟下放的现有行政职权',
  modify: '修改要素：请列出拟修改的现有行政职权及修改后的内容',
  merge: '合并：请列出至少两项现有行政职权和一项合并后的行政职权',
  split: '分设：请列出一项现有行政职权和至少两项分设后的子项',
};

function fail(details: ErrorDetail[]): never {
  throw new AppError('VALIDATION_FAILED', details[0].message, details);
}

function blankPower(v: PowerValues): ListPower {
  return {
    parentId: null,
    code: '',
    name: v.name!,
    category: v.category!,
    responsibleSubject: v.responsibleSubject!,
    implementingAgency: v.implementingAgency!,
    legalBases: v.legalBases ?? [],
    responsibilities: v.responsibilities ?? [],
    accountabilityCases: v.accountabilityCases ?? [],
    accountabilityBasis: v.accountabilityBasis ?? '',
    remarks: v.remarks ?? '',
    status: 'active',
  } as ListPower;
}

/** Checked items, or VALIDATION_FAILED naming each problem (nothing is stored then). */
export function buildItems(
  kind: AdjustmentKind,
  inputs: readonly ItemInput[],
  current: readonly ListPower[],
  rb: Rulebook,
): Item[] {
  const shape = SHAPES[kind];
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  const items: Item[] = [];
  const nTargets = inputs.filter((i) => i.targetCode).length;
  const nFresh = inputs.length - nTargets;
  if (
    nTargets < shape.targets[0] ||
    nTargets > shape.targets[1] ||
    nFresh < shape.fresh[0] ||
    nFresh > shape.fresh[1]
  ) {
    fail([{ field: 'items', message: `拟调整的行政职权不符合要求。${KIND_WORDS[kind]}` }]);
  }
  inputs.forEach((input, i) => {
    const field = `items.${i}`;
    const v = input.values ?? {};
    if (v.category !== undefined && !categoryByCode(rb, v.category)) {
      details.push({
        field: `${field}.values.category`,
        message: `权力类别“${v.category}”不在现行规则的类别中（${rb.categories.map((c) => `${c.code} ${c.label}`).join('、')}）`,
      });
    }
    if (!input.targetCode) {
      for (const f of REQUIRED_NEW)
        if (v[f] === undefined)
          details.push({ field: `${field}.values.${f}`, message: `第${i + 1}项：请填写${FIELD_WORDS[f]}` });
      if (v.name && current.some((p) => p.status === 'active' && p.name === v.name)) {
        details.push({
          field: `${field}.values.name`,
          message: `第${i + 1}项：现行清单中已有名为“${v.name}”的行政职权`,
        });
      }
      items.push({
        targetCode: null,
        base: null,
        proposed: REQUIRED_NEW.every((f) => v[f] !== undefined) ? blankPower(v) : null,
      });
      return;
    }
    const code = input.targetCode;
    const base = current.find((p) => p.code === code);
    if (seen.has(code)) details.push({ field: `${field}.targetCode`, message: `权力编码“${code}”重复列出` });
    seen.add(code);
    if (!base)
      return void details.push({ field: `${field}.targetCode`, message: `现行清单中没有编码为“${code}”的行政职权` });
    // §13.3: an entrusted power can still be modified, cancelled or taken back (apply.ts TARGET_STATUSES).
    const refusal = targetRefusal(kind, base);
    if (refusal) return void details.push({ field: `${field}.targetCode`, message: refusal });
    const hasValues = Object.keys(v).length > 0;
    if (shape.targetValues === 'none' && hasValues)
      details.push({
        field: `${field}.values`,
        message: `第${i + 1}项：该类调整不修改现有职权的内容，请不要填写修改内容`,
      });
    if (shape.targetValues === 'required' && !hasValues)
      details.push({ field: `${field}.values`, message: `第${i + 1}项：请填写修改后的内容` });
    const { id: _id, ...published } = base as ListPower & { id?: unknown };
    const proposed = hasValues ? ({ ...published, ...v } as ListPower) : null;
    if (
      kind === 'modify' &&
      proposed &&
      PROPOSABLE_FIELDS.every((f) => JSON.stringify(proposed[f]) === JSON.stringify(published[f]))
    ) {
      details.push({ field: `${field}.values`, message: `第${i + 1}项：修改后的内容与现行清单相同` });
    }
    items.push({ targetCode: code, base: published as ListPower, proposed });
  });
  if (details.length) fail(details);
  return items;
}

/** What an application must hold before the clerk hands it to the lead unit (§13.1). */
export function readinessProblems(
  a: {
    kind: AdjustmentKind;
    reason: string;
    legalBasis: string;
    takeover: string;
    receivingBodyId: number | null;
    dutyItems?: readonly unknown[];
  },
  items: readonly Item[],
  citation: string,
): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  if (!a.reason.trim()) out.push({ field: 'reason', message: `请填写调整理由（${citation}）` });
  if (!a.legalBasis.trim()) out.push({ field: 'legalBasis', message: `请填写调整依据（${citation}）` });
  // §6 ¶2: a 修改 may change only the duties (职权目录) and no power.
  const dutiesOnly = a.kind === 'modify' && (a.dutyItems?.length ?? 0) > 0;
  if (items.length === 0 && !dutiesOnly) out.push({ field: 'items', message: '请列出拟调整的行政职权' });
  if (items.some((i) => !i.targetCode && !i.proposed))
    out.push({ field: 'items', message: '新增的行政职权内容不完整' });
  // §13.3: an entrustment names a body here or an organisation in its entrustment record (the
  // delegation module's submission gate checks that one of the two is named).
  if (a.kind === 'delegate' && !a.receivingBodyId) out.push({ field: 'receivingBodyId', message: '请选择承接部门' });
  // §13.1 下级承接情况; §13.2: delegation needs the receiving level's capacity assessed first.
  if (a.kind === 'delegate' && !a.takeover.trim())
    out.push({ field: 'takeover', message: `请填写下级承接情况（${citation}）` });
  return out;
}
