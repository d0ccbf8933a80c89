// Delegation and entrustment (§13.2–§13.5) as pure rules: when an application may be submitted,
// when it may go to the government, which training a handover needs, who is responsible before
// the handover date, and what looks like 明放暗不放. No IO: the module hands the records in.
import {
  HANDOVER_ITEMS,
  REFUSAL_LABELS,
  REFUSALS,
  type HandoverItem,
  type Refusal,
  type RelatedAnswer,
} from '../../contract/delegation.js';
import type { Actor } from '../actor.js';
import { citeArticle, type Role as WorkflowRole, type Rulebook, type TrainingTrack } from '../rulebook/index.js';
import { roleAtBody } from './scope.js';

/** The kinds of application §13.2–§13.5 apply to. */
export const DELEGATION_KINDS = ['delegate', 'entrust'] as const;
export const isDelegationKind = (kind: string): kind is 'delegate' | 'entrust' =>
  (DELEGATION_KINDS as readonly string[]).includes(kind);

export type RefusalAnswers = Record<Refusal, { answer: 'yes' | 'no'; reason: string }>;

/**
 * §13.2 ¶1: 违反法律法规的不放、下放后存在政策风险的不放、基层接不住管不好的不放. Null when the
 * application may be submitted; otherwise why not, in Chinese.
 */
export function assessmentRefusal(refusals: RefusalAnswers | null): string | null {
  if (!refusals) return '尚未完成事前调研评估（承接能力、落实状态、日常监管及“三不放”判断），不能报送（第十三条第2项）';
  const yes = REFUSALS.filter((r) => refusals[r]?.answer === 'yes');
  if (yes.length)
    return `事前调研评估认定“${yes.map((r) => REFUSAL_LABELS[r]).join('、')}”，不具备调整下放条件，不能报送（第十三条第2项）`;
  return null;
}

export interface RelatedState {
  bodyName: string;
  answer: RelatedAnswer | null;
  waivedReason: string | null;
}

/** §13.2 ¶2: the related bodies that have neither answered nor been waived by the office. */
export const relatedPending = (rows: readonly RelatedState[]) => rows.filter((r) => !r.answer && !r.waivedReason);

export function relatedRefusal(rows: readonly RelatedState[]): string | null {
  const open = relatedPending(rows);
  if (!open.length) return null;
  return `关联部门（${open.map((r) => r.bodyName).join('、')}）尚未回复意见，且协调小组办公室未说明免于等待的理由，不能报请政府审定（第十三条第2项：同步征求关联部门意见）`;
}

/** §13.2 ¶2: 有条件同意 and 不同意 must say why. */
export const answerNeedsReason = (answer: RelatedAnswer) => answer !== 'agree';

export interface TrainingNeed {
  track: TrainingTrack['id'];
  label: string;
  citation: string;
  topics: string[];
  missing: string[];
}

/**
 * §13.4: the topics the delegated powers' categories call for, and those no recorded session has
 * covered yet. A category outside both lists calls for no named topic.
 */
export function trainingNeeds(
  rb: Rulebook,
  categories: readonly string[],
  coveredTopics: readonly string[],
): TrainingNeed[] {
  const covered = new Set(coveredTopics);
  return rb.delegation.trainingTracks
    .filter((t) => t.categories.some((c) => categories.includes(c)))
    .map((t) => ({
      track: t.id,
      label: t.label,
      citation: citeArticle(rb, t.article, t.inherited2023 === true),
      topics: [...t.topics],
      missing: t.topics.filter((x) => !covered.has(x)),
    }));
}

/** The topics a session may record: every topic of the rulebook's lists. */
export const knownTopics = (rb: Rulebook) => new Set(rb.delegation.trainingTracks.flatMap((t) => t.topics));

/** §13.4 在委托、下放前…开展培训: null when the handover may go on; otherwise why not. */
export function trainingRefusal(needs: readonly TrainingNeed[], sessions: number): string | null {
  if (sessions === 0) return '尚未对承接部门开展业务培训，不能办理权力移交（第十三条第4项）';
  const gaps = needs.filter((n) => n.missing.length);
  if (!gaps.length) return null;
  return `业务培训尚未覆盖${gaps.map((n) => `${n.label}事项的“${n.missing.join('、')}”`).join('；')}，不能办理权力移交（第十三条第4项）`;
}

/** §13.5: items handed over in a number need the number (case files handed over: n). */
export const countRequired = (item: HandoverItem) => item === 'data' || item === 'caseFiles';

export interface HandoverItemState {
  item: HandoverItem;
  handedAt: Date | null;
  confirmedAt: Date | null;
}

/** §13.5 整体移交: complete when every checklist item is handed over and confirmed. */
export const handoverComplete = (items: readonly HandoverItemState[]) =>
  HANDOVER_ITEMS.every((i) => items.some((x) => x.item === i && x.handedAt && x.confirmedAt));

/** §13.5 确定时间结点: before the date the delegating body stays responsible. */
export const receivingResponsible = (handoverOn: string, today: string, complete: boolean) =>
  complete && today >= handoverOn;

/** §13.5 防止出现监管真空: the date has passed and the checklist is not complete. */
export const handoverMissed = (handoverOn: string, today: string, complete: boolean) => !complete && today > handoverOn;

