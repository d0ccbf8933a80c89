// The exchange item's shape checked by hand, for the million-item path: true when the item is
// certainly valid under the contract's exchangeItemSchema (same bounds), so the schema — which
// costs as much as reading the JSON — runs only for items that fail here, to say why.
import type { ExchangeItem } from '../../contract/regional-platform.js';

const str = (v: unknown, min: number, max: number): v is string =>
  typeof v === 'string' && v.length >= min && v.length <= max;
const optStr = (v: unknown, max: number) => v === undefined || v === null || str(v, 0, max);
const period = (v: unknown) => {
  if (v === undefined || v === null) return true;
  if (typeof v !== 'object') return false;
  const p = v as { amount?: unknown; unit?: unknown };
  return (
    Number.isInteger(p.amount) &&
    (p.amount as number) > 0 &&
    (p.amount as number) <= 3650 &&
    (p.unit === 'workday' || p.unit === 'day')
  );
};
const REGION = /^\d{6}(\d{3})?$/;

export function fastItem(v: unknown): v is ExchangeItem {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const i = v as Record<string, unknown>;
  const agency = i.agency as Record<string, unknown> | null | undefined;
  const bases = i.legalBases;
  if (
    !str(i.implementationCode, 1, 60) ||
    !optStr(i.basicCode, 60) ||
    !str(i.name, 1, 200) ||
    !optStr(i.parentCode, 60) ||
    !str(i.itemType, 1, 20) ||
    !str(i.exerciseLevel, 1, 30) ||
    typeof i.regionCode !== 'string' ||
    !REGION.test(i.regionCode) ||
    !agency ||
    typeof agency !== 'object' ||
    !str(agency.name, 1, 200) ||
    !optStr(agency.creditCode, 18) ||
    !period(i.legalTimeLimit) ||
    !period(i.promisedTimeLimit) ||
    !str(i.status, 1, 10)
  )
    return false;
  if (bases === undefined) {
    i.legalBases = [];
    return true;
  }
  if (!Array.isArray(bases) || bases.length > 200) return false;
  for (const b of bases as Record<string, unknown>[]) {
    if (!b || typeof b !== 'object' || !str(b.document, 1, 300)) return false;
    if (b.level !== undefined && !str(b.level, 0, 30)) return false;
    if (b.article === undefined) b.article = '';
    else if (!str(b.article, 0, 100)) return false;
    if (b.text === undefined) b.text = '';
    else if (!str(b.text, 0, 20_000)) return false;
  }
  return true;
}
