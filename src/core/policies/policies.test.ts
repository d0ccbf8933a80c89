// The policy table (issue 11.3): role × action × scope → allowed, for EVERY function the policies
// folder exports. A new policy without rows fails the first test; a yes/no policy needs a row
// that allows and one that denies (deny by default: nobody signed in, no grant, wrong scope).
import { describe, expect, it } from 'vitest';
import type { Actor, Role, RoleGrant } from '../actor.js';
import { createWorkdayCalendar } from '../calendar/index.js';
import { getRulebook } from '../rulebook/index.js';
import * as policies from './index.js';

// The world: the city (150200), two 旗县区 (150203 昆都仑区, 150204 青山区), one 街道 under 150203.
const REGIONS = {
  city: { code: '150200', path: '150200' },
  kdl: { code: '150203', path: '150200/150203' },
  qs: { code: '150204', path: '150200/150204' },
  street: { code: '150203001', path: '150200/150203/150203001' },
} as const;
type Place = keyof typeof REGIONS;
// body id → where it sits: 1 市市场监管局, 2 市级办公室 (the city's offices), 10 区市场监管局,
// 11 区办公室, 20 街道办事处, 30 青山区市场监管局
const BODIES: Record<number, Place> = { 1: 'city', 2: 'city', 10: 'kdl', 11: 'kdl', 20: 'street', 30: 'qs' };
const body = (id: number) => ({ id, regionPath: REGIONS[BODIES[id]].path });

/** 'clerk@10' — one grant at body 10; 'clerk@10+leadUnit@10' — several; 'none' — signed in, no grant. */
function actor(who: string): Actor | null {
  if (who === 'nobody') return null;
  const grants: RoleGrant[] =
    who === 'none'
      ? []
      : who.split('+').map((g) => {
          const [role, id] = g.split('@');
          const r = REGIONS[BODIES[Number(id)]];
          return {
            role: role as Role,
            bodyId: Number(id),
            bodyName: `单位${id}`,
            regionCode: r.code,
            regionPath: r.path,
          };
        });
  return { userId: 7, username: 'u', displayName: '测试', homeBodyId: 1, grants };
}

/** Results compared by what matters: a grant by role@body, grants as a list of those. */
const shown = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(shown)
    : v && typeof v === 'object' && 'bodyId' in v && 'role' in v
      ? `${(v as RoleGrant).role}@${(v as RoleGrant).bodyId}`
      : v;

/** A row: who acts (or '-' for a function of no actor), the other arguments, the expected result. */
type Row = [who: string, args: unknown[], expected: unknown];
type Policies = typeof policies;
type PolicyName = { [K in keyof Policies]: Policies[K] extends (...a: never[]) => unknown ? K : never }[keyof Policies];

const city = body(1);
const cityOffice = body(2);
const kdl = body(10);
const street = body(20);
const qs = body(30);
const adj = (bodyId: number, receivingBodyId: number | null = null) => ({
  bodyId,
  receivingBodyId,
  regionCode: REGIONS[BODIES[bodyId]].code,
  regionPath: REGIONS[BODIES[bodyId]].path,
});

// An opinion, complaint or report about the 街道办事处 (20); its office is 昆都仑区's (11). Actors are user 7.
const fb = (over: Partial<policies.FeedbackRef> = {}): policies.FeedbackRef => ({
  kind: 'complaint',
  status: 'open',
  bodyId: 20,
  regionPath: REGIONS.street.path,
  routedTo: 'office',
  officeBodyId: 11,
  handlerId: null,
  powerCode: null,
  outcome: null,
  adjustmentId: null,
  ...over,
});
const opinion = (over: Partial<policies.FeedbackRef> = {}) => fb({ kind: 'suggestion', routedTo: 'body', ...over });
const adopted = opinion({ status: 'answered', outcome: 'adopted', powerCode: '150203001-XK-0001' });
const OK = { ok: true };
const refused = (code: string) => expect.objectContaining({ ok: false, code });
const cal = createWorkdayCalendar();
const rectification = getRulebook('baotou-2023').supervision.rectification;

// A 下放/委托 (§13): the prior assessment's 三不放 answers, related bodies' answers, the handover.
const rb2023 = getRulebook('baotou-2023');
const noRefusal = {
  unlawful: { answer: 'no', reason: '有法律法规依据' },
  policyRisk: { answer: 'no', reason: '无政策风险' },
  cannotCarry: { answer: 'no', reason: '承接部门人员、设备到位' },
} as const;
const related = (bodyName: string, answer: string | null, waivedReason: string | null = null) => ({
  bodyName,
  answer,
  waivedReason,
});
const handed = (item: string, confirmed = true) => ({
  item,
  handedAt: new Date('2026-10-01T02:00:00Z'),
  confirmedAt: confirmed ? new Date('2026-10-01T03:00:00Z') : null,
});
const delegatedPower = { adjustmentId: 4, code: '150200-XK-0107', name: '特种设备使用登记' };

