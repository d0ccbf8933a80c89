// Rulebook baotou-2023: 《包头市政府工作部门权责清单动态管理办法》 (2023-02-22),
// docs/regulation.zh.txt. '§N' = 第N条, '§13.1' = 第十三条第1项.
// Data only: every number here is quoted from the article it cites.
import type {
  PerformanceReviewRules,
  DelegationRules,
  FeedbackRules,
  PeriodRules,
  ProcedureDef,
  Rulebook,
  StepDef,
  SupervisionRules,
  TemporaryLicenseRule,
} from './types.js';

// §4: the body (职权行使机构) puts forward its own adjustments; §13.1: in writing,
// stating reasons, legal basis, 下级承接情况 and special notes, with attachments.
export const draft: StepDef = {
  id: 'draft',
  label: '起草调整申请',
  roles: ['clerk'],
  article: '§13.1',
  articleText: '调整申请中应载明拟调整行政权力事项的理由、依据、下级承接情况、需要特别说明情况等内容，并附相关依据',
};

// §12 (and §13.1): file within 15 working days of the trigger; §14: the lead unit files.
export const submit: StepDef = {
  id: 'submit',
  label: '报送调整申请',
  roles: ['leadUnit'],
  article: '§12',
  clock: {
    amount: 15,
    unit: 'workday',
    kind: 'deadline',
    from: 'triggerDate',
    article: '§12',
    articleText: '应当在……生效、职责调整确定或修改事由发生之日起15个工作日内……向本级协调小组办公室提出申请意见',
    note: '§13.1 repeats the same 15 working days (在15个工作日内向本级协调小组办公室提出书面调整申请).',
  },
};

// §12: review within 15 working days of receipt. The office's preliminary review and
// the legal office's legality review (§5) run side by side on the same clock.
const reviewClock = {
  amount: 15,
  unit: 'workday',
  kind: 'deadline',
  from: 'submitted',
  article: '§12',
  articleText: '应当自收到调整权责清单申请之日起15个工作日内提出审核意见并进行合法性审查',
} as const;

export const preliminaryReview: StepDef = {
  id: 'preliminaryReview',
  label: '初步审核',
  roles: ['coordinator'],
  article: '§12',
  clock: reviewClock,
};

export const legalityReview: StepDef = {
  id: 'legalityReview',
  label: '合法性审查',
  roles: ['legalReviewer'],
  article: '§12',
  articleText:
    '本级协调小组办公室或本级人民政府法制机构应当自收到调整权责清单申请之日起15个工作日内提出审核意见并进行合法性审查',
  clock: reviewClock,
};

// §12: public consultation on the government portal, at least 5 (calendar) days.
export const consultation: StepDef = {
  id: 'consultation',
  label: '公开征求意见',
  roles: ['coordinator'],
  article: '§12',
  clock: {
    amount: 5,
    unit: 'calendarDay',
    kind: 'minimumDuration',
    from: 'consultationOpened',
    article: '§12',
    articleText: '通过政府门户网站向社会公开征求意见，公开征求意见的期限不少于5日',
  },
};

// §12: add and modify are published once the consultation period has ended.
export const publishAfterConsultation: StepDef = {
  id: 'publish',
  label: '公布',
  roles: ['coordinator'],
  article: '§12',
  articleText: '申请增加行政权力或修改权责清单要素内容的，公示期满后由本级协调小组办公室通过本级政府门户网站予以公布',
};

// §12: cancel and delegate go to the government within 15 working days after the consultation.
export const reportToGovernment: StepDef = {
  id: 'reportToGovernment',
  label: '报请政府审定',
  roles: ['coordinator'],
  article: '§12',
  clock: {
    amount: 15,
    unit: 'workday',
    kind: 'deadline',
    from: 'consultationEnded',
    article: '§12',
    articleText: '申请取消或下放行政权力的，公示期满后由本级协调小组办公室在15个工作日内报请政府审定',
  },
};

