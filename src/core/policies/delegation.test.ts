// §13.2–§13.5 as pure rules: the three refusals, the related bodies, the training topics per
// category, the handover date, and what the 明放暗不放 watch flags.
import { describe, expect, it } from 'vitest';
import { getRulebook } from '../rulebook/index.js';
import {
  assessmentRefusal,
  disguisedRetention,
  handoverMissed,
  receivingResponsible,
  relatedRefusal,
  trainingNeeds,
  trainingRefusal,
} from './delegation.js';

const no = { answer: 'no' as const, reason: '不存在' };
const rb = getRulebook('baotou-2023');

describe('§13.2 ¶1 三不放', () => {
  it('no assessment, or any refusal answered yes, blocks submission, naming the refusal', () => {
    expect(assessmentRefusal(null)).toContain('尚未完成事前调研评估');
    expect(assessmentRefusal({ unlawful: no, policyRisk: no, cannotCarry: no })).toBeNull();
    const m = assessmentRefusal({ unlawful: no, policyRisk: { answer: 'yes', reason: '有' }, cannotCarry: no });
    expect(m).toContain('下放后存在政策风险的不放');
    expect(m).not.toContain('违反法律法规的不放');
  });
});

describe('§13.2 ¶2 关联部门', () => {
  it('waits for every body that neither answered nor was waived', () => {
    expect(relatedRefusal([{ bodyName: '甲局', answer: 'agree', waivedReason: null }])).toBeNull();
    expect(relatedRefusal([{ bodyName: '乙局', answer: null, waivedReason: '不涉及' }])).toBeNull();
    expect(relatedRefusal([{ bodyName: '丙局', answer: null, waivedReason: null }])).toContain('丙局');
  });
});

describe('§13.4 业务培训', () => {
  it('a 许可 needs the 审批审核备案类 topics, a 处罚 the 执法类 ones, a 奖励 none by name', () => {
    expect(trainingNeeds(rb, ['XK'], ['受理'])).toEqual([
      expect.objectContaining({ label: '审批审核备案类', missing: ['材料审核', '实地踏察', '审核验收', '裁量权'] }),
    ]);
    expect(trainingNeeds(rb, ['CF'], [])[0]!.topics).toEqual([
      '执法范围',
      '执法方式',
      '执法流程',
      '处罚裁量权',
      '救济途径',
    ]);
    expect(trainingNeeds(rb, ['JL'], [])).toEqual([]);
    expect(trainingRefusal([], 0)).toContain('尚未对承接部门开展业务培训');
    expect(trainingRefusal([], 1)).toBeNull();
  });
});

describe('§13.5 移交与明放暗不放', () => {
  it('the delegating body answers until the date, a passed date without handover is missed', () => {
    expect(receivingResponsible('2026-11-20', '2026-11-19', true)).toBe(false);
    expect(receivingResponsible('2026-11-20', '2026-11-20', true)).toBe(true);
    expect(handoverMissed('2026-11-20', '2026-11-21', false)).toBe(true);
    expect(handoverMissed('2026-11-20', '2026-11-20', false)).toBe(false);
  });

  it('a 备案 or 核准 on a delegated matter is flagged; another matter, or a plain power, is not', () => {
    const delegated = [{ adjustmentId: 1, code: 'X1', name: '特种设备安装改造维修许可' }];
    expect(disguisedRetention(delegated, [{ name: '特种设备安装改造维修备案', category: 'BA' }])).toHaveLength(1);
    expect(disguisedRetention(delegated, [{ name: '特种设备安装改造维修核准', category: 'QT' }])).toHaveLength(1);
    expect(disguisedRetention(delegated, [{ name: '广告发布登记备案', category: 'BA' }])).toHaveLength(0);
    expect(disguisedRetention(delegated, [{ name: '特种设备安装改造维修检查', category: 'JC' }])).toHaveLength(0);
  });
});
