// The shape of a rulebook: one regulation's parameters as data (spec, opening
// section). Code reads these; it never hard-codes a deadline or a step.

/**
 * Workflow roles. `receiver` is the receiving body of a 下放 or 委托 (§13(五) 承接部门), acted for
 * by the lead unit of that body (§14 牵头机构 speaks for a body); it is derived from the
 * application's receiving body, never granted to an account.
 */
export const ROLES = ['clerk', 'leadUnit', 'coordinator', 'legalReviewer', 'approver', 'receiver'] as const;
export type Role = (typeof ROLES)[number];

// The kinds, triggers and step ids are the contract's (the workspace names them too).
export {
  ADJUSTMENT_KINDS,
  STEP_IDS,
  TRIGGER_KINDS,
  type AdjustmentKind,
  type StepId,
  type TriggerKind,
} from '../../contract/adjustments.js';
import type { AdjustmentKind, StepId, TriggerKind } from '../../contract/adjustments.js';

export const CATEGORY_CODES = ['XK', 'CF', 'QZ', 'ZS', 'GF', 'JC', 'QR', 'JL', 'CJ', 'QT', 'BA'] as const;
export type CategoryCode = (typeof CATEGORY_CODES)[number];

export type RulebookId = 'baotou-2023' | 'baotou-2025';

/**
 * An article of the rulebook's own regulation: '§12' = 第十二条, '§13.1' = 第十三条第1项.
 * A value marked `inherited2023` cites the 2023 regulation instead. Any other
 * string (e.g. '解读二(三)') is a citation shown as written.
 */
export type ArticleRef = string;

/**
 * Provenance of a value in a rulebook whose own text is not fully known: the
 * value (and the article it cites) was carried over from baotou-2023.
 */
export interface Provenance {
  readonly inherited2023?: true;
  /** Why the value is what it is, when the regulation leaves room to decide. */
  readonly note?: string;
}

export type DayUnit = 'workday' | 'calendarDay';
/** deadline: must be done by; minimumDuration: must last at least (e.g. consultation). */
export type ClockKind = 'deadline' | 'minimumDuration';
/** The event whose date starts a clock; the start day itself is never counted. */
export type ClockEvent =
  | 'triggerDate'
  | 'submitted'
  | 'consultationOpened'
  | 'consultationEnded'
  | 'approved'
  | 'published'
  /** §13.2 ¶2: the day a related body (关联部门) is asked for its opinion on a 下放 or 委托. */
  | 'relatedConsulted'
  /** §16: the office orders a body to rectify (督促整改); a supervision clock, no application step. */
  | 'rectificationOrdered'
  /** §15: an opinion, complaint or report received (src/modules/feedback) */
  | 'feedbackReceived';

export interface Clock extends Provenance {
  readonly amount: number;
  readonly unit: DayUnit;
  readonly kind: ClockKind;
  readonly from: ClockEvent;
  readonly article: ArticleRef;
  /** Short quote of the regulation that sets the clock, shown next to the due date. */
  readonly articleText: string;
}

/** Data a step cannot be completed without. duplicatesResolved (§13(五)): every power of the same
 *  name and category already in the receiving body's list has a decision in the application. */
export type StepRequirement = 'normativeDocumentNumber' | 'duplicatesResolved';

export interface StepDef extends Provenance {
  readonly id: StepId;
  readonly label: string;
  /** Who may act on the step; the first is the one accountable for it. */
  readonly roles: readonly [Role, ...Role[]];
  readonly article: ArticleRef;
  readonly articleText?: string;
  readonly clock?: Clock;
  readonly requires?: readonly StepRequirement[];
}

/**
 * A path through the steps. Stages run in order; the steps inside one stage run
 * side by side, and the stage is over when all of them are.
 */
export interface ProcedureDef extends Provenance {
  readonly id: string;
  readonly label: string;
  readonly stages: readonly (readonly StepDef[])[];
}

export interface CategoryDef {
  readonly code: CategoryCode;
  readonly label: string;
}

export interface AdjustmentKindDef extends Provenance {
  readonly kind: AdjustmentKind;
  readonly label: string;
  readonly article: ArticleRef;
  /** Key into Rulebook.procedures. */
  readonly procedure: string;
}

export interface TriggerKindDef extends Provenance {
  readonly kind: TriggerKind;
  readonly label: string;
  readonly articles: readonly ArticleRef[];
  /** The adjustment kinds this cause may justify (§10: reasons to add; §11: to cancel, delegate, modify, merge, split). */
  readonly adjustmentKinds: readonly AdjustmentKind[];
}

/** The level of the body an application concerns (spec §1): 市, 旗县区 (and 稀土高新区), 苏木乡镇·街道. */
export const LEVELS = ['city', 'county', 'township'] as const;
export type Level = (typeof LEVELS)[number];

/**
 * Who performs a step at each level, where the regulation names more than one office (§5, §12:
 * 协调小组办公室或本级人民政府法制机构). The first role of a level is the one accountable for it.
 */
export interface StepRolesByLevel extends Provenance {
  readonly step: StepId;
  readonly article: ArticleRef;
  readonly articleText: string;
  readonly roles: { readonly [L in Level]: readonly [Role, ...Role[]] };
}

export interface RoleDef extends Provenance {
  /** The office or person in this rulebook's words, e.g. 协调小组办公室. */
  readonly label: string;
  readonly article: ArticleRef;
}

/** 2025: 集中调整 (many applications as one batch) and 个别调整 (one application). */
export interface BatchKindDef extends Provenance {
  readonly id: 'batch' | 'single';
  readonly label: string;
  readonly article: ArticleRef;
}

