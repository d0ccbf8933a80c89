// The register's core types: a power (行政职权) and its 职权信息表 fields, a duty (职责),
// a legal-basis citation and the legal document it cites.
// Spec §2; regulation 第六条 (list = 职权目录 + 职权信息表), 第七条 (legal bases).
// Names follow docs/glossary.md.

/** A storage id (the database assigns it); opaque to the domain code. */
export type EntityId = string | number;

/**
 * Letter code of a 权力类别 (XK CF QZ ZS GF JC QR JL CJ QT, and BA under the 2025 rulebook).
 * §6: the categories themselves are rulebook data, so this is a string, not a closed union;
 * validate it against the rulebook in force.
 */
export type CategoryCode = string;

// Spec §2: status of a power, and §7's legal levels: the contract holds them with their words.
import {
  LEGAL_LEVELS,
  POWER_STATUSES,
  POWER_STATUS_LABELS,
  STATUTORY_LEGAL_LEVELS,
  type LegalLevel,
  type PowerStatus,
} from '../../contract/register.js';
export {
  LEGAL_LEVELS,
  OTHER_LEGAL_LEVELS,
  POWER_STATUSES,
  POWER_STATUS_LABELS,
  STATUTORY_LEGAL_LEVELS,
  type LegalLevel,
  type PowerStatus,
} from '../../contract/register.js';

export function isPowerStatus(value: unknown): value is PowerStatus {
  return typeof value === 'string' && (POWER_STATUSES as readonly string[]).includes(value);
}

/** The status whose Chinese label is `label` (e.g. '已下放' → 'delegated'), or null. */
export function powerStatusFromLabel(label: string): PowerStatus | null {
  const hit = POWER_STATUSES.find((s) => POWER_STATUS_LABELS[s] === label.trim());
  return hit ?? null;
}

export function isLegalLevel(value: unknown): value is LegalLevel {
  return typeof value === 'string' && (LEGAL_LEVELS as readonly string[]).includes(value);
}

/** §7: true when a citation at this level may serve as a power's 设定依据. */
export function isStatutoryLevel(level: LegalLevel): boolean {
  return (STATUTORY_LEGAL_LEVELS as readonly string[]).includes(level);
}

/**
 * One 法定依据 of a power (§7): a structured citation of one article of one document.
 * The same document is one LegalDocument record cited by many powers (documentId);
 * documentName is kept for display and for citations not yet linked to a record.
 */
export interface LegalBasisCitation {
  documentId?: EntityId;
  /** 《…》 title as published, e.g. 《中华人民共和国行政许可法》. */
  documentName: string;
  level: LegalLevel;
  /** Article / clause, e.g. 第七十二条, 第二十条第一款. */
  article: string;
  /** The cited text (key sentence of the article); '' when the text is not available. */
  text: string;
  /** True when article or text was not checked against the document's text. */
  inferred?: boolean;
  /** §7: for a 临时性行政许可, the date it took effect ('YYYY-MM-DD'); its expiry follows from the rulebook. */
  effectiveDate?: string;
  /** §7: an explicit expiry ('YYYY-MM-DD') when the document states one; overrides the computed one. */
  expiryDate?: string;
}

/** 责任事项 (§6): one ordered step, e.g. 受理责任 / 审查责任 / 决定责任. */
export interface ResponsibilityItem {
  order: number;
  name: string;
  content: string;
}

/**
 * 行政职权 (§6 职权信息表). A 子项 is a Power of its own whose parentId names its 主项
 * and whose code shares the 主项's code with a non-zero 子项 number (see code-scheme.ts).
 */
export interface Power {
  id?: EntityId;
  bodyId?: EntityId;
  /** null for a 主项; the 主项's id for a 子项. */
  parentId: EntityId | null;
  /** The 主项's code for a 子项, null for a 主项 (always derivable from code: mainCodeOf). */
  parentCode?: string | null;
  /** 权力编码 (code-scheme.ts). */
  code: string;
  /** 行政职权名称 */
  name: string;
  /** 权力类别 letter code (rulebook). */
  category: CategoryCode;
  /** 责任主体 */
  responsibleSubject: string;
  /** 法定依据 (§7) */
  legalBases: LegalBasisCitation[];
  /** 实施机构 */
  implementingAgency: string;
  /** 责任事项, ordered. */
  responsibilities: ResponsibilityItem[];
  /** 追责情形 */
  accountabilityCases: string[];
  /** 追责依据 */
  accountabilityBasis: string;
  /** 备注 */
  remarks: string;
  status: PowerStatus;
  /** Spec §2: a 合并 power gets a new code linked to the codes it replaces. */
  predecessorCodes?: string[];
}

/**
 * A power as a list holds it: the core shape plus its §13.5 links (the content of a list, an
 * adjustment's base and proposal). A published row adds its row id: PublishedPower (modules/register).
 */
export type ListPower = Power & { links?: unknown[] };

/** 职责 (§6): a duty from the body's 三定 regulation that faces citizens and organisations. */
export interface Duty {
  id?: EntityId;
  bodyId?: EntityId;
  order?: number;
  name: string;
  content: string;
}

/** A law, regulation, rule or normative document: one record, cited by many powers (§7). */
export interface LegalDocument {
  id?: EntityId;
  /** Short key without 《》 and 中华人民共和国, e.g. 行政许可法. */
  key: string;
  name: string;
  level: LegalLevel;
  issuingBody: string | null;
  /** Latest version (revision / amendment) date, 'YYYY-MM-DD'. */
  latestVersionDate: string | null;
  /** Date in force as stated in the text, 'YYYY-MM-DD'. */
  effectiveDate: string | null;
  history: string[];
  /** Where the text was taken from. */
  source: string | null;
  note?: string;
  /** True when the record was not verified against a text. */
  inferred?: boolean;
}
