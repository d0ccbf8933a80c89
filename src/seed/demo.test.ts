import { describe, expect, it } from 'vitest';
import { parsePowerCode } from '../core/register/code-scheme.js';
import { screenPower } from '../core/register/exclusion.js';
import { isLegalLevel } from '../core/register/power.js';
import { buildDemoData } from './demo.js';
import { subItemsOf } from './templates.js';

const data = buildDemoData();
const CATEGORIES_2023 = ['XK', 'CF', 'QZ', 'ZS', 'GF', 'JC', 'QR', 'JL', 'CJ', 'QT'];
// Placeholder or test-fixture wording that must never appear in demo data.
const PLACEHOLDER = /测试|事项\s*\d|示例|样例|占位|待定|待补充|XXX|xxx|lorem|TODO|foo|bar|test/i;

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
  return out;
}

describe('regions', () => {
  it('has the city, 10 旗县区 and every 苏木乡镇·街道 of the file', () => {
    const byLevel = (l: number) => data.regions.filter((r) => r.level === l);
    expect(byLevel(1).map((r) => r.code)).toEqual(['150200']);
    expect(byLevel(2)).toHaveLength(10);
    expect(byLevel(3)).toHaveLength(91);
    for (const county of byLevel(2)) expect(data.regions.some((r) => r.parentCode === county.code)).toBe(true);
    expect(new Set(data.regions.map((r) => r.code)).size).toBe(data.regions.length);
  });
});

describe('bodies', () => {
  const city = data.bodies.filter((b) => b.regionCode === '150200');
  it('has the 44 city bodies with their kinds, plus government and coordination office', () => {
    expect(city).toHaveLength(46);
    expect(
      city.filter((b) => ['政府工作部门', '部门管理机构', '党委部门', '法律法规授权组织'].includes(b.kind)),
    ).toHaveLength(44);
  });
  it.each([
    '150200',
    '150202',
    '150203',
    '150204',
    '150205',
    '150206',
    '150207',
    '150221',
    '150222',
    '150223',
    '150271',
  ])('region %s has ≥10 bodies, one government, one coordination office (§4), one legal office (§5)', (code) => {
    const bodies = data.bodies.filter((b) => b.regionCode === code);
    expect(bodies.length).toBeGreaterThanOrEqual(10);
    for (const office of ['government', 'coordination', 'legal']) {
      expect(bodies.filter((b) => b.office === office)).toHaveLength(1);
    }
    expect(bodies.find((b) => b.office === 'legal')!.name).toMatch(/司法局$/);
    expect(bodies.find((b) => b.office === 'coordination')!.name).toContain(
      '推进政府职能转变和“放管服”改革协调小组办公室',
    );
    expect(new Set(bodies.map((b) => b.name)).size).toBe(bodies.length);
    expect(new Set(bodies.map((b) => b.seq)).size).toBe(bodies.length);
  });
  it('names district bodies after the city ones and keeps the bodies found in the file', () => {
    const names = new Set(data.bodies.map((b) => b.name));
    for (const n of [
      '昆都仑区市场监督管理局',
      '土默特右旗教育局',
      '土默特右旗林业和草原局',
      '包头市公安局昆都仑区分局',
      '昆都仑区行政审批政务服务与数据管理局',
      '包头昆都仑经济技术开发区管理委员会',
    ]) {
      expect(names).toContain(n);
    }
    expect(data.bodies.find((b) => b.name === '昆都仑区卫生健康委员会')!.inferred).toBe(false);
    expect(data.bodies.find((b) => b.name === '土默特右旗教育局')!.inferred).toBe(true);
  });
});