// §12, §13.1: the government approves and issues a normative document (its number is recorded).
export const approval: StepDef = {
  id: 'approval',
  label: '政府审定',
  roles: ['approver'],
  article: '§13.1',
  articleText: '报请本级政府审定并制发规范性文件',
  requires: ['normativeDocumentNumber'],
};

// §13(五): the receiving body (承接部门) confirms that it takes over the decided power before the
// lists switch; a delegated power enters its list only then. One step of the receiving body's, by
// its lead unit (§14). It does not wait for the handover: §13.5 sets the handover on a date of its
// own (时间结点), which may fall after publication; training (§13.4) and the checklist
// (办理权限、信息数据、政策依据、办理卷宗) gate the handover, the delegating body stays responsible
// until it is complete, and a missed date is a finding (src/modules/delegation).
export const receivingConfirm: StepDef = {
  id: 'receivingConfirm',
  label: '承接确认',
  roles: ['receiver'],
  article: '§13.5',
  articleText: '放权部门要切实做好与承接部门的权力移交，防止出现监管真空',
  requires: ['duplicatesResolved'],
};

// §12: after approval the office publishes the list on the portal.
export const publishAfterApproval: StepDef = {
  id: 'publish',
  label: '公布',
  roles: ['coordinator'],
  article: '§12',
  articleText: '经本级政府批准同意后的权责清单由本级协调小组办公室通过本级政府门户网站予以公布',
};

// §13.1: the body updates the regional item platform and the city platform within
// 5 working days. Counted from publication, for every kind: the platforms must match
// the published list, and add/modify have no approval to count from.
export const platformSync: StepDef = {
  id: 'platformSync',
  label: '更新自治区事项管理平台和全市权责清单管理平台',
  roles: ['clerk', 'leadUnit'],
  article: '§13.1',
  clock: {
    amount: 5,
    unit: 'workday',
    kind: 'deadline',
    from: 'published',
    article: '§13.1',
    articleText: '放权部门在5个工作日内，通过自治区事项管理平台和全市权责清单管理平台调整本部门事项',
    note: '§13.1 places this after the government decision; we count from publication so that one rule serves every kind.',
  },
};

// §12: the body tells lower-level bodies and files a record with the office (及时: no number).
export const filing: StepDef = {
  id: 'filing',
  label: '告知下级并备案',
  roles: ['leadUnit', 'clerk'],
  article: '§12',
  articleText: '职权行使机构应及时将其权责清单动态调整情况告知下级相关部门，并向本级协调小组办公室进行备案',
};

const intake: readonly (readonly StepDef[])[] = [
  [draft],
  [submit],
  [preliminaryReview, legalityReview],
  [consultation],
];

const procedures: Record<string, ProcedureDef> = {
  publishAfterConsultation: {
    id: 'publishAfterConsultation',
    label: '公示期满后公布',
    stages: [...intake, [publishAfterConsultation], [platformSync], [filing]],
  },
  governmentApproval: {
    id: 'governmentApproval',
    label: '报请政府审定后公布',
    stages: [...intake, [reportToGovernment], [approval], [publishAfterApproval], [platformSync], [filing]],
  },
  // §13(二)–(五): a 下放 or 委托 goes the government's way and is handed over to the receiving
  // body, which confirms before the power is published in its hands.
  delegationApproval: {
    id: 'delegationApproval',
    label: '报请政府审定、承接部门确认后公布',
    stages: [
      ...intake,
      [reportToGovernment],
      [approval],
      [receivingConfirm],
      [publishAfterApproval],
      [platformSync],
      [filing],
    ],
  },
};

// Not in the regulation: the general rule on periods, used where it is silent.
export const civilCodePeriodRules: PeriodRules = {
  calendarDeadlineOnRestDay: 'nextWorkday',
  article: '民法典第二百零一条、第二百零三条',
  articleText:
    '开始的当日不计入，自下一日开始计算；期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日',
};

