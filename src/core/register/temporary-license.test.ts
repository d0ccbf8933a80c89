import { describe, expect, it } from 'vitest';
import type { LegalBasisCitation, Power } from './power.js';
import { addValidity, findLapsingPowers, temporaryLicenseExpiry } from './temporary-license.js';

// The rulebook's parameters (2023: 有效期一年, flag 60 days ahead) — passed in, as in production.
const RULES = { validity: { years: 1 }, warningDays: 60 };

function temp(effectiveDate: string, extra: Partial<LegalBasisCitation> = {}): LegalBasisCitation {
  return {
    documentName: '《包头市人民政府关于实施临时性行政许可的决定》',
    level: '临时性行政许可',
    article: '第二条',
    text: '在本市行政区域内设定临时性行政许可。',
    effectiveDate,
    ...extra,
  };
}
const LAW: LegalBasisCitation = {
  documentName: '《中华人民共和国行政许可法》',
  level: '法律',
  article: '第十五条',
  text: '本法第十二条所列事项，尚未制定法律、行政法规的，地方性法规可以设定行政许可。',
};

function power(code: string, legalBases: LegalBasisCitation[], status: Power['status'] = 'active'): Power {
  return {
    parentId: null,
    code,
    name: '临时占用城市绿地许可',
    category: 'XK',
    responsibleSubject: '包头市城市管理综合执法局',
    legalBases,
    implementingAgency: '包头市城市管理综合执法局',
    responsibilities: [],
    accountabilityCases: [],
    accountabilityBasis: '',
    remarks: '',
    status,
  };
}

describe('addValidity', () => {
  it.each([
    ['2026-03-01', { years: 1 }, '2027-03-01'],
    ['2024-02-29', { years: 1 }, '2025-02-28'],
    ['2026-01-31', { months: 1 }, '2026-02-28'],
    ['2026-12-20', { days: 15 }, '2027-01-04'],
    ['2026-03-01', { years: 1, days: 1 }, '2027-03-02'],
  ])('%s + %o = %s', (d, v, expected) => expect(addValidity(d, v)).toBe(expected));
  it('rejects bad input', () => {
    expect(() => addValidity('2026-02-30', { years: 1 })).toThrow('日期格式无效');
    expect(() => addValidity('2026-02-01', { years: -1 })).toThrow('非负整数');
  });
});

describe('temporaryLicenseExpiry (§7)', () => {
  it('is effective date + validity', () =>
    expect(temporaryLicenseExpiry(temp('2026-03-01'), RULES.validity)).toBe('2027-03-01'));
  it('uses a stated expiry', () =>
    expect(temporaryLicenseExpiry(temp('2026-03-01', { expiryDate: '2026-12-31' }), RULES.validity)).toBe(
      '2026-12-31',
    ));
  it('follows the rulebook validity', () =>
    expect(temporaryLicenseExpiry(temp('2026-03-01'), { months: 6 })).toBe('2026-09-01'));
  it('is null for other levels or without a date', () => {
    expect(temporaryLicenseExpiry(LAW, RULES.validity)).toBeNull();
    expect(temporaryLicenseExpiry(temp(''), RULES.validity)).toBeNull();
  });
});

describe('findLapsingPowers', () => {
  // Basis effective 2026-03-01 → lapses 2027-03-01; 60 days before is 2026-12-31.
  const p = power('150200-031-XK-00001-000', [LAW, temp('2026-03-01')]);
  it.each([
    ['2026-12-30', null, 61],
    ['2026-12-31', 'lapsing', 60],
    ['2027-02-28', 'lapsing', 1],
    ['2027-03-01', 'lapsed', 0],
    ['2027-06-01', 'lapsed', -92],
  ])('as of %s → %s', (asOf, state, days) => {
    const r = findLapsingPowers([p], asOf, RULES);
    if (state === null) expect(r).toEqual([]);
    else expect(r).toMatchObject([{ state, daysRemaining: days, expiryDate: '2027-03-01' }]);
  });

  it('can leave out lapsed ones, and the warning window is a parameter', () => {
    expect(findLapsingPowers([p], '2027-03-05', { ...RULES, includeLapsed: false })).toEqual([]);
    expect(findLapsingPowers([p], '2026-12-01', { ...RULES, warningDays: 90 })).toHaveLength(1);
  });

  it('ignores powers without a temporary basis and inactive powers; earliest basis wins; sorted', () => {
    const q = power('150200-031-XK-00002-000', [temp('2026-05-01'), temp('2026-04-01')]);
    const r = findLapsingPowers(
      [
        q,
        p,
        power('150200-031-XK-00003-000', [LAW]),
        power('150200-031-XK-00004-000', [temp('2026-03-01')], 'cancelled'),
      ],
      '2027-02-15',
      RULES,
    );
    expect(r.map((x) => [x.power.code, x.expiryDate])).toEqual([
      ['150200-031-XK-00001-000', '2027-03-01'],
      ['150200-031-XK-00002-000', '2027-04-01'],
    ]);
  });

  it('rejects a bad window', () =>
    expect(() => findLapsingPowers([p], '2027-01-01', { ...RULES, warningDays: -1 })).toThrow());
});
