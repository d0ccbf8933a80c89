// Between the editor's form and the API's item values: the content fields of a power, trimmed,
// with 责任事项 numbered in order; for a modification only the fields that differ are sent.
import { PROPOSABLE_FIELDS } from '../../../../contract/adjustments.ts';
import type { FieldChange, Power } from '../model.ts';

/** The content fields of a power an application may propose (§13.1): the contract's list. */
export const CONTENT_KEYS = PROPOSABLE_FIELDS;
export type Values = Partial<Pick<Power, (typeof CONTENT_KEYS)[number]>>;

const s = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

export function normalize(v: Values | undefined): Values {
  const x = v ?? {};
  return {
    name: s(x.name),
    category: x.category,
    responsibleSubject: s(x.responsibleSubject),
    implementingAgency: s(x.implementingAgency),
    // keys the form does not show (documentId, effectiveDate of a 临时性行政许可 …) are kept as they are
    legalBases: (x.legalBases ?? [])
      .filter(Boolean)
      .map((b) => ({ ...b, documentName: s(b.documentName), level: b.level, article: s(b.article), text: s(b.text) })),
    responsibilities: (x.responsibilities ?? [])
      .filter(Boolean)
      .map((r, i) => ({ ...r, order: i + 1, name: s(r.name), content: s(r.content) })),
    accountabilityCases: (x.accountabilityCases ?? []).map(s).filter(Boolean),
    accountabilityBasis: s(x.accountabilityBasis),
    remarks: s(x.remarks),
  };
}

/** The editable content of a published power, for the form. */
export function contentOf(p: Power): Values {
  const out: Record<string, unknown> = {};
  for (const k of CONTENT_KEYS) out[k] = structuredClone(p[k]);
  return out as Values;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Only the fields that differ from the published power (what a 修改要素 proposes). */
export function changedFields(base: Power, v: Values): Values {
  const n = normalize(v);
  const b = normalize(contentOf(base));
  const out: Record<string, unknown> = {};
  for (const k of CONTENT_KEYS) if (!same(n[k], b[k])) out[k] = n[k];
  return out as Values;
}

/** A field-level preview while typing (whole fields; the server's diff is finer once saved). */
export function previewChanges(base: Power, v: Values): FieldChange[] {
  const changed = changedFields(base, v);
  return (Object.keys(changed) as (keyof Values)[]).map((k) => ({
    field: k,
    path: k,
    before: base[k],
    after: changed[k],
  }));
}