const TABLE: Record<PolicyName, Row[]> = {
  // ---- the regional item platform (§13.1, §13.5)
  canReconcileBody: [
    ['clerk@1', [city], true],
    ['leadUnit@1', [city], true],
    ['coordinator@2', [city], true],
    ['coordinator@2', [kdl], false],
    ['coordinator@11', [kdl], true],
    ['clerk@10', [city], false],
    ['nobody', [city], false],
  ],
  canReconcileLevel: [
    ['coordinator@2', ['150200'], true],
    ['coordinator@2', ['150200/150203'], false],
    ['coordinator@11', ['150200/150203'], true],
    ['clerk@1', ['150200'], false],
    ['nobody', ['150200'], false],
  ],
  canViewReconciliation: [
    ['coordinator@2', [{ scope: 'level', bodyId: null, regionPath: '150200/150203' }], true],
    ['coordinator@11', [{ scope: 'level', bodyId: null, regionPath: '150200' }], false],
    ['clerk@1', [{ scope: 'body', bodyId: 1, regionPath: '150200' }], true],
    ['clerk@1', [{ scope: 'level', bodyId: null, regionPath: '150200' }], false],
    ['clerk@10', [{ scope: 'body', bodyId: 1, regionPath: '150200' }], false],
    ['nobody', [{ scope: 'body', bodyId: 1, regionPath: '150200' }], false],
  ],
  canAttachPlatformSync: [
    ['clerk@1', [adj(1)], true],
    ['leadUnit@1', [adj(1)], true],
    ['coordinator@2', [adj(1)], false],
    ['clerk@10', [adj(1)], false],
    ['nobody', [adj(1)], false],
  ],
  canSetCreditCode: [
    ['sysAdmin@2', [kdl], true],
    ['sysAdmin@11', [city], false],
    ['coordinator@2', [city], false],
    ['nobody', [city], false],
  ],
  canSetTimeLimit: [
    ['clerk@1', [city], true],
    ['coordinator@2', [city], false],
    ['nobody', [city], false],
  ],
  // ---- opinions, complaints and reports (§15 ¶1–2)
  routeOf: [
    ['-', ['suggestion'], 'body'],
    ['-', ['complaint'], 'office'],
    ['-', ['report'], 'office'],
  ],
  canSeeFeedback: [
    ['coordinator@11', [fb()], true],
    ['coordinator@2', [fb()], true],
    ['coordinator@30', [fb()], false],
    ['clerk@20', [fb()], false],
    ['clerk@20', [opinion()], true],
    ['clerk@20', [opinion({ status: 'moderation' })], false],
    ['nobody', [opinion()], false],
  ],
  canIntake: [
    ['coordinator@11', [street], true],
    ['clerk@20', [street], true],
    ['coordinator@2', [street], false],
    ['clerk@10', [street], false],
    ['nobody', [street], false],
  ],
  canModerateFeedback: [
    ['coordinator@11', [fb({ status: 'moderation' })], true],
    ['coordinator@11', [fb()], false],
    ['coordinator@2', [fb({ status: 'moderation' })], false],
    ['nobody', [fb({ status: 'moderation' })], false],
  ],
  canAssign: [
    ['coordinator@11', [fb()], true],
    ['leadUnit@20', [opinion()], true],
    ['leadUnit@20', [fb()], false],
    ['clerk@20', [opinion()], false],
    ['coordinator@11', [fb({ status: 'answered' })], false],
  ],
  handlerBodyOf: [
    ['-', [fb()], 11],
    ['-', [opinion()], 20],
  ],
  canAnswer: [
    ['clerk@20', [opinion({ status: 'assigned', handlerId: 7 })], true],
    ['clerk@20', [opinion({ status: 'assigned', handlerId: 8 })], false],
    ['clerk@20', [opinion({ status: 'answered', handlerId: 7 })], false],
    ['nobody', [opinion({ status: 'assigned', handlerId: 7 })], false],
  ],
  canReadContact: [
    ['coordinator@11', [fb({ status: 'assigned', handlerId: 7 })], true],
    ['coordinator@11', [fb({ status: 'answered', handlerId: 7 })], true],
    ['coordinator@11', [fb({ status: 'assigned', handlerId: 8 })], false],
    ['coordinator@11', [fb({ status: 'merged', handlerId: 7 })], false],
  ],
  canMerge: [
    ['coordinator@11', [fb({ status: 'moderation' })], true],
    ['leadUnit@20', [opinion()], true],
    ['clerk@20', [opinion()], false],
    ['coordinator@11', [fb({ status: 'answered' })], false],
  ],
  outcomeFits: [
    ['-', ['suggestion', 'partlyAdopted'], true],
    ['-', ['complaint', 'adopted'], false],
    ['-', ['report', 'substantiated'], true],
  ],
  canOpenAdjustment: [
    ['clerk@20', [adopted], true],
    ['clerk@20', [{ ...adopted, adjustmentId: 5 }], false],
    ['clerk@20', [{ ...adopted, outcome: 'notAdopted' }], false],
    ['leadUnit@20', [adopted], false],
    ['clerk@10', [adopted], false],
  ],
  isSubstantiated: [
    ['-', [fb({ outcome: 'partlySubstantiated' })], true],
    ['-', [fb({ outcome: 'unsubstantiated' })], false],
    ['-', [opinion({ outcome: 'adopted' })], false],
  ],
  // ---- performance assessment (§5, §16 ¶1)
  canViewAssessmentLevel: [
    ['coordinator@2', [REGIONS.kdl.path], true],
    ['coordinator@11', [REGIONS.kdl.path], true],
    ['coordinator@11', [REGIONS.city.path], false],
    ['clerk@10', [REGIONS.kdl.path], false],
  ],
  canViewAssessment: [
    ['leadUnit@20', [street], true],
    ['coordinator@2', [street], true],
    ['coordinator@30', [street], false],
    ['nobody', [street], false],
  ],
  canAdjustAssessment: [
    ['coordinator@11', [street], true],
    ['coordinator@2', [street], false],
    ['clerk@20', [street], false],
  ],
  // ---- delegation and entrustment (§13.2–§13.5)
  isDelegationKind: [
    ['-', ['delegate'], true],
    ['-', ['entrust'], true],
    ['-', ['cancel'], false],
  ],
  assessmentRefusal: [
    ['-', [noRefusal], null],
    ['-', [null], expect.stringContaining('尚未完成事前调研评估')],
    [
      '-',
      [{ ...noRefusal, cannotCarry: { answer: 'yes', reason: '基层执法人员不足' } }],
      expect.stringContaining('不具备调整下放条件'),
    ],
  ],
  relatedPending: [
    [
      '-',
      [[related('市住建局', 'agree'), related('市应急局', null, '已电话征求'), related('市公安局', null)]],
      [related('市公安局', null)],
    ],
    ['-', [[related('市住建局', 'disagree')]], []],
  ],
  relatedRefusal: [
    ['-', [[related('市住建局', 'conditional'), related('市应急局', null, '已电话征求')]], null],
    ['-', [[related('市住建局', 'agree'), related('市公安局', null)]], expect.stringContaining('市公安局')],
  ],
  answerNeedsReason: [
    ['-', ['agree'], false],
    ['-', ['conditional'], true],
    ['-', ['disagree'], true],
  ],
  trainingNeeds: [
    [
      '-',
      [rb2023, ['CF'], ['执法范围']],
      [expect.objectContaining({ track: 'enforcement', missing: ['执法方式', '执法流程', '处罚裁量权', '救济途径'] })],
    ],
    [
      '-',
      [rb2023, ['XK', 'QZ'], []],
      [expect.objectContaining({ track: 'approval' }), expect.objectContaining({ track: 'enforcement' })],
    ],
    ['-', [rb2023, ['JL'], []], []],
  ],
  knownTopics: [
    [
      '-',
      [rb2023],
      new Set([
        '受理',
        '材料审核',
        '实地踏察',
        '审核验收',
        '裁量权',
        '执法范围',
        '执法方式',
        '执法流程',
        '处罚裁量权',
        '救济途径',
      ]),
    ],
  ],
  trainingRefusal: [
    ['-', [[], 0], expect.stringContaining('尚未对承接部门开展业务培训')],
    ['-', [[], 1], null],
    [
      '-',
      [[{ track: 'enforcement', label: '执法类', citation: '', topics: [], missing: ['执法方式'] }], 2],
      expect.stringContaining('执法方式'),
    ],
  ],
  countRequired: [
    ['-', ['data'], true],
    ['-', ['caseFiles'], true],
    ['-', ['permissions'], false],
  ],
  handoverComplete: [
    ['-', [[handed('permissions'), handed('data'), handed('policyBasis'), handed('caseFiles')]], true],
    ['-', [[handed('permissions'), handed('data'), handed('policyBasis'), handed('caseFiles', false)]], false],
    ['-', [[handed('permissions'), handed('data'), handed('policyBasis')]], false],
  ],
  receivingResponsible: [
    ['-', ['2026-10-01', '2026-10-01', true], true],
    ['-', ['2026-10-01', '2026-09-30', true], false],
    ['-', ['2026-10-01', '2026-10-02', false], false],
  ],
  handoverMissed: [
    ['-', ['2026-10-01', '2026-10-02', false], true],
    ['-', ['2026-10-01', '2026-10-01', false], false],
    ['-', ['2026-10-01', '2026-10-02', true], false],
  ],
  disguisedRetention: [
    [
      '-',
      [[delegatedPower], [{ name: '特种设备使用登记备案', category: 'BA' }]],
      [{ delegated: delegatedPower, proposed: { name: '特种设备使用登记备案', category: 'BA' } }],
    ],
    ['-', [[delegatedPower], [{ name: '特种设备使用登记', category: 'XK' }]], []],
    ['-', [[delegatedPower], [{ name: '燃气经营许可证核准', category: 'XK' }]], []],
  ],
  entrustmentRefusal: [
    ['-', [null, ['XK']], expect.stringContaining('第十三条第3项')],
    ['-', [{ basisLevel: 'law', instrument: false }, ['CF']], expect.stringContaining('书面委托')],
    ['-', [{ basisLevel: 'law', instrument: false }, ['XK']], null],
    ['-', [{ basisLevel: 'regulation', instrument: true }, ['CF']], null],
    ['-', [{ basisLevel: 'law', instrument: true }, ['XK'], null], expect.stringContaining('受委托的行政机关或者')],
    ['-', [{ basisLevel: 'law', instrument: false }, ['JC'], 'organisation'], expect.stringContaining('双方签署')],
    [
      '-',
      [{ basisLevel: 'law', instrument: true }, ['XK'], 'organisation'],
      expect.stringContaining('行政许可法》第二十四条'),
    ],
    ['-', [{ basisLevel: 'law', instrument: true }, ['CF'], 'organisation'], null],
  ],
  reEntrustmentRefusal: [
    [
      '-',
      [
        [{ name: '对发布虚假广告的处罚', category: 'CF', fromBodyName: '包头市市场监督管理局' }],
        [{ name: '对发布虚假广告的处罚', category: 'CF' }],
      ],
      expect.stringContaining('不得再委托'),
    ],
    [
      '-',
      [
        [{ name: '特种设备检查', category: 'JC', fromBodyName: '包头市市场监督管理局' }],
        [{ name: '特种设备检查', category: 'JC' }],
      ],
      null,
    ],
    ['-', [[], [{ name: '对发布虚假广告的处罚', category: 'CF' }]], null],
  ],
  // the workflow roles an actor holds on the application (applicationRoles) → what it may do
  isDelegationApplicant: [
    ['-', [['clerk']], true],
    ['-', [['leadUnit', 'receiver']], true],
    ['-', [['coordinator', 'receiver']], false],
    ['-', [[]], false],
  ],
  delegationApplicantRole: [
    ['-', [['clerk', 'leadUnit']], 'clerk'],
    ['-', [['leadUnit']], 'leadUnit'],
  ],
  canWaiveRelated: [
    ['-', [['coordinator']], true],
    ['-', [['clerk', 'leadUnit', 'approver']], false],
    ['-', [[]], false],
  ],
  canConfirmHandover: [
    ['-', [['receiver']], true],
    ['-', [['clerk', 'leadUnit']], false],
    ['-', [[]], false],
  ],
  canAcknowledgeFiling: [
    ['-', [['coordinator']], true],
    ['-', [['clerk', 'leadUnit', 'receiver']], false],
    ['-', [[]], false],
  ],
  canAnswerRelated: [
    ['leadUnit@30', [30], true],
    ['clerk@30', [30], false],
    ['leadUnit@10', [30], false],
    ['nobody', [30], false],
  ],
  // ---- supervision (§14 ¶2, §16, §17; §4 the joint meeting)
  canViewSupervision: [
    ['clerk@20', [street], true],
    ['coordinator@2', [street], true],
    ['coordinator@11', [qs], false],
    ['clerk@10', [street], false],
    ['nobody', [street], false],
  ],
  // §15 ¶3: the city's office closes and reopens the city's publishing site
  canGuardPortal: [
    ['coordinator@2', [], true],
    ['coordinator@11', [], false],
    ['approver@2', [], false],
    ['nobody', [], false],
  ],
  canViewIntegrity: [
    ['coordinator@2', [], true],
    ['auditor@2', [], true],
    ['secAdmin@2', [], true],
    ['clerk@1', [], false],
    ['nobody', [], false],
  ],
  canSuperviseBody: [
    ['coordinator@11', [street], true],
    ['coordinator@2', [street], false],
    ['coordinator@2', [city], true],
    ['clerk@20', [street], false],
  ],
  canReportRectification: [
    ['leadUnit@10', [kdl], true],
    ['clerk@10', [kdl], true],
    ['clerk@10', [qs], false],
    ['coordinator@11', [kdl], false],
  ],
  canDesignateLeadUnit: [
    ['clerk@30', [qs], true],
    ['clerk@10', [qs], false],
    ['coordinator@2', [qs], false],
    ['nobody', [qs], false],
  ],
  canImportExercise: [
    ['coordinator@2', [REGIONS.kdl.path], true],
    ['coordinator@11', [REGIONS.kdl.path], true],
    ['coordinator@11', [REGIONS.city.path], false],
    ['clerk@10', [REGIONS.kdl.path], false],
    ['nobody', [REGIONS.kdl.path], false],
  ],
  canViewExerciseImport: [
    ['coordinator@2', [REGIONS.qs.path], true],
    ['coordinator@11', [REGIONS.qs.path], false],
    ['leadUnit@10', [REGIONS.kdl.path], false],
  ],
  canManageExerciseSources: [
    ['sysAdmin@2', [REGIONS.kdl.path], true],
    ['sysAdmin@11', [REGIONS.city.path], false],
    ['coordinator@2', [REGIONS.city.path], false],
  ],
  exerciseFactKey: [
    ['-', ['retired', 10, '150203-CF-001', null], 'exercise:retired:10:code:150203-CF-001'],
    ['-', ['notInList', 10, null, '食品经营许可'], 'exercise:notInList:10:name:食品经营许可'],
  ],
  factKey: [
    ['-', [{ kind: 'noLeadUnit', bodyId: 10 }], 'noLeadUnit:10'],
    ['-', [{ kind: 'late', adjustmentId: 3, bodyId: 10 }], 'late:3'],
    ['-', [{ kind: 'delayed', adjustmentId: 3, bodyId: 10, step: 'review' }], 'delayed:3:1:review'],
    ['-', [{ kind: 'late', bodyId: 10 }], null],
  ],
  mayIssueOrder: [
    ['-', ['open'], OK],
    ['-', ['rectifying'], refused('INVALID_STATE')],
  ],
  mayDismiss: [
    ['-', ['open'], OK],
    ['-', ['dismissed'], refused('INVALID_STATE')],
  ],
  mayReport: [
    ['-', ['issued', '2026-10-20', '2026-10-20'], OK],
    ['-', ['issued', '2026-10-20', '2026-10-21'], refused('DEADLINE')],
    ['-', ['reported', '2026-10-20', '2026-10-01'], refused('INVALID_STATE')],
  ],
  mayDecide: [
    ['-', ['reported'], OK],
    ['-', ['issued'], refused('INVALID_STATE')],
  ],
  mayAddEvidence: [
    ['-', ['issued'], OK],
    ['-', ['reported'], refused('INVALID_STATE')],
  ],
  mayDraftReprimand: [
    ['-', ['escalated', false], OK],
    ['-', ['escalated', true], refused('INVALID_STATE')],
    ['-', ['rectifying', false], refused('INVALID_STATE')],
  ],
  mayApproveReprimand: [
    ['-', ['draft', 8, 7], OK],
    ['-', ['draft', 7, 7], refused('SELF_REVIEW')],
    ['-', ['approved', 8, 7], refused('INVALID_STATE')],
  ],
  mayPublishReprimand: [
    ['-', ['approved'], OK],
    ['-', ['draft'], refused('INVALID_STATE')],
  ],
  rectificationDue: [
    [
      '-',
      ['baotou-2023', '2026-09-28', cal],
      expect.objectContaining({ date: cal.addWorkdays('2026-09-28', rectification.amount).date }),
    ],
  ],
  canManageJointMeeting: [
    ['coordinator@11', [REGIONS.kdl.path], true],
    ['coordinator@2', [REGIONS.kdl.path], false],
    ['clerk@10', [REGIONS.kdl.path], false],
  ],
  canViewJointMeeting: [
    ['coordinator@2', [REGIONS.kdl.path], true],
    ['coordinator@11', [REGIONS.city.path], false],
    ['nobody', [REGIONS.kdl.path], false],
  ],
  // ---- scope grammar
  pathWithin: [
    ['-', ['150200/150203', '150200'], true],
    ['-', ['150200', '150200'], true],
    ['-', ['150200/1502031', '150200/150203'], false],
    ['-', ['150200', '150200/150203'], false],
  ],
  hasRole: [
    ['clerk@1', ['clerk'], true],
    ['clerk@1', ['leadUnit'], false],
    ['nobody', ['clerk'], false],
  ],
  scopesOf: [
    ['coordinator@2+coordinator@11', ['coordinator'], ['150200', '150200/150203']],
    ['clerk@1', ['coordinator'], []],
    ['nobody', ['coordinator'], []],
  ],
  roleReachesRegion: [
    ['coordinator@2', ['coordinator', REGIONS.street.path], true],
    ['coordinator@11', ['coordinator', REGIONS.qs.path], false],
    ['coordinator@11', ['coordinator', REGIONS.city.path], false],
    ['none', ['coordinator', REGIONS.city.path], false],
  ],
  grantReaching: [
    ['clerk@1+sysAdmin@2', ['sysAdmin', REGIONS.kdl.path], 'sysAdmin@2'],
    ['sysAdmin@11', ['sysAdmin', REGIONS.qs.path], undefined],
    ['nobody', ['sysAdmin', REGIONS.city.path], undefined],
  ],
  roleAtBody: [
    ['clerk@10', ['clerk', 10], true],
    ['clerk@10', ['clerk', 11], false],
    ['leadUnit@10', ['clerk', 10], false],
  ],
  bodiesWithRole: [
    ['clerk@1+clerk@10+leadUnit@30', ['clerk'], [1, 10]],
    ['leadUnit@30', ['clerk'], []],
    ['nobody', ['clerk'], []],
  ],
  staffedBodies: [
    ['clerk@10+leadUnit@10+leadUnit@30+coordinator@11', [], [10, 30]],
    ['coordinator@2', [], []],
    ['nobody', [], []],
  ],
  officeScopes: [
    ['coordinator@2+approver@11+legalReviewer@11', [], ['150200', '150200/150203']],
    ['clerk@10+leadUnit@30', [], []],
    ['nobody', [], []],
  ],
  officeLevels: [
    ['coordinator@2+approver@11+legalReviewer@11', [], ['150200', '150200/150203']],
    ['coordinator@20+clerk@10', [], []],
    ['nobody', [], []],
  ],
  bodyRoleOf: [
    ['clerk@10+leadUnit@10', [10], 'leadUnit'],
    ['clerk@10', [10], 'clerk'],
    ['clerk@10+coordinator@11', [11], undefined],
    ['nobody', [10], undefined],
  ],
  ownOfficeRegion: [
    ['clerk@1+coordinator@11+coordinator@2', [], '150203'],
    ['approver@2', [], undefined],
    ['nobody', [], undefined],
  ],
  officeLevelPath: [
    ['-', [REGIONS.street.path], REGIONS.kdl.path],
    ['-', [REGIONS.kdl.path], REGIONS.kdl.path],
    ['-', [REGIONS.city.path], REGIONS.city.path],
  ],
  officeGrantFor: [
    ['coordinator@11', ['coordinator', REGIONS.street.path], 'coordinator@11'],
    ['coordinator@2', ['coordinator', REGIONS.street.path], undefined],
    ['legalReviewer@11', ['coordinator', REGIONS.kdl.path], undefined],
  ],
  officeRoleFor: [
    ['approver@11', ['approver', street], true],
    ['approver@2', ['approver', street], false],
    ['approver@11', ['approver', qs], false],
  ],
  // ---- administration (三员分立)
  conflictingAdminRole: [
    ['-', [['sysAdmin'], 'auditor'], 'sysAdmin'],
    ['-', [['clerk', 'sysAdmin'], 'sysAdmin'], undefined],
    ['-', [['sysAdmin'], 'clerk'], undefined],
  ],
  canManageBodies: [
    ['sysAdmin@2', [REGIONS.street.path], true],
    ['sysAdmin@11', [REGIONS.city.path], false],
    ['secAdmin@2', [REGIONS.city.path], false],
    ['nobody', [REGIONS.city.path], false],
  ],
  bodyManagerGrant: [
    ['sysAdmin@11', [REGIONS.street.path], 'sysAdmin@11'],
    ['sysAdmin@11', [REGIONS.qs.path], undefined],
  ],
  canManageUsers: [
    ['sysAdmin@11', [street], true],
    ['sysAdmin@11', [qs], false],
    ['secAdmin@2', [kdl], false],
  ],
  canManageRoles: [
    ['secAdmin@2', [kdl], true],
    ['secAdmin@11', [city], false],
    ['sysAdmin@2', [kdl], false],
  ],
  canManagePolicy: [
    ['secAdmin@11', [], true],
    ['sysAdmin@2', [], false],
    ['nobody', [], false],
  ],
  canReadAudit: [
    ['auditor@2', [], true],
    ['sysAdmin@2', [], false],
    ['nobody', [], false],
  ],
  canReviewAdminChanges: [
    ['auditor@2', [], true],
    ['secAdmin@11', [], true],
    ['coordinator@2', [], false],
    ['nobody', [], false],
  ],
  changeNeedsSecondAdmin: [
    ['-', [['clerk', 'auditor']], true],
    ['-', [['clerk'], 'secAdmin'], true],
    ['-', [['clerk'], 'leadUnit'], false],
    ['-', [[]], false],
  ],
  canSeeAdminChange: [
    ['auditor@11', [REGIONS.street.path], true],
    ['sysAdmin@2', [REGIONS.qs.path], true],
    ['secAdmin@11', [REGIONS.qs.path], false],
    ['coordinator@2', [REGIONS.city.path], false],
    ['nobody', [REGIONS.city.path], false],
  ],
  canConfirmAdminChange: [
    ['secAdmin@2', [{ requestedBy: 8, targetUserId: 9 }, REGIONS.kdl.path], true],
    ['secAdmin@2', [{ requestedBy: 7, targetUserId: 9 }, REGIONS.kdl.path], false],
    ['secAdmin@2', [{ requestedBy: 8, targetUserId: 7 }, REGIONS.kdl.path], false],
    ['secAdmin@11', [{ requestedBy: 8, targetUserId: 9 }, REGIONS.qs.path], false],
    ['nobody', [{ requestedBy: 8, targetUserId: 9 }, REGIONS.kdl.path], false],
  ],
  canViewUser: [
    ['clerk@10', [body(10)], true],
    ['sysAdmin@11', [street], true],
    ['clerk@10', [qs], false],
    ['nobody', [city], false],
  ],
  installationGrant: [
    ['sysAdmin@2', [], 'sysAdmin@2'],
    ['sysAdmin@11', [], undefined],
  ],
  canConfigureInstallation: [
    ['sysAdmin@2', [], true],
    ['sysAdmin@11', [], false],
    ['secAdmin@2', [], false],
    ['nobody', [], false],
  ],
  // ---- open data (issue 14.3, §15 ¶2): webhook consumers
  canManageWebhooks: [
    ['sysAdmin@2', [], true],
    ['coordinator@2', [], true],
    ['coordinator@11', [], false],
    ['sysAdmin@11', [], false],
    ['clerk@1', [], false],
    ['nobody', [], false],
  ],
  // ---- the register (§4, §5, §7, §12, §18)
  canDraftList: [
    ['clerk@10', [kdl], true],
    ['clerk@1', [kdl], false],
    ['leadUnit@10', [kdl], false],
  ],
  canSubmitList: [
    ['leadUnit@10', [kdl], true],
    ['clerk@10', [kdl], false],
  ],
  canPreliminaryReviewList: [
    ['coordinator@11', [street], true],
    ['coordinator@2', [kdl], false],
    ['legalReviewer@11', [kdl], false],
  ],
  legalityReviewRoles: [
    ['-', ['baotou-2023', REGIONS.city.path], ['legalReviewer']],
    ['-', ['baotou-2023', REGIONS.kdl.path], ['coordinator', 'legalReviewer']],
    ['-', ['baotou-2025', REGIONS.kdl.path], ['legalReviewer']],
  ],
  canLegalityReviewList: [
    ['legalReviewer@2', [{ ...city, rulebookId: 'baotou-2023' }], true],
    ['coordinator@2', [{ ...city, rulebookId: 'baotou-2023' }], false],
    ['coordinator@11', [{ ...street, rulebookId: 'baotou-2023' }], true],
    ['coordinator@11', [{ ...kdl, rulebookId: 'baotou-2025' }], false],
  ],
  canPublishList: [
    ['coordinator@2', [cityOffice], true],
    ['coordinator@2', [kdl], false],
    ['approver@2', [city], false],
  ],
  canViewDraft: [
    ['clerk@10', [kdl], true],
    ['approver@11', [street], true],
    ['approver@2', [street], false],
    ['clerk@30', [kdl], false],
  ],
  canManageLegalDocuments: [
    ['coordinator@11', [], true],
    ['legalReviewer@2', [], true],
    ['approver@2', [], false],
    ['nobody', [], false],
  ],
  legalDocumentGrant: [
    ['clerk@1+legalReviewer@2', [], 'legalReviewer@2'],
    ['approver@2', [], undefined],
  ],
  // ---- dynamic adjustment (§12, §13, §14)
  canViewAdjustment: [
    ['clerk@10', [adj(10)], true],
    ['leadUnit@30', [adj(10, 30)], true],
    ['coordinator@2', [adj(20)], true],
    ['coordinator@11', [adj(30)], false],
    ['clerk@1', [adj(10)], false],
    ['nobody', [adj(10)], false],
  ],
  adjustmentRolesOf: [
    ['clerk@10+leadUnit@10', [adj(10)], ['clerk', 'leadUnit']],
    ['coordinator@11+approver@11', [adj(20)], ['coordinator', 'approver']],
    ['coordinator@2', [adj(10)], []],
    ['nobody', [adj(10)], []],
  ],
  actingGrants: [
    [
      '-',
      [['clerk', 'coordinator', 'receiver'], { ...adj(20, 30), receivingBodyId: 30 }],
      { bodyRoles: ['clerk'], bodyId: 20, officeRoles: ['coordinator'], level: REGIONS.kdl.path, receivingBodyId: 30 },
    ],
    [
      '-',
      [['leadUnit', 'approver'], adj(1, 30)],
      {
        bodyRoles: ['leadUnit'],
        bodyId: 1,
        officeRoles: ['approver'],
        level: REGIONS.city.path,
        receivingBodyId: null,
      },
    ],
    [
      '-',
      [[], adj(10)],
      { bodyRoles: [], bodyId: 10, officeRoles: [], level: REGIONS.kdl.path, receivingBodyId: null },
    ],
  ],
  canDraftAdjustment: [
    ['clerk@10', [10], true],
    ['leadUnit@10', [10], false],
    ['clerk@1', [10], false],
  ],
  actsForReceivingBody: [
    ['leadUnit@30', [30], true],
    ['clerk@30', [30], false],
    ['leadUnit@30', [null], false],
  ],
  coordinatorGrants: [
    ['coordinator@2+coordinator@11', [], ['coordinator@2', 'coordinator@11']],
    ['coordinator@2+coordinator@11', ['150203'], ['coordinator@11']],
    ['legalReviewer@2', [], []],
  ],
  canRecordLawChange: [
    ['coordinator@11', ['150203'], true],
    ['coordinator@11', [undefined], true],
    ['coordinator@11', ['150200'], false],
    ['legalReviewer@2', ['150200'], false],
    ['nobody', ['150200'], false],
  ],
  canOpenBatch: [
    ['coordinator@2', [undefined], true],
    ['coordinator@2+coordinator@11', ['150200'], true],
    ['coordinator@2+coordinator@11', [undefined], false],
    ['approver@2', ['150200'], false],
  ],
  // ---- consultations (§12, §15)
  canReadComments: [
    ['coordinator@2', [REGIONS.street.path], true],
    ['coordinator@11', [REGIONS.qs.path], false],
    ['clerk@20', [REGIONS.street.path], false],
  ],
  isApplyingBody: [
    ['clerk@20', [20], true],
    ['leadUnit@20', [20], true],
    ['coordinator@11', [20], false],
  ],
  ownLevelCoordinator: [
    ['coordinator@11', [REGIONS.street.path], 'coordinator@11'],
    ['coordinator@2', [REGIONS.street.path], undefined],
  ],
  canModerate: [
    ['coordinator@11', [REGIONS.street.path], true],
    ['coordinator@2', [REGIONS.street.path], false],
    ['nobody', [REGIONS.street.path], false],
  ],
  // ---- the yearly report (§12 ¶4)
  canReadYearlyReport: [
    ['coordinator@2', [REGIONS.kdl.path], true],
    ['coordinator@11', [REGIONS.city.path], false],
    ['approver@2', [REGIONS.city.path], false],
  ],
  yearlyReportGrant: [
    ['coordinator@2', [REGIONS.kdl.path], 'coordinator@2'],
    ['coordinator@30', [REGIONS.kdl.path], undefined],
  ],
  defaultReportRegion: [
    ['clerk@1+coordinator@11', [], '150203'],
    ['clerk@1', [], undefined],
  ],
  // ---- what the workspace offers
  abilitiesOf: [
    [
      'clerk@10+auditor@2',
      [],
      {
        manageBodies: false,
        manageUsers: false,
        manageRoles: false,
        managePolicy: false,
        readAudit: true,
        draftList: true,
        submitList: false,
        review: false,
        legalReview: false,
        approve: false,
      },
    ],
    ['nobody', [], expect.objectContaining({ manageBodies: false, readAudit: false, draftList: false })],
  ],
};