describe('powers', () => {
  it('has at least 2,000 powers over at least 25 city bodies', () => {
    expect(data.powers.length).toBeGreaterThanOrEqual(2000);
    const cityBodies = new Set(data.powers.filter((p) => p.code.startsWith('150200-')).map((p) => p.bodyId));
    expect(cityBodies.size).toBeGreaterThanOrEqual(25);
  });
  it('covers every 2023 category', () => {
    expect(new Set(data.powers.map((p) => p.category))).toEqual(new Set(CATEGORIES_2023));
  });
  it('has unique, valid codes that match body and category; 子项 under their 主项', () => {
    expect(new Set(data.powers.map((p) => p.code)).size).toBe(data.powers.length);
    const byCode = new Map(data.powers.map((p) => [p.code, p]));
    const bodies = new Map(data.bodies.map((b) => [b.id, b]));
    for (const p of data.powers) {
      const r = parsePowerCode(p.code, { allowedCategories: CATEGORIES_2023 });
      expect(r.ok, p.code).toBe(true);
      if (!r.ok) continue;
      const body = bodies.get(p.bodyId)!;
      expect(`${r.value.regionCode}-${r.value.bodyCode}`).toBe(body.id);
      expect(r.value.category).toBe(p.category);
      if (r.value.sub === 0) expect(p.parentId).toBeNull();
      else expect(byCode.get(p.parentId!)?.code).toBe(p.code.slice(0, -3) + '000');
    }
  });
  it('gives each power legal bases linked to one document record, and category responsibilities', () => {
    const docs = new Map(data.documents.map((d) => [d.key, d]));
    for (const p of data.powers) {
      expect(p.legalBases.length).toBeGreaterThan(0);
      for (const c of p.legalBases) {
        expect(docs.get(String(c.documentId))?.name).toBe(c.documentName);
        expect(c.article).toMatch(/第.+[条项]/);
        if (!c.inferred) expect(c.text.length).toBeGreaterThan(5);
      }
      expect(p.responsibilities.length).toBeGreaterThanOrEqual(4);
      expect(p.accountabilityCases.length).toBeGreaterThanOrEqual(4);
      expect(p.accountabilityBasis).toMatch(/《.+》第.+条/);
      expect(p.responsibleSubject).toBe(p.implementingAgency);
      expect(p.status).toBe('active');
    }
    const penalty = data.powers.find((p) => p.category === 'CF')!;
    expect(penalty.responsibilities.map((r) => r.name).slice(0, 7)).toEqual([
      '立案责任',
      '调查取证责任',
      '审理责任',
      '告知责任',
      '决定责任',
      '送达责任',
      '执行责任',
    ]);
    const licence = data.powers.find((p) => p.category === 'XK')!;
    expect(licence.responsibilities.map((r) => r.name).slice(0, 5)).toEqual([
      '受理责任',
      '审查责任',
      '决定责任',
      '送达责任',
      '事后监管责任',
    ]);
  });
  it('copies city powers to districts with the district body as implementing agency', () => {
    const kdl = data.powers.filter((p) => p.implementingAgency === '昆都仑区市场监督管理局');
    const city = data.powers.filter((p) => p.implementingAgency === '包头市市场监督管理局');
    expect(kdl.map((p) => p.name)).toEqual(city.map((p) => p.name));
    expect(kdl[0].code).toMatch(/^150203-/);
  });
  it('is cited many times per document', () => {
    const cites = new Map<string, number>();
    for (const p of data.powers)
      for (const c of p.legalBases) cites.set(String(c.documentId), (cites.get(String(c.documentId)) ?? 0) + 1);
    expect(Math.max(...cites.values())).toBeGreaterThan(10);
    expect(data.documents.every((d) => isLegalLevel(d.level))).toBe(true);
    expect(data.documents).toHaveLength(136);
  });
  it('has no power that exclusion screening (§8) would flag', () => {
    expect(data.powers.filter((p) => screenPower({ name: p.name }).length > 0).map((p) => p.name)).toEqual([]);
  });
});

describe('duties and text quality', () => {
  it('gives every body with powers at least one duty', () => {
    const withPowers = new Set(data.powers.map((p) => p.bodyId));
    const withDuties = new Set(data.duties.map((d) => d.bodyId));
    expect(withDuties).toEqual(withPowers);
  });
  it('contains no placeholder text anywhere', () => {
    const all = strings(data);
    expect(all.filter((s) => PLACEHOLDER.test(s) && !/^https?:/.test(s))).toEqual([]);
    expect(all.filter((s) => s.trim() === '' && s !== '')).toEqual([]);
  });
  it('reads the reference files from the base directory given', () => {
    expect(() => buildDemoData({ baseDir: '/nonexistent/reference' })).toThrow(/ENOENT/);
  });
  it('is deterministic', () => {
    expect(JSON.stringify(buildDemoData())).toBe(JSON.stringify(data));
  });
});

describe('subItemsOf', () => {
  it.each([
    ['社会团体成立、变更、注销登记', 'XK', ['社会团体成立登记', '社会团体变更登记', '社会团体注销登记']],
    [
      '政府投资项目审批（项目建议书、可行性研究报告、初步设计）',
      'QT',
      ['政府投资项目审批（项目建议书）', '政府投资项目审批（可行性研究报告）', '政府投资项目审批（初步设计）'],
    ],
    ['拖拉机/联合收割机注册登记', 'XK', ['拖拉机注册登记', '联合收割机注册登记']],
    [
      '食品经营许可',
      'XK',
      ['食品经营许可（新办）', '食品经营许可（变更）', '食品经营许可（延续）', '食品经营许可（注销）'],
    ],
    ['护士执业注册', 'XK', ['护士执业注册（首次注册）', '护士执业注册（变更注册）', '护士执业注册（注销注册）']],
    ['建设工程（含临时建设）规划许可证核发', 'XK', []],
    ['对非法占用土地的处罚', 'CF', []],
    ['占用、挖掘普通公路、普通公路用地或者使公路改线审批', 'XK', []],
  ])('%s', (name, category, expected) => expect(subItemsOf(name, category)).toEqual(expected));
});