// §13.5 不得以备案、核准、网络平台不授权等形式变相审批: the words of a step that keeps a hold.
const HOLD_WORDS = ['备案', '核准', '审批', '审核', '批准', '同意'];
const SUFFIXES = ['许可', '备案', '核准', '审批', '登记', '确认', '审核'];

/** The part of a power's name that names its matter (电梯维保单位备案 → 电梯维保单位). */
function stem(name: string): string {
  const s = SUFFIXES.find((x) => name.endsWith(x) && name.length - x.length >= 4);
  return s ? name.slice(0, -s.length) : name;
}

export interface Delegated {
  adjustmentId: number;
  code: string;
  name: string;
}

export interface ProposedPower {
  name: string;
  category: string;
}

/**
 * §13.5 明放暗不放: a power the delegating body proposes after the handover that is a filing,
 * ratification or approval step (category 备案, or such a word in its name) on a matter it
 * has handed down. Returns the delegated power each proposal holds on to.
 */
export function disguisedRetention(
  delegated: readonly Delegated[],
  proposed: readonly ProposedPower[],
): { delegated: Delegated; proposed: ProposedPower }[] {
  const out: { delegated: Delegated; proposed: ProposedPower }[] = [];
  for (const p of proposed) {
    const holds = p.category === 'BA' || HOLD_WORDS.some((w) => p.name.includes(w));
    if (!holds) continue;
    const d = delegated.find((x) => p.name.includes(stem(x.name)));
    if (d) out.push({ delegated: d, proposed: p });
  }
  return out;
}

/**
 * §13.3: 委托要有法律、法规、规章作为依据；行政处罚严格依法采用书面委托形式. Null when a 委托 may be
 * submitted; otherwise why not.
 */
export function entrustmentRefusal(
  e: { basisLevel: string; instrument: boolean } | null,
  categories: readonly string[],
  /** §13.3 委托行政机关或者具有管理公共事务职能的组织: who is entrusted, null when nobody is named */
  party: 'body' | 'organisation' | null = 'body',
): string | null {
  if (!e) return '委托须有法律、法规、规章作为依据，请填写委托依据后再报送（第十三条第3项）';
  if (!party)
    return '委托须指定受委托的行政机关或者具有管理公共事务职能的组织，请选择受委托机构或填写受委托组织（第十三条第3项）';
  // 《行政许可法》第二十四条: a 行政许可 is entrusted to another 行政机关 only
  if (party === 'organisation' && categories.includes('XK'))
    return '行政许可只能委托其他行政机关实施，不能委托组织（《中华人民共和国行政许可法》第二十四条；第十三条第3项）';
  if (categories.includes('CF') && !e.instrument)
    return '行政处罚事项的委托须采用书面委托形式，请上传委托书后再报送（第十三条第3项）';
  // platform reading: an organisation outside the register has no one on the platform to confirm,
  // so its acceptance is the instrument it signed with the entrusting body
  if (party === 'organisation' && !e.instrument)
    return '委托平台外的组织须上传双方签署的书面委托书，作为受委托组织的承接确认（第十三条第3项）';
  return null;
}

/** The categories §13.3 forbids an entrusted party to entrust onward: 行政许可, 行政处罚. */
export const NO_REENTRUSTMENT = ['XK', 'CF'] as const;

/**
 * §13.3 受委托行政机关、组织不得再委托其他组织或者个人实施行政许可、行政处罚: an 委托 whose power
 * (same name and category) is one the applying body holds by another body's entrustment.
 */
export function reEntrustmentRefusal(
  held: readonly { name: string; category: string; fromBodyName: string }[],
  proposed: readonly { name: string; category: string }[],
): string | null {
  for (const p of proposed) {
    if (!(NO_REENTRUSTMENT as readonly string[]).includes(p.category)) continue;
    const h = held.find((x) => x.name === p.name && x.category === p.category);
    if (h)
      return `“${p.name}”系${h.fromBodyName}委托本机关实施的事项，受委托行政机关、组织不得再委托其他组织或者个人实施行政许可、行政处罚（第十三条第3项）`;
  }
  return null;
}

// Who acts on a delegation's records. `roles` are the actor's workflow roles on the application
// (applicationRoles: the receiving body's lead unit included as receiver); none held → denied.

/** §13.2–§13.5: the applying body keeps its records through its own clerk or lead unit. */
export const isDelegationApplicant = (roles: readonly WorkflowRole[]) =>
  roles.includes('clerk') || roles.includes('leadUnit');

/** The role an applying body's act is audited under: its clerk's when held, else its lead unit's. */
export const delegationApplicantRole = (roles: readonly WorkflowRole[]): 'clerk' | 'leadUnit' =>
  roles.includes('clerk') ? 'clerk' : 'leadUnit';

/** §13.2 ¶2: only the coordination office of the body's level stops waiting for a related body. */
export const canWaiveRelated = (roles: readonly WorkflowRole[]) => roles.includes('coordinator');

/** §13.5: the receiving body's lead unit (workflow role receiver) confirms what it has received. */
export const canConfirmHandover = (roles: readonly WorkflowRole[]) => roles.includes('receiver');

/** §13.3 向本级协调小组办公室报备: the office of the body's level acknowledges the filing. */
export const canAcknowledgeFiling = (roles: readonly WorkflowRole[]) => roles.includes('coordinator');

/** §13.2 ¶2: a related body answers the request put to it through its own lead unit. */
export const canAnswerRelated = (a: Actor | null, relatedBodyId: number) => roleAtBody(a, 'leadUnit', relatedBodyId);