// §12 names only cancel and delegate as needing government approval. Merge and split
// cancel existing powers (old codes retire, §11.4) and entrustment hands a power to
// another body like a delegation (§13.2 treats 委托、下放 together), so they take the
// stricter path: more review is always lawful, publishing without approval might not be.
// §7: a 临时性行政许可 is valid one year. The 60-day warning is the platform's choice (issue 3),
// not the regulation's: long enough for a §12 adjustment (15 + 15 working days) to finish.
export const temporaryLicense2023: TemporaryLicenseRule = {
  validity: { years: 1 },
  warningDays: 60,
  article: '§7',
  articleText: '有效期一年的临时性行政许可',
  note: 'warningDays: platform setting, sized to fit a §12 adjustment before the basis lapses.',
};

// §13.2 ¶2 asks related bodies 同步 (at the same time) and names no period; §13.4 names the
// training topics for 审批审核备案类 powers and for 执法 staff.
export const delegation2023: DelegationRules = {
  relatedBodyClock: {
    amount: 15,
    unit: 'workday',
    kind: 'deadline',
    from: 'relatedConsulted',
    article: '§13.2',
    articleText: '同步征求关联部门意见，同步协调下放行政权力或审批权限',
    note: 'platform setting: the article gives no period; 15 working days, the §12 review period the answers run alongside.',
  },
  trainingTracks: [
    {
      id: 'approval',
      label: '审批审核备案类',
      categories: ['XK', 'QR', 'BA'],
      topics: ['受理', '材料审核', '实地踏察', '审核验收', '裁量权'],
      article: '§13.4',
      articleText: '对审批审核备案类事项，重点对事项受理、材料审核、实地踏察、审核验收及裁量权方面开展培训',
      note: 'categories: 行政许可, 行政确认 and 备案 are the approval, review and filing kinds (platform reading).',
    },
    {
      id: 'enforcement',
      label: '执法类',
      categories: ['CF', 'QZ', 'JC'],
      topics: ['执法范围', '执法方式', '执法流程', '处罚裁量权', '救济途径'],
      article: '§13.4',
      articleText: '对执法人员……重点对执法范围、执法方式、执法流程、处罚裁量权和救济途径等内容开展培训',
      note: 'categories: 行政处罚, 行政强制 and 行政检查 are exercised by enforcement staff (platform reading).',
    },
  ],
};

// §16 督促整改 / §17 责令整改: the regulation sets no period for a rectification. 20 working days
// is the platform's choice (issue 12): long enough to file an overdue application (§12: 15).
export const supervision2023: SupervisionRules = {
  rectification: {
    amount: 20,
    unit: 'workday',
    kind: 'deadline',
    from: 'rectificationOrdered',
    article: '§16',
    articleText: '不按规定时限提出权责清单调整意见的，协调小组办公室应督促整改',
    note: 'amount: platform setting; the regulation names no rectification period.',
  },
};

// §5, §16 ¶1: the office assesses how each body keeps its list; the regulation sets no weights, so
// every weight and cap below is a platform setting (issue 12 item 3), each term naming the article
// that makes its fact a duty. 100 points less capped deductions; an accepted rectification gives back.
const SETTING = 'weight and cap: platform setting; the regulation sets none.';
export const assessment2023: PerformanceReviewRules = {
  base: 100,
  note: 'score = clamp(100 − Σ min(cap, weight × measure), 0, 100); rate terms measure missed percentage points.',
  terms: [
    {
      fact: 'filingOnTimeRate',
      label: '按时报送率',
      measure: 'rate',
      weight: 0.2,
      cap: 20,
      article: '§12',
      note: SETTING,
    },
    {
      fact: 'stepOnTimeRate',
      label: '环节按时办理率',
      measure: 'rate',
      weight: 0.1,
      cap: 10,
      article: '§12',
      note: SETTING,
    },
    { fact: 'lateFindings', label: '迟报', measure: 'count', weight: 3, cap: 15, article: '§14', note: SETTING },
    { fact: 'delayedFindings', label: '缓报', measure: 'count', weight: 2, cap: 10, article: '§14', note: SETTING },
    { fact: 'missingFindings', label: '漏报', measure: 'count', weight: 5, cap: 20, article: '§16', note: SETTING },
    {
      fact: 'otherFindings',
      label: '擅自增加或更改职权等其他问题',
      measure: 'count',
      weight: 3,
      cap: 15,
      article: '§16',
      note: SETTING,
    },
    {
      fact: 'rectificationsAccepted',
      label: '整改验收通过',
      measure: 'count',
      weight: -1,
      cap: 5,
      article: '§16',
      note: SETTING,
    },
    {
      fact: 'rectificationsFailed',
      label: '整改不通过或逾期',
      measure: 'count',
      weight: 5,
      cap: 20,
      article: '§16',
      note: SETTING,
    },
    {
      fact: 'complaintsSubstantiated',
      label: '投诉举报查实',
      measure: 'count',
      weight: 3,
      cap: 15,
      article: '§15',
      note: SETTING,
    },
    { fact: 'reprimands', label: '通报批评', measure: 'count', weight: 10, cap: 30, article: '§16', note: SETTING },
    {
      fact: 'dispositionRate',
      label: '公众意见答复率',
      measure: 'rate',
      weight: 0.1,
      cap: 10,
      article: '§12',
      note: SETTING,
    },
  ],
};

