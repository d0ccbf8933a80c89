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

// field names, change paths and version sources: the contract's words (the workspace uses them too)
export { FIELD_LABEL, pathLabel, SOURCE_LABEL } from '../../contract/power-words.js';

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
