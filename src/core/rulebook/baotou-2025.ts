// Rulebook baotou-2025: 《包头市行政权力清单管理办法》 (2025-11-19), which follows
// 《内蒙古自治区行政权力清单管理办法》 (自治区政府令第275号, in force 2025-07-01).
// '§N' = 第N条 of the 2025 text. Only parts of that text are known to us (第一–六条
// and the city's official 解读); everything else is the 2023 value, marked
// `inherited2023: true`, and its article then cites the 2023 regulation.
import * as y2023 from './baotou-2023.js';
import type { Clock, ProcedureDef, Rulebook, StepDef } from './types.js';

const INTERPRETATION = '解读（https://baotou.gov.cn/zfxxgk/fdzdgknr/fd_zcjd/202512/t20251201_716097.html）';

/** A 2023 step, unchanged, marked as inherited together with its clock. */
function inherit(step: StepDef): StepDef {
  const clock = step.clock && { ...step.clock, inherited2023: true as const };
  return { ...step, inherited2023: true, ...(clock ? { clock } : {}) };
}

// §6 (2025): 法制部门或政府指定的机构 review the legal basis; the 15-day clock is 2023's.
const legalityReview: StepDef = {
  ...y2023.legalityReview,
  article: '§6',
  articleText: '市、县两级法制部门或政府指定的机构负责对本级行政权力事项设定依据的合法性进行审核',
  clock: { ...y2023.legalityReview.clock!, inherited2023: true },
};

// 解读二(三): within 30 days (「日」 = calendar days) after the list is approved (审定),
// the body, with the 政务服务与数据管理部门, claims the items and configures the guides.
// The article number in the 2025 text is not known; the official interpretation is cited.
function thirtyDays(from: 'approved' | 'published'): Clock {
  return {
    amount: 30,
    unit: 'calendarDay',
    kind: 'deadline',
    from,
    article: '解读二(三)',
    articleText:
      '行政权力实施机关应在行政权力清单审定后30日内，会同同级人民政府政务服务与数据管理部门完成行政权力事项认领、办事指南要素配置等工作',
    note:
      from === 'published'
        ? 'Kinds published without a government decision count from publication.'
        : 'Counted from the government decision (审定).',
  };
}

function afterPublication(from: 'approved' | 'published'): StepDef[] {
  return [
    {
      id: 'itemClaim',
      label: '事项认领',
      roles: ['clerk', 'leadUnit'],
      article: '解读二(三)',
      clock: thirtyDays(from),
    },
    {
      id: 'guideConfig',
      label: '办事指南要素配置',
      roles: ['clerk', 'leadUnit'],
      article: '解读二(三)',
      clock: thirtyDays(from),
    },
  ];
}

const intake = [
  [inherit(y2023.draft)],
  [inherit(y2023.submit)],
  [inherit(y2023.preliminaryReview), legalityReview],
  [inherit(y2023.consultation)],
];
const tail = (from: 'approved' | 'published') => [
  [inherit(y2023.platformSync)],
  afterPublication(from),
  [inherit(y2023.filing)],
];

const procedures: Record<string, ProcedureDef> = {
  publishAfterConsultation: {
    id: 'publishAfterConsultation',
    label: '公示期满后公布',
    inherited2023: true,
    stages: [...intake, [inherit(y2023.publishAfterConsultation)], ...tail('published')],
  },
  governmentApproval: {
    id: 'governmentApproval',
    label: '报请政府审定后公布',
    inherited2023: true,
    stages: [
      ...intake,
      [inherit(y2023.reportToGovernment)],
      [inherit(y2023.approval)],
      [inherit(y2023.publishAfterApproval)],
      ...tail('approved'),
    ],
  },
  delegationApproval: {
    id: 'delegationApproval',
    label: '报请政府审定、承接部门确认后公布',
    inherited2023: true,
    stages: [
      ...intake,
      [inherit(y2023.reportToGovernment)],
      [inherit(y2023.approval)],
      [inherit(y2023.receivingConfirm)],
      [inherit(y2023.publishAfterApproval)],
      ...tail('approved'),
    ],
  },
};