const fns: Record<string, unknown> = { ...policies };
const exported = Object.entries(fns)
  .filter(([, v]) => typeof v === 'function')
  .map(([k]) => k)
  .sort();

describe('the policy table covers every exported policy', () => {
  it('each function exported by core/policies has rows, and the table names no other', () => {
    const missing = exported.filter((k) => !TABLE[k as PolicyName]?.length);
    expect(missing, 'add rows for these policies').toEqual([]);
    expect(Object.keys(TABLE).sort()).toEqual(exported);
  });

  it('each yes/no policy both allows and denies somewhere (deny by default is a row, not a hope)', () => {
    for (const [name, rows] of Object.entries(TABLE)) {
      const results = rows.map((r) => r[2]);
      if (results.every((x) => typeof x === 'boolean')) {
        expect(results, name).toContain(true);
        expect(results, name).toContain(false);
      }
    }
  });
});

describe('role × action × scope → allowed', () => {
  for (const [name, rows] of Object.entries(TABLE)) {
    it.each(rows)(`${name}: %s %j → %j`, (who, args, expected) => {
      const fn = fns[name] as (...a: unknown[]) => unknown;
      const result = who === '-' ? fn(...args) : fn(actor(who), ...args);
      expect(shown(result)).toEqual(expected);
    });
  }
});
