// Demo regions and bodies from baotou-bodies.json (spec §1; regulation 第二条, 第四条, 第五条).
// Seed ids are stable string keys: a body's id is bodyKey() = '{regionCode}-{seq}'.

import { bodyKey, type Body, type Region, type RegionLevel } from '../core/register/body.js';
import type { RefBody, RefRegion, ReferenceData } from './reference.js';

export type SeedBody = Body & { id: string };

export interface SeedBodies {
  regions: Region[];
  bodies: SeedBody[];
  /** body id → typical-powers.json department key, for bodies that carry that department's powers. */
  departmentOf: Map<string, string>;
}

export const CITY_CODE = '150200';
const CITY_PREFIX = '包头市';
// 150271 is a statistical code for a 国家级高新区; its bodies are called 包头稀土高新区…
// (the regulation's own short form, 第四条 "稀土高新区").
const NAME_PREFIX: Record<string, string> = { '150271': '包头稀土高新区' };

/**
 * The standard 旗县区 departments, named after the city ones (包头市市场监督管理局 →
 * 昆都仑区市场监督管理局). `dept` = typical-powers.json department whose powers a district
 * body of that kind exercises at its level.
 */
const DISTRICT_DEPARTMENTS: Array<{ suffix: string; dept?: string; form?: 'police' | 'ecology' }> = [
  { suffix: '人民政府办公室' },
  { suffix: '发展和改革委员会', dept: 'fgw' },
  { suffix: '教育局', dept: 'jyj' },
  { suffix: '科学技术局' },
  { suffix: '工业和信息化局', dept: 'gxj' },
  { suffix: '公安局', dept: 'gaj', form: 'police' },
  { suffix: '民政局', dept: 'mzj' },
  { suffix: '司法局', dept: 'sfj' },
  { suffix: '财政局', dept: 'czj' },
  { suffix: '人力资源和社会保障局', dept: 'rsj' },
  { suffix: '自然资源局', dept: 'zrzyj' },
  { suffix: '生态环境局', dept: 'sthjj', form: 'ecology' },
  { suffix: '住房和城乡建设局', dept: 'zjj' },
  { suffix: '交通运输局', dept: 'jtysj' },
  { suffix: '水务局', dept: 'swj' },
  { suffix: '农牧局', dept: 'nmj' },
  { suffix: '商务局' },
  { suffix: '文化旅游广电局', dept: 'wlgdj' },
  { suffix: '卫生健康委员会', dept: 'wjw' },
  { suffix: '退役军人事务局', dept: 'tyjrswj' },
  { suffix: '应急管理局', dept: 'yjglj' },
  { suffix: '审计局', dept: 'sjj' },
  { suffix: '市场监督管理局', dept: 'scjgj' },
  { suffix: '统计局', dept: 'tjj' },
  { suffix: '林业和草原局', dept: 'lcj' },
  { suffix: '医疗保障局', dept: 'ybj' },
  { suffix: '城市管理综合执法局', dept: 'cgj' },
  { suffix: '行政审批政务服务与数据管理局' },
  { suffix: '信访局' },
];

const REGULATION = 'docs/regulation.zh.txt';

function regionKind(r: RefRegion): string {
  return /高新|开发区/.test(r.kind) ? '开发区' : r.kind;
}

export function namePrefix(r: Pick<RefRegion, 'code' | 'name'>): string {
  return NAME_PREFIX[r.code] ?? r.name;
}

/** 区 / 旗 / 县 / 高新区 — the level word used in short names (区市场监管局). */
function shortLevelWord(r: RefRegion): string {
  if (r.code === CITY_CODE) return '市';
  if (regionKind(r) === '开发区') return '高新区';
  return r.kind === '市辖区' ? '区' : r.kind;
}

export function buildRegions(ref: ReferenceData): Region[] {
  const out: Region[] = [];
  for (const r of ref.bodies.regions) {
    const level: RegionLevel = r.code === CITY_CODE ? 1 : 2;
    const parentCode = level === 1 ? null : CITY_CODE;
    const path = level === 1 ? r.code : `${CITY_CODE}/${r.code}`;
    out.push({ code: r.code, name: r.name, kind: regionKind(r), level, parentCode, path });
    for (const t of r.townships ?? []) {
      out.push({ code: t.code, name: t.name, kind: t.type, level: 3, parentCode: r.code, path: `${path}/${t.code}` });
    }
  }
  return out;
}

function evidenceOf(b: RefBody): string[] {
  return Array.isArray(b.evidence) ? [...b.evidence] : b.evidence ? [b.evidence] : [];
}

