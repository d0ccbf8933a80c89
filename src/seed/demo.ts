// Deterministic demo data (issue 3, item 10): regions, bodies, legal documents, powers and
// duties as plain objects, built from data/reference/. No database, no randomness:
// the same reference files always give the same output.
//
// Seed ids are stable string keys that a loader maps to storage ids:
//   region → its code; body → '{regionCode}-{seq}'; document → its law key;
//   power → its code (parentId = the 主项's code); duty → '{bodyId}-D{order}'.

import { formatPowerCode } from '../core/register/code-scheme.js';
import type { Duty, LegalDocument, Power } from '../core/register/power.js';
import type { Region } from '../core/register/body.js';
import { buildBodies, type SeedBody } from './bodies.js';
import { DEFAULT_REFERENCE_DIR, loadReferenceData } from './reference.js';
import { buildTemplates, type PowerTemplate } from './templates.js';

export type SeedPower = Power & { id: string; bodyId: string; parentId: string | null; parentCode: string | null };
export type SeedDuty = Duty & { id: string; bodyId: string; order: number };

export interface DemoData {
  regions: Region[];
  bodies: SeedBody[];
  documents: LegalDocument[];
  powers: SeedPower[];
  duties: SeedDuty[];
}

export interface DemoOptions {
  /** Directory holding the reference JSON files (default data/reference/ from the repo root). */
  baseDir?: string;
}

/** One power record from a template, for a body (责任主体 and 实施机构 = the body). */
export function instantiatePower(
  t: PowerTemplate,
  body: SeedBody,
  code: string,
  name: string,
  parentCode: string | null,
): SeedPower {
  return {
    id: code,
    bodyId: body.id,
    parentId: parentCode,
    parentCode,
    code,
    name,
    category: t.category,
    responsibleSubject: body.name,
    legalBases: t.legalBases.map((c) => ({ ...c })),
    implementingAgency: body.name,
    responsibilities: t.responsibilities.map((r) => ({ ...r })),
    accountabilityCases: [...t.accountabilityCases],
    accountabilityBasis: t.accountabilityBasis,
    remarks: t.remarks,
    status: 'active',
  };
}

/**
 * 主项 and 子项 records for a body's templates, numbered with the code scheme:
 * 主项 numbers run per region + body + category from 00001, 子项 from 001 under each 主项.
 */
export function powersForBody(body: SeedBody, templates: readonly PowerTemplate[]): SeedPower[] {
  const next = new Map<string, number>();
  const bodyCode = String(body.seq).padStart(3, '0');
  const out: SeedPower[] = [];
  for (const t of templates) {
    const main = (next.get(t.category) ?? 0) + 1;
    next.set(t.category, main);
    const parts = { regionCode: body.regionCode, bodyCode, category: t.category, main };
    const mainCode = formatPowerCode({ ...parts, sub: 0 });
    out.push(instantiatePower(t, body, mainCode, t.name, null));
    t.subItems.forEach((subName, i) => {
      out.push(instantiatePower(t, body, formatPowerCode({ ...parts, sub: i + 1 }), subName, mainCode));
    });
  }
  return out;
}

/**
 * 职责 (§6) for a body. The reference data has no 三定 texts, so a body's duties are derived
 * from its powers: one duty per law its 主项 rest on, naming the powers exercised under it.
 */
export function dutiesForBody(body: SeedBody, powers: readonly SeedPower[]): SeedDuty[] {
  const groups = new Map<string, string[]>();
  for (const p of powers) {
    if (p.parentId !== null || p.legalBases.length === 0) continue;
    const doc = p.legalBases[0].documentName;
    const list = groups.get(doc) ?? [];
    list.push(p.name);
    groups.set(doc, list);
  }
  let order = 0;
  return [...groups].map(([doc, names]) => {
    order++;
    const listed = names
      .slice(0, 2)
      .map((n) => `“${n}”`)
      .join('');
    const content =
      names.length === 1
        ? `负责本行政区域内依照${doc}由本部门承担的行政管理工作，依法实施${listed}。`
        : `负责本行政区域内依照${doc}由本部门承担的行政管理工作，依法实施${listed}等${names.length}项行政职权。`;
    return { id: `${body.id}-D${order}`, bodyId: body.id, order, name: `贯彻实施${doc}`, content };
  });
}

export function buildDemoData(opts: DemoOptions = {}): DemoData {
  const ref = loadReferenceData(opts.baseDir ?? DEFAULT_REFERENCE_DIR);
  const { regions, bodies, departmentOf } = buildBodies(ref);
  const { documents, byDepartment } = buildTemplates(ref);
  const powers: SeedPower[] = [];
  const duties: SeedDuty[] = [];
  for (const body of bodies) {
    const dept = departmentOf.get(body.id);
    const templates = dept ? byDepartment.get(dept) : undefined;
    if (!templates) continue;
    const own = powersForBody(body, templates);
    powers.push(...own);
    duties.push(...dutiesForBody(body, own));
  }
  return { regions, bodies, documents, powers, duties };
}