export const baotou2025: Rulebook = {
  id: 'baotou-2025',
  label: '2025年办法（包头市行政权力清单管理办法）',
  regulation: {
    title: '《包头市行政权力清单管理办法》',
    issuedOn: '2025-11-19',
    effectiveFrom: null, // not shown in the text available to us
    source: 'https://baotou.gov.cn/zfxxgk/fdzdgknr/fd_zcwj/202512/t20251201_716093.html',
  },
  basis: ['《内蒙古自治区行政权力清单管理办法》（内蒙古自治区人民政府令第275号，2025-07-01起施行）'],
  supersedes: 'baotou-2023',
  // §5 (2025): the 政务服务与数据管理部门 is the day-to-day managing office.
  managingOffice: {
    name: '政务服务与数据管理部门',
    fullName: '本级政务服务与数据管理部门（行政权力清单管理日常协调执行机构）',
    article: '§5',
  },
  roles: {
    clerk: { ...y2023.baotou2023.roles.clerk, inherited2023: true },
    leadUnit: { ...y2023.baotou2023.roles.leadUnit, inherited2023: true },
    coordinator: { label: '政务服务与数据管理部门', article: '§5' },
    legalReviewer: { label: '法制部门', article: '§6' },
    approver: { ...y2023.baotou2023.roles.approver, inherited2023: true },
    receiver: { ...y2023.baotou2023.roles.receiver, inherited2023: true },
  },
  // §3 (2025): eleven kinds of power, in the article's order.
  categoriesArticle: '§3',
  categories: [
    { code: 'XK', label: '行政许可' },
    { code: 'QR', label: '行政确认' },
    { code: 'CJ', label: '行政裁决' },
    { code: 'GF', label: '行政给付' },
    { code: 'JL', label: '行政奖励' },
    { code: 'BA', label: '行政备案' },
    { code: 'JC', label: '行政检查' },
    { code: 'CF', label: '行政处罚' },
    { code: 'QZ', label: '行政强制' },
    { code: 'ZS', label: '行政征收' },
    { code: 'QT', label: '其他行政权力' },
  ],
  // The 2025 text "细化了调整行政权力清单的具体情形" (解读二(二)); the details are not
  // known to us, so kinds, their paths and the triggers are 2023's.
  adjustmentKinds: y2023.baotou2023.adjustmentKinds.map((k) => ({ ...k, inherited2023: true as const })),
  triggerKinds: y2023.baotou2023.triggerKinds.map((t) => ({ ...t, inherited2023: true as const })),
  // §6 (2025): 市、县两级法制部门或政府指定的机构 — the legal office at every level (a
  // 苏木乡镇·街道 body is served by its 县级 offices); 政府指定的机构 is not designated to us.
  stepRolesByLevel: [
    {
      step: 'legalityReview',
      article: '§6',
      articleText: '市、县两级法制部门或政府指定的机构负责对本级行政权力事项设定依据的合法性进行审核',
      roles: { city: ['legalReviewer'], county: ['legalReviewer'], township: ['legalReviewer'] },
    },
  ],
  procedures,
  // 解读二(二): the 2025 rules distinguish 集中调整 and 个别调整. Their procedural
  // differences are not known to us: both follow the same (inherited) steps.
  batchKinds: [
    { id: 'batch', label: '集中调整', article: '解读二(二)', note: INTERPRETATION },
    { id: 'single', label: '个别调整', article: '解读二(二)', note: INTERPRETATION },
  ],
  periodicDuties: y2023.baotou2023.periodicDuties.map((d) => ({ ...d, inherited2023: true as const })),
  periodRules: y2023.civilCodePeriodRules,
  temporaryLicense: { ...y2023.temporaryLicense2023, inherited2023: true },
  supervision: { ...y2023.supervision2023, inherited2023: true },
  assessment: { ...y2023.assessment2023, inherited2023: true },
  feedback: {
    ...y2023.feedback2023,
    answer: { ...y2023.feedback2023.answer, inherited2023: true },
    inherited2023: true,
  },
  delegation: {
    ...y2023.delegation2023,
    relatedBodyClock: { ...y2023.delegation2023.relatedBodyClock, inherited2023: true },
    trainingTracks: y2023.delegation2023.trainingTracks.map((t) => ({ ...t, inherited2023: true as const })),
    inherited2023: true,
  },
};
