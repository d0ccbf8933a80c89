// Benchmark data (issue 3, item 11): a province-scale data set, e.g. 1,000,000 powers over
// about 1,200 bodies, produced as a stream of rows so that the caller can COPY it in
// batches without holding it in memory.
//
// The rows reuse the demo data's regions, documents, bodies and power templates. Bodies
// beyond the demo set are further copies of demo bodies in the same region, told apart by a
// group number in the name (第2组…); powers cycle through their department's templates
// (主项 with their 子项), each with its own code. This is load data, not a plausible register.
// Nested arrays (legalBases, responsibilities, accountabilityCases) are shared between rows
// of the same template for speed: treat rows as read-only.

import { formatPowerCode, MAX_MAIN } from '../core/register/code-scheme.js';
import type { LegalDocument } from '../core/register/power.js';
import type { Region } from '../core/register/body.js';
import { buildBodies, type SeedBody } from './bodies.js';
import type { SeedPower } from './demo.js';
import { DEFAULT_REFERENCE_DIR, loadReferenceData } from './reference.js';
import { buildTemplates, type PowerTemplate } from './templates.js';

export type ScaleRow =
  | { type: 'region'; row: Region }
  | { type: 'document'; row: LegalDocument }
  | { type: 'body'; row: SeedBody }
  | { type: 'power'; row: SeedPower };

export interface ScaleOptions {
  baseDir?: string;
}

interface Slot {
  template: PowerTemplate;
  /** index into template.subItems, or -1 for the 主项 */
  sub: number;
}

/**
 * Rows in dependency order: every region, every legal document, `nBodies` bodies, then
 * `nPowers` powers spread round-robin over the power-exercising bodies.
 */
export function* buildScaleData(nPowers: number, nBodies: number, opts: ScaleOptions = {}): Generator<ScaleRow> {
  if (!Number.isInteger(nPowers) || nPowers < 0) throw new RangeError(`职权数量必须是非负整数：${nPowers}`);
  if (!Number.isInteger(nBodies) || nBodies < 1) throw new RangeError(`部门数量必须是正整数：${nBodies}`);
  const ref = loadReferenceData(opts.baseDir ?? DEFAULT_REFERENCE_DIR);
  const { regions, bodies: demoBodies, departmentOf } = buildBodies(ref);
  const { documents, byDepartment } = buildTemplates(ref);

  for (const r of regions) yield { type: 'region', row: r };
  for (const d of documents) yield { type: 'document', row: d };

  // Every template, flattened into 主项 + 子项 slots, for bodies with no department of their own.
  const slotsOf = (ts: readonly PowerTemplate[]): Slot[] =>
    ts.flatMap((t) => [{ template: t, sub: -1 }, ...t.subItems.map((_, i) => ({ template: t, sub: i }))]);
  const allSlots = slotsOf([...byDepartment.values()].flat());
  const deptSlots = new Map([...byDepartment].map(([k, ts]) => [k, slotsOf(ts)]));

  // Bodies: the demo bodies first, then further groups of copies, region by region.
  const maxSeq = new Map<string, number>();
  for (const b of demoBodies) maxSeq.set(b.regionCode, Math.max(maxSeq.get(b.regionCode) ?? 0, b.seq));
  const exercising: Array<{ body: SeedBody; slots: Slot[] }> = [];
  const pool = demoBodies.filter((b) => b.office !== 'government' && b.office !== 'coordination');
  for (let i = 0; i < nBodies; i++) {
    const extra = i - demoBodies.length;
    const base = extra < 0 ? demoBodies[i] : pool[extra % pool.length];
    const group = extra < 0 ? 0 : 1 + Math.floor(extra / pool.length);
    let body = base;
    if (group > 0) {
      const seq = (maxSeq.get(base.regionCode) ?? 0) + 1;
      if (seq > 999) throw new RangeError(`区划 ${base.regionCode} 的部门代码已用尽（最多999个部门）`);
      maxSeq.set(base.regionCode, seq);
      body = {
        ...base,
        seq,
        id: `${base.regionCode}-${String(seq).padStart(3, '0')}`,
        name: `${base.name}（第${group + 1}组）`,
        office: null,
      };
    }
    yield { type: 'body', row: body };
    if (body.office === 'government' || body.office === 'coordination') continue;
    const dept = departmentOf.get(base.id);
    exercising.push({ body, slots: (dept && deptSlots.get(dept)) || allSlots });
  }
  if (nPowers > 0 && exercising.length === 0) throw new RangeError('没有可承载职权的部门');

  // Per body: position in its slot cycle, 主项 counter per category, current 主项 code.
  const position = new Array<number>(exercising.length).fill(0);
  const counters = exercising.map(() => new Map<string, number>());
  const currentMain = new Array<string>(exercising.length).fill('');
  const bodyCodes = exercising.map((e) => String(e.body.seq).padStart(3, '0'));

  for (let i = 0; i < nPowers; i++) {
    const b = i % exercising.length;
    const { body, slots } = exercising[b];
    const slot = slots[position[b]++ % slots.length];
    const t = slot.template;
    let code: string;
    let name: string;
    let parentId: string | null;
    if (slot.sub < 0) {
      const main = (counters[b].get(t.category) ?? 0) + 1;
      if (main > MAX_MAIN) throw new RangeError(`部门 ${body.id} 的 ${t.category} 主项序号已用尽`);
      counters[b].set(t.category, main);
      code = formatPowerCode({
        regionCode: body.regionCode,
        bodyCode: bodyCodes[b],
        category: t.category,
        main,
        sub: 0,
      });
      currentMain[b] = code;
      name = t.name;
      parentId = null;
    } else {
      code = currentMain[b].slice(0, -3) + String(slot.sub + 1).padStart(3, '0');
      name = t.subItems[slot.sub];
      parentId = currentMain[b];
    }
    yield {
      type: 'power',
      row: {
        id: code,
        bodyId: body.id,
        parentId,
        parentCode: parentId,
        code,
        name,
        category: t.category,
        responsibleSubject: body.name,
        legalBases: t.legalBases,
        implementingAgency: body.name,
        responsibilities: t.responsibilities,
        accountabilityCases: t.accountabilityCases,
        accountabilityBasis: t.accountabilityBasis,
        remarks: t.remarks,
        status: 'active',
      },
    };
  }
}
