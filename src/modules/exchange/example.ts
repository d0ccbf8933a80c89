// The template's worked example: 包头市市场监督管理局's 食品经营许可 and one of its 子项, as the
// demo data builds them from data/reference/ (typical-powers.json: 食品安全法 第三十五条
// with its text; responsibility-templates.json: the 行政许可 责任事项, 追责情形 and 追责依据).
// Copied here so that the template does not depend on the reference files at run time.
import type { StoredPower } from './row-codec.js';

const BODY = '包头市市场监督管理局';

const basis = [
  {
    documentName: '《中华人民共和国食品安全法》',
    level: '法律',
    article: '第三十五条',
    text: '从事食品生产、食品销售、餐饮服务，应当依法取得许可。',
  },
];

const responsibilities = [
  {
    order: 1,
    name: '受理责任',
    content: '公示应当提交的材料；一次性告知补正材料；依法受理或不予受理（不予受理应当告知理由）。',
  },
  {
    order: 2,
    name: '审查责任',
    content:
      '对书面材料进行审查，提出是否同意的初步意见；告知申请人、利害相关人享有听证权利；涉及公共利益的重大许可，向社会公告并举行听证。',
  },
  { order: 3, name: '决定责任', content: '作出行政许可或者不予行政许可决定，法定告知（不予许可的应当书面告知理由）。' },
  { order: 4, name: '送达责任', content: '准予许可的制发送达审批决定。' },
  { order: 5, name: '事后监管责任', content: '对审批后的相关事宜实施监督管理。' },
  { order: 6, name: '其他责任', content: '其他法律法规规章文件规定应履行的责任。' },
];

const cases = [
  '对符合法定条件的申请事项不予受理或者对不符合法定条件的申请事项予以受理的',
  '在受理、审查、决定行政许可过程中，未向申请人、利害关系人履行法定告知义务的',
  '申请材料不齐全或者不符合法定形式，不一次性告知申请人必须补正的全部内容的',
  '未依法说明不予受理行政许可申请或者不予行政许可的理由的',
  '依法应当举行听证而不举行听证的',
  '对不符合法定条件的申请人准予行政许可或者超越法定职权作出准予行政许可决定的',
  '对符合法定条件的申请人不予行政许可或者不在法定期限内作出准予行政许可决定的',
  '擅自收费或者不按照法定项目和标准收费，截留、挪用、私分或者变相私分实施行政许可依法收取的费用的',
  '办理行政许可、实施监督检查，索取或者收受他人财物或者谋取其他利益的',
  '其他违反法律法规规章文件规定的行为',
];

const accountabilityBasis = [
  '《中华人民共和国行政许可法》第七十二条：行政机关及其工作人员违反本法的规定，有下列情形之一的，由其上级行政机关或者监察机关责令改正；……',
  '《中华人民共和国行政许可法》第七十三条：行政机关工作人员办理行政许可、实施监督检查，索取或者收受他人财物或者谋取其他利益，构成犯罪的，依法追究刑事责任；尚不构成犯罪的，依法给予行政处分。',
].join('\n');

const common = {
  category: 'XK',
  responsible_subject: BODY,
  implementing_agency: BODY,
  legal_bases: basis,
  responsibilities,
  accountability_cases: cases,
  accountability_basis: accountabilityBasis,
  status: 'active',
};

/**
 * Two rows: a new 主项 (code left empty, issued on import) and a new 子项 under it
 * ('子项' = the nearest 主项 above).
 */
export const EXAMPLE_ROWS: { power: StoredPower; kind: string }[] = [
  { kind: '主项', power: { ...common, code: '', parent_code: null, name: '食品经营许可', remarks: '' } },
  {
    kind: '子项',
    power: {
      ...common,
      code: '',
      parent_code: null,
      name: '食品经营许可（新办）',
      remarks: '新增子项：权力编码留空，导入时在所属主项下自动编号',
    },
  },
];
