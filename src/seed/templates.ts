// Power templates for the demo data: typical-powers.json (real names, real legal bases with
// article and key sentence) + responsibility-templates.json (责任事项, 追责情形, 追责依据 per
// category) + laws.json (one LegalDocument per law, cited by many powers).
// Categories follow the 2023 rulebook (第六条: ten categories); a 2025 行政备案 item maps to
// its category2023 value (其他) and says so in 备注.

import {
  isLegalLevel,
  type LegalBasisCitation,
  type LegalDocument,
  type ResponsibilityItem,
} from '../core/register/power.js';
import type { RefLegalBasis, RefPower, ReferenceData } from './reference.js';

export interface PowerTemplate {
  departmentKey: string;
  name: string;
  category: string;
  legalBases: LegalBasisCitation[];
  responsibilities: ResponsibilityItem[];
  accountabilityCases: string[];
  accountabilityBasis: string;
  remarks: string;
  /** Names of the 子项 this 主项 is split into (empty when it has none). */
  subItems: string[];
}

export interface TemplateSet {
  documents: LegalDocument[];
  /** 2023 category letter codes in the order of 第六条. */
  categories: string[];
  byDepartment: Map<string, PowerTemplate[]>;
}

// Source remarks such as “（来源示例：……）” describe where a sentence came from; not list content.
function clean(text: string): string {
  return text.replace(/（来源[^）]*）/g, '').trim();
}

// 子项 (spec §2: a power may have 子项, each a record of its own under the 主项).
// Split the way published lists split them:
//  - enumerated actions: 社会团体成立、变更、注销登记 → 社会团体成立登记 / 变更登记 / 注销登记
//  - enumerated stages in brackets: 政府投资项目审批（项目建议书、可行性研究报告、初步设计）
//  - alternatives: 拖拉机/联合收割机注册登记 → 拖拉机注册登记 / 联合收割机注册登记
//  - licences with a life cycle: 食品经营许可（新办）/（变更）/（延续）/（注销）
//  - professional registration: 医师执业注册（首次注册）/（变更注册）/（注销注册）
const ACTIONS = '成立|设立|变更|注销|延续';
const ENUM_ACTIONS = new RegExp(`^(.+?)((?:${ACTIONS})(?:、(?:${ACTIONS}))+)(登记|审批)$`);
const ENUM_BRACKET = /^(.+)（([^（）]+、[^（）]+)）$/;
const ALTERNATIVES = /^([^/]+)\/([^/]+?)(注册登记|登记|审批|许可)$/;
const LICENCE_LIFECYCLE =
  /(?:经营(?:（零售）)?许可(?:证核发)?|特种行业许可证核发|卫生许可|执业许可|服务许可|排污许可证核发|取水许可|动物诊疗许可)$/;
const LIFECYCLE = ['新办', '变更', '延续', '注销'];
const REGISTRATION = ['首次注册', '变更注册', '注销注册'];

export function subItemsOf(name: string, category: string): string[] {
  let m = ENUM_ACTIONS.exec(name);
  if (m) return m[2].split('、').map((a) => `${m![1]}${a}${m![3]}`);
  m = ENUM_BRACKET.exec(name);
  if (m && m[2].split('、').every((s) => s.length <= 10)) return m[2].split('、').map((s) => `${m![1]}（${s}）`);
  m = ALTERNATIVES.exec(name);
  if (m) return [`${m[1]}${m[3]}`, `${m[2]}${m[3]}`];
  if (category === 'XK' && LICENCE_LIFECYCLE.test(name)) return LIFECYCLE.map((s) => `${name}（${s}）`);
  if (category === 'XK' && /执业注册$/.test(name)) return REGISTRATION.map((s) => `${name}（${s}）`);
  return [];
}

export function buildTemplates(ref: ReferenceData): TemplateSet {
  // Category name → letter code, from the data (meta.categories: code → name).
  const codeOf = new Map(Object.entries(ref.powers.meta.categories).map(([code, name]) => [name, code]));
  const categories = ref.templates.meta.categoryOrder2023.map((n) => {
    const c = codeOf.get(n);
    if (!c) throw new Error(`类别“${n}”没有字母代码`);
    return c;
  });

  const documents: LegalDocument[] = ref.laws.laws.map((l) => {
    if (!isLegalLevel(l.level)) throw new Error(`法律文件“${l.name}”的层级“${l.level}”不在第七条所列层级中`);
    const doc: LegalDocument = {
      id: l.key,
      key: l.key,
      name: l.name,
      level: l.level,
      issuingBody: l.issuingBody,
      latestVersionDate: l.latestVersionDate,
      effectiveDate: l.effectiveDateInText,
      history: [...l.history],
      source: l.source,
    };
    if (l.note) doc.note = l.note;
    if (l.inferred) doc.inferred = true;
    return doc;
  });
  const docByKey = new Map(documents.map((d) => [d.key, d]));
  const docByName = new Map(documents.map((d) => [d.name, d]));
  const docOf = (b: RefLegalBasis): LegalDocument => {
    const d = (b.lawKey && docByKey.get(b.lawKey)) || docByName.get(b.law);
    if (!d) throw new Error(`法定依据“${b.law}”不在 laws.json 中`);
    return d;
  };
  // §7: a structured citation of one article, linked to its document record.
  const cite = (b: RefLegalBasis): LegalBasisCitation => {
    const d = docOf(b);
    const c: LegalBasisCitation = {
      documentId: d.key,
      documentName: d.name,
      level: d.level,
      article: b.article,
      text: b.keySentence ?? '',
    };
    // Two citations of the 国务院决定 give only the item number: its text is not in the source.
    if (b.inferred || !b.textVerified) c.inferred = true;
    return c;
  };

  const byCategory = new Map(
    ref.templates.templates.map((t) => {
      const steps = t.steps.map((s) => ({ order: s.order, name: s.name, content: clean(s.content) }));
      const basis = t.accountabilityBasis
        .map((b) => `${b.law}${b.article}${b.keySentence ? `：${b.keySentence}` : ''}`)
        .join('\n');
      return [t.code, { t, steps, basis }] as const;
    }),
  );

  const toTemplate = (departmentKey: string, p: RefPower): PowerTemplate => {
    const category = codeOf.get(p.category2023);
    if (!category || !categories.includes(category)) throw new Error(`职权“${p.name}”的类别“${p.category2023}”无效`);
    const tpl = byCategory.get(category);
    if (!tpl) throw new Error(`类别 ${category} 没有责任事项模板`);
    // 行政检查: the sourced 追责情形 are those of a 社会救助 item; other checks use the generic cases.
    const cases =
      category === 'JC' && !/社会救助/.test(p.name) && tpl.t.genericCasesInferred
        ? tpl.t.genericCasesInferred
        : tpl.t.accountabilityCases;
    return {
      departmentKey,
      name: p.name,
      category,
      legalBases: p.legalBasis.map(cite),
      responsibilities: tpl.steps,
      accountabilityCases: [...cases],
      accountabilityBasis: tpl.basis,
      remarks: p.category !== p.category2023 ? `按2025年规则归入${p.category}类` : '',
      subItems: subItemsOf(p.name, category),
    };
  };

  const byDepartment = new Map(ref.powers.departments.map((d) => [d.key, d.powers.map((p) => toTemplate(d.key, p))]));
  return { documents, categories, byDepartment };
}