// §15 sets no period for answering the public. 15 working days is the platform's choice (issue
// 12), the same span as the §12 reviews and well inside the 60 days of 《信访工作条例》第三十二条.
export const feedback2023: FeedbackRules = {
  answer: {
    amount: 15,
    unit: 'workday',
    kind: 'deadline',
    from: 'feedbackReceived',
    article: '§15',
    articleText: '收集整理公民、法人或其他组织的意见和建议，进行研究论证，吸收采纳合理内容',
  },
  reminderWorkdays: 3,
  note: 'amount and reminderWorkdays: platform settings; §15 names no period (《信访工作条例》第三十二条: 60日内办结).',
};

// §11 lists the causes to cancel, delegate or modify (and §11.4 to merge or split); §13.1 names
// entrustment (上级政府委托) among the same causes.
const ELEVEN = ['cancel', 'delegate', 'modify', 'merge', 'split', 'entrust', 'takeBack'] as const;

const approvalNote =
  '§12 requires approval for cancel/delegate only; this kind also takes that path (stricter reading).';

export const baotou2023: Rulebook = {
  id: 'baotou-2023',
  label: '2023年办法（包头市政府工作部门权责清单动态管理办法）',
  regulation: {
    title: '《包头市政府工作部门权责清单动态管理办法》',
    issuedOn: '2023-02-22',
    effectiveFrom: '2023-02-22', // §19: 自公布之日起施行
    source: 'docs/regulation.zh.txt',
  },
  basis: ['《内蒙古自治区行政权力监督管理办法》（内蒙古自治区人民政府令第208号）'],
  supersedes: null,
  managingOffice: {
    name: '协调小组办公室',
    fullName: '推进政府职能转变和“放管服”改革协调小组办公室',
    article: '§4',
  },
  roles: {
    clerk: { label: '部门经办人', article: '§4', note: '§4: 职权行使机构负责提出本机构权责清单及其调整意见' },
    leadUnit: { label: '部门牵头机构', article: '§14' },
    coordinator: { label: '协调小组办公室', article: '§4' },
    legalReviewer: { label: '法制机构', article: '§5' },
    approver: { label: '本级人民政府', article: '§12' },
    receiver: {
      label: '承接部门',
      article: '§13.5',
      note: 'the receiving body of a 下放 or 委托, acting through its 牵头机构 (§14)',
    },
  },
  // §6: the ten categories, in the article's order.
  categoriesArticle: '§6',
  categories: [
    { code: 'XK', label: '行政许可' },
    { code: 'CF', label: '行政处罚' },
    { code: 'QZ', label: '行政强制' },
    { code: 'ZS', label: '行政征收' },
    { code: 'GF', label: '行政给付' },
    { code: 'JC', label: '行政检查' },
    { code: 'QR', label: '行政确认' },
    { code: 'JL', label: '行政奖励' },
    { code: 'CJ', label: '行政裁决' },
    { code: 'QT', label: '其他' },
  ],
  // §9: add, cancel, delegate, modify; §11.4: merge, split; §13.3: entrust.
  adjustmentKinds: [
    { kind: 'add', label: '增加', article: '§9', procedure: 'publishAfterConsultation' },
    { kind: 'cancel', label: '取消', article: '§9', procedure: 'governmentApproval' },
    { kind: 'delegate', label: '下放', article: '§9', procedure: 'delegationApproval' },
    { kind: 'modify', label: '修改要素', article: '§9', procedure: 'publishAfterConsultation' },
    { kind: 'merge', label: '合并', article: '§11.4', procedure: 'governmentApproval', note: approvalNote },
    { kind: 'split', label: '分设', article: '§11.4', procedure: 'governmentApproval', note: approvalNote },
    { kind: 'entrust', label: '委托', article: '§13.3', procedure: 'delegationApproval', note: approvalNote },
    // §13.3: the entrusting body answers for the entrusted power, so it may take it back; the
    // regulation names no procedure for that, so it takes the entrustment's own (stricter) path
    // without a receiving body's confirmation (the power comes home).
    { kind: 'takeBack', label: '收回委托', article: '§13.3', procedure: 'governmentApproval', note: approvalNote },
  ],
  // §10 (reasons to add) and §11 (reasons to cancel, delegate or modify); each cause justifies
  // only the kinds its article names (§10 → 增加; §11 → 取消、下放、修改, §11.4 合并、分设).
  triggerKinds: [
    { kind: 'lawIssued', label: '法律、法规、规章或规范性文件颁布', articles: ['§10.1'], adjustmentKinds: ['add'] },
    {
      kind: 'lawRevised',
      label: '法律、法规、规章或规范性文件修订',
      articles: ['§10.1', '§11.1'],
      adjustmentKinds: ['add', ...ELEVEN],
    },
    { kind: 'lawRepealed', label: '法律、法规、规章或规范性文件废止', articles: ['§11.1'], adjustmentKinds: ELEVEN },
    {
      kind: 'higherDelegation',
      label: '上级政府下放行政权力',
      articles: ['§10.2', '§11.2'],
      adjustmentKinds: ['add', ...ELEVEN],
    },
    { kind: 'higherCancellation', label: '上级、本级政府确定取消', articles: ['§11.2'], adjustmentKinds: ELEVEN },
    { kind: 'dutyAdjustment', label: '职责调整', articles: ['§10.3', '§11.3'], adjustmentKinds: ['add', ...ELEVEN] },
    { kind: 'mergeSplit', label: '行政权力合并、分设', articles: ['§11.4'], adjustmentKinds: ['merge', 'split'] },
    { kind: 'other', label: '其他情形', articles: ['§10.4', '§11.5'], adjustmentKinds: ['add', ...ELEVEN] },
  ],
  // §5, §12, §13.1: 由协调小组办公室或本级人民政府法制机构 — the regulation lets each level use
  // either office. The city keeps the legality review with its legal office; a 旗县区 (and a
  // 苏木乡镇·街道 body, whose 旗县区 offices serve it, §18) may have it done by either.
  stepRolesByLevel: [
    {
      step: 'legalityReview',
      article: '§5',
      articleText: '由协调小组办公室或本级人民政府法制机构负责同级行政机关权责清单的合法性审查',
      roles: {
        city: ['legalReviewer'],
        county: ['legalReviewer', 'coordinator'],
        township: ['legalReviewer', 'coordinator'],
      },
      note: "Which office each level uses is the installation's choice within §5; change this data, not code.",
    },
  ],
  procedures,
  batchKinds: [], // the 2023 regulation knows only single applications
  periodicDuties: [
    {
      id: 'yearlyReport',
      label: '年度动态调整情况报告',
      roles: ['coordinator'],
      article: '§12',
      articleText: '协调小组办公室按年度向本级协调小组报告权责清单动态调整情况',
    },
  ],
  periodRules: civilCodePeriodRules,
  temporaryLicense: temporaryLicense2023,
  feedback: feedback2023,
  supervision: supervision2023,
  delegation: delegation2023,
  assessment: assessment2023,
};
