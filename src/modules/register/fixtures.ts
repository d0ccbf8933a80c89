// Request bodies for register tests: a complete 职权信息表 entry (§6) citing a demo document.
import type { PowerInput } from '../../contract/register.js';

type Body = Omit<PowerInput, 'remarks' | 'status'> & Partial<Pick<PowerInput, 'remarks' | 'status'>>;

export function licencePower(name: string, extra: Partial<Body> = {}): Body {
  return {
    name,
    category: 'XK',
    responsibleSubject: '包头市测试局',
    implementingAgency: '包头市测试局',
    legalBases: [
      { documentName: '《中华人民共和国行政许可法》', article: '第十二条', text: '下列事项可以设定行政许可' },
    ],
    responsibilities: [
      { name: '受理责任', content: '公示应当提交的材料，一次性告知补正材料，依法受理或不予受理。' },
      { name: '审查责任', content: '对申请材料进行审查，提出是否同意的初步意见。' },
      { name: '决定责任', content: '作出行政许可或者不予行政许可决定。' },
    ],
    accountabilityCases: ['对符合法定条件的申请事项不予受理的'],
    accountabilityBasis: '《中华人民共和国行政许可法》第七十二条',
    ...extra,
  };
}

export function penaltyPower(name: string, extra: Partial<Body> = {}): Body {
  return licencePower(name, {
    category: 'CF',
    legalBases: [{ documentName: '《中华人民共和国行政处罚法》', article: '第八条', text: '行政处罚的种类' }],
    responsibilities: [{ name: '立案责任', content: '对发现的违法行为依法立案。' }],
    accountabilityCases: ['没有法定的行政处罚依据的'],
    accountabilityBasis: '《中华人民共和国行政处罚法》第七十六条',
    ...extra,
  });
}
