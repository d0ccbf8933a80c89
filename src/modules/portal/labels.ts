// The Chinese words the portal shows for codes: categories (rulebook data, §6), statuses,
// levels, the 职权信息表 field names (for the version difference) and dates.
import { POWER_STATUS_LABELS, isPowerStatus } from '../../core/register/power.js';
import { getRulebook, isRulebookId, listRulebooks } from '../../core/rulebook/index.js';

export const LEVEL_LABEL: Record<number, string> = { 1: '市本级', 2: '旗县区', 3: '苏木乡镇（街道）' };

/** Categories in the rulebook's order (the one the version was published under). */
export function categoriesOf(rulebookId: string | null | undefined) {
  const rb = rulebookId && isRulebookId(rulebookId) ? getRulebook(rulebookId) : getRulebook('baotou-2025');
  return rb.categories;
}

/** A category's label under a rulebook, falling back to any rulebook, then the code itself. */
export function categoryLabel(code: string, rulebookId?: string | null): string {
  const own = categoriesOf(rulebookId).find((c) => c.code === code);
  if (own) return own.label;
  for (const rb of listRulebooks()) {
    const c = rb.categories.find((x) => x.code === code);
    if (c) return c.label;
  }
  return code;
}

/** Every category code any rulebook knows, with the newest rulebook's label (search filter). */
export function allCategories(): { code: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const rb of [...listRulebooks()].reverse())
    for (const c of rb.categories) if (!seen.has(c.code)) seen.set(c.code, c.label);
  const order: readonly string[] = categoriesOf('baotou-2025').map((c) => c.code);
  return [...seen]
    .map(([code, label]) => ({ code, label }))
    .sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code));
}

export const statusLabel = (s: string) => (isPowerStatus(s) ? POWER_STATUS_LABELS[s] : s);

export const SOURCE_LABEL: Record<string, string> = { compilation: '编制公布', adjustment: '动态调整' };

/** 职权信息表 field names, for the field-level difference between versions (§6). */
export const FIELD_LABEL: Record<string, string> = {
  name: '行政职权名称',
  code: '权力编码',
  category: '权力类别',
  responsibleSubject: '责任主体',
  implementingAgency: '实施机构',
  legalBases: '法定依据',
  responsibilities: '责任事项',
  accountabilityCases: '追责情形',
  accountabilityBasis: '追责依据',
  remarks: '备注',
  status: '状态',
  predecessorCodes: '合并前编码',
  links: '下放（委托）关联',
};

const SUB_LABEL: Record<string, string> = {
  documentName: '文件名称',
  level: '效力层级',
  article: '条款',
  text: '条文内容',
  effectiveDate: '施行日期',
  expiryDate: '有效期至',
  inferred: '待核',
  name: '名称',
  content: '内容',
  order: '顺序',
};

/** legalBases[1].article → 法定依据 · 第2项 · 条款 */
export function pathLabel(path: string): string {
  const parts = path.match(/[^.[\]]+|\[\d+\]/g) ?? [path];
  return parts
    .map((p, i) => {
      const idx = /^\[(\d+)\]$/.exec(p);
      if (idx) return `第${Number(idx[1]) + 1}项`;
      return i === 0 ? (FIELD_LABEL[p] ?? p) : (SUB_LABEL[p] ?? p);
    })
    .join(' · ');
}

/** '2026-03-31' → 2026年3月31日 */
export function cnDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** An instant's Beijing date, e.g. 2026年3月31日 */
export const cnDateOf = (at: Date | string) => cnDate(new Date(new Date(at).getTime() + 8 * 3600_000).toISOString());

/** An instant as a Beijing date and time, e.g. 2026年3月31日 09:30 */
export function cnDateTime(at: Date | string): string {
  const d = new Date(at);
  const bj = new Date(d.getTime() + 8 * 3600_000).toISOString();
  return `${cnDate(bj.slice(0, 10))} ${bj.slice(11, 16)}`;
}

export const versionLabel = (v: number) => `第 ${v} 版`;