export function buildBodies(ref: ReferenceData): SeedBodies {
  const regions = buildRegions(ref);
  const bodies: SeedBody[] = [];
  const departmentOf = new Map<string, string>();
  const deptByName = new Map(ref.powers.departments.map((d) => [d.name, d.key]));
  const cityByName = new Map(ref.bodies.cityBodies.map((b) => [b.name, b]));

  for (const r of ref.bodies.regions) {
    let seq = 0;
    const names = new Set<string>();
    const add = (b: Omit<SeedBody, 'id' | 'seq' | 'regionCode'>, dept?: string): void => {
      if (names.has(b.name)) return;
      names.add(b.name);
      const body: SeedBody = { ...b, regionCode: r.code, seq: ++seq, id: '' };
      body.id = bodyKey(body);
      bodies.push(body);
      if (dept) departmentOf.set(body.id, dept);
    };
    // 法制机构 (第五条): since the 2018 reform the 司法局 carries the government's legal office.
    const officeOf = (name: string) => (name.endsWith('司法局') ? ('legal' as const) : null);

    if (r.code === CITY_CODE) {
      // The 44 city bodies in file order (第二条 kinds: 政府工作部门, 部门管理机构, 党委部门, 法律法规授权组织).
      for (const b of ref.bodies.cityBodies) {
        add(
          {
            name: b.name,
            shortName: b.shortName,
            kind: b.kind,
            office: officeOf(b.name),
            inferred: b.inferred,
            evidence: evidenceOf(b),
            note: b.note,
          },
          deptByName.get(b.name),
        );
      }
    } else {
      const prefix = namePrefix(r);
      const word = shortLevelWord(r);
      const found = new Map(
        (ref.bodies.districts.find((d) => d.region === r.code)?.departments ?? []).map((b) => [b.name, b]),
      );
      for (const d of DISTRICT_DEPARTMENTS) {
        const city = cityByName.get(CITY_PREFIX + d.suffix);
        if (!city) throw new Error(`参考数据中没有市级部门“${CITY_PREFIX}${d.suffix}”`);
        let name = prefix + d.suffix;
        let kind = city.kind;
        let shortName = word + city.shortName.replace(/^市/, '');
        let note = '按市级部门设置推断的旗县区对应部门，名称未在公开来源中核实';
        if (d.form === 'police' && word !== '旗' && word !== '县') {
          // Urban districts and the zone are policed by branches of the city bureau (file: 包头市公安局昆都仑区分局).
          name = `包头市公安局${prefix.replace(/^包头/, '')}分局`;
          kind = '政府工作部门（市公安局派出机构）';
          shortName = `${word}公安分局`;
        } else if (d.form === 'ecology') {
          // 生态环境机构垂直管理改革: county-level environment bureaus became branches of the city bureau.
          name = `包头市生态环境局${prefix.replace(/^包头/, '')}分局`;
          kind = '市生态环境局派出机构';
          shortName = `${word}生态环境分局`;
          note = '按生态环境机构监测监察执法垂直管理制度改革后的通行设置推断，名称未核实';
        }
        const known = found.get(name);
        if (known) {
          add(
            {
              name,
              shortName: known.shortName,
              kind: known.kind,
              office: officeOf(name),
              inferred: known.inferred,
              evidence: evidenceOf(known),
              note: known.note,
            },
            d.dept,
          );
        } else {
          add({ name, shortName, kind, office: officeOf(name), inferred: true, evidence: [], note }, d.dept);
        }
      }
      // Bodies found for this district that the standard set does not cover (e.g. 经开区管委会).
      for (const b of found.values()) {
        add({
          name: b.name,
          shortName: b.shortName,
          kind: b.kind,
          office: officeOf(b.name),
          inferred: b.inferred,
          evidence: evidenceOf(b),
          note: b.note,
        });
      }
    }

    // 本级人民政府 (spec §1: approves cancellations and delegations, §12, §13.1).
    const isZone = regionKind(r) === '开发区';
    add({
      name: isZone ? `${r.name}管理委员会` : `${r.name}人民政府`,
      shortName: isZone ? '高新区管委会' : `${shortLevelWord(r)}政府`,
      kind: isZone ? '开发区管理委员会' : '人民政府',
      office: 'government',
      inferred: false,
      evidence: [],
      note: isZone ? '开发区管理委员会行使本级政府职能（第四条将稀土高新区与旗县区并列）' : undefined,
    });
    // 第四条: 推进政府职能转变和“放管服”改革协调小组办公室 (协调小组办公室) at every level.
    add({
      name: `${namePrefix(r)}推进政府职能转变和“放管服”改革协调小组办公室`,
      shortName: `${shortLevelWord(r)}协调小组办公室`,
      kind: '协调小组办公室',
      office: 'coordination',
      inferred: false,
      evidence: [`${REGULATION} 第四条`],
    });
  }
  // §18: 苏木乡镇人民政府 and 街道办事处 keep lists of their own (参照本办法执行). Each township-level
  // region gets its one body; 类似乡级单位 (办事处, 管委会) keep the name the statistics give them.
  for (const r of ref.bodies.regions)
    for (const t of r.townships ?? []) {
      const kind = t.type === '街道' ? '街道办事处' : '苏木乡镇人民政府';
      const name = t.type === '街道' ? `${t.name}办事处` : /(镇|乡|苏木)$/.test(t.name) ? `${t.name}人民政府` : t.name;
      const body: SeedBody = {
        regionCode: t.code,
        seq: 1,
        name: name.startsWith('包头') ? name : `${namePrefix(r)}${name}`,
        shortName: name,
        kind,
        office: null,
        inferred: true,
        evidence: [],
        note: '按统计用区划名称推断的乡级机构名称',
        id: '',
      };
      body.id = bodyKey(body);
      bodies.push(body);
    }
  for (const b of bodies) if (b.note === undefined) delete b.note;
  return { regions, bodies, departmentOf };
}
