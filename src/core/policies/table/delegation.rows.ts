// The policy table: delegation and entrustment (§13.2–§13.5). Rows: who acts (or '-' for a function of no actor), the other
// arguments, the expected result (world.ts).
import { expect } from 'vitest';
import { delegatedPower, handed, noRefusal, type PolicyName, rb2023, related, type Row } from './world.js';

export const delegationRows: Partial<Record<PolicyName, Row[]>> = {
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
};