/** A duty that recurs on a calendar rather than per application. */
export interface PeriodicDutyDef extends Provenance {
  readonly id: 'yearlyReport';
  readonly label: string;
  readonly roles: readonly [Role, ...Role[]];
  readonly article: ArticleRef;
  readonly articleText: string;
}

export interface RegulationRef {
  readonly title: string;
  readonly issuedOn: string;
  /** null when the date is not known. */
  readonly effectiveFrom: string | null;
  readonly source: string;
}

/**
 * How day counts are read where the regulation itself is silent: the start day
 * is not counted, and a calendar-day deadline that ends on a rest day moves to
 * the next working day (民法典 §201, §203).
 */
export interface PeriodRules {
  readonly calendarDeadlineOnRestDay: 'nextWorkday' | 'unchanged';
  readonly article: string;
  readonly articleText: string;
}

/**
 * §7: a 临时性行政许可 basis is valid for a limited time; powers resting on it are flagged
 * `warningDays` calendar days before it lapses.
 */
export interface TemporaryLicenseRule extends Provenance {
  readonly validity: { readonly years?: number; readonly months?: number; readonly days?: number };
  readonly warningDays: number;
  readonly article: ArticleRef;
  readonly articleText: string;
}

/** §13.4: the training a receiving body's staff must have had, per kind of power (its categories). */
export interface TrainingTrack extends Provenance {
  readonly id: 'approval' | 'enforcement';
  /** 审批审核备案类 / 执法类 */
  readonly label: string;
  readonly categories: readonly CategoryCode[];
  /** The topics the article names for this kind, all of which must be covered. */
  readonly topics: readonly string[];
  readonly article: ArticleRef;
  readonly articleText: string;
}

/** §13.2–§13.5: the parameters of handing a power down or entrusting it. */
export interface DelegationRules extends Provenance {
  /** §13.2 ¶2: how long a related body has to answer (同步征求关联部门意见). */
  readonly relatedBodyClock: Clock;
  readonly trainingTracks: readonly TrainingTrack[];
}

/**
 * §16, §17: supervision of how a body keeps its list. The regulation says the office 督促整改 /
 * 责令整改 and reprimands a body 不按要求整改, but sets no period: the rectification clock is the
 * installation's choice, held here with the article it serves.
 */
export interface SupervisionRules extends Provenance {
  readonly rectification: Clock;
}

/**
 * §15: opinions, suggestions, complaints and reports from the public are studied and answered
 * (进行研究论证，吸收采纳合理内容). `answer` runs from the day one is received (a web submission:
 * the day it arrived, before moderation); a reminder goes to the handler `reminderWorkdays`
 * working days before it falls due.
 */
export interface FeedbackRules extends Provenance {
  readonly answer: Clock;
  readonly reminderWorkdays: number;
}

/** A fact the assessment measures per body and year (src/modules/assessment/assessment.repo.ts). */
export type PerformanceReviewFactId =
  | 'filingOnTimeRate'
  | 'stepOnTimeRate'
  | 'lateFindings'
  | 'delayedFindings'
  | 'missingFindings'
  | 'otherFindings'
  | 'rectificationsAccepted'
  | 'rectificationsFailed'
  | 'complaintsSubstantiated'
  | 'reprimands'
  | 'dispositionRate';

/**
 * One term of the score. `rate`: a share 0..1 with no cases counting as 1; the deduction is
 * weight × missed percentage points. `count`: weight × count. A negative weight is a credit.
 * The deduction (or credit) is capped at `cap` points.
 */
export interface PerformanceReviewTerm extends Provenance {
  readonly fact: PerformanceReviewFactId;
  readonly label: string;
  readonly measure: 'rate' | 'count';
  readonly weight: number;
  readonly cap: number;
  readonly article: ArticleRef;
}

/**
 * §5, §16 ¶1: the office assesses how each body keeps its list (绩效考核). The regulation names what
 * is assessed, not how: score = clamp(base − Σ min(cap, weight × measure), 0, base).
 */
export interface PerformanceReviewRules extends Provenance {
  readonly base: number;
  readonly terms: readonly PerformanceReviewTerm[];
}

export interface Rulebook {
  readonly id: RulebookId;
  readonly label: string;
  readonly regulation: RegulationRef;
  /** Higher-level rules this one follows. */
  readonly basis: readonly string[];
  readonly supersedes: RulebookId | null;
  readonly managingOffice: { readonly name: string; readonly fullName: string; readonly article: ArticleRef };
  readonly roles: { readonly [R in Role]: RoleDef };
  /** In the regulation's order. */
  readonly categories: readonly CategoryDef[];
  readonly categoriesArticle: ArticleRef;
  readonly adjustmentKinds: readonly AdjustmentKindDef[];
  readonly triggerKinds: readonly TriggerKindDef[];
  /** Steps whose office differs by level; they override the step's own roles. */
  readonly stepRolesByLevel: readonly StepRolesByLevel[];
  readonly procedures: { readonly [id: string]: ProcedureDef };
  /** Empty when the regulation does not distinguish batch from single adjustments. */
  readonly batchKinds: readonly BatchKindDef[];
  readonly periodicDuties: readonly PeriodicDutyDef[];
  readonly periodRules: PeriodRules;
  readonly temporaryLicense: TemporaryLicenseRule;
  readonly feedback: FeedbackRules;
  readonly supervision: SupervisionRules;
  readonly delegation: DelegationRules;
  readonly assessment: PerformanceReviewRules;
}
