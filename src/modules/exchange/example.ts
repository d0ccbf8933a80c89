// The template's worked example: 包头市市场监督管理局's 食品经营许可 and one of its 子项, as the
// demo data builds them from data/reference/ (typical-powers.json: 食品安全法 第三十五条
// with its text; responsibility-templates.json: the 行政许可 责任事项, 追责情形 and 追责依据).
// Held in the repository's code so that the template does not read the reference files at run time.
import { RESPONSIBILITY_TEMPLATES } from '../../contract/responsibility-templates.js';
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

// §6 ¶3: the 行政许可 责任事项, 追责情形 and 追责依据 from the shared templates (the workspace offers the same)
const XK = RESPONSIBILITY_TEMPLATES.XK!;
const responsibilities = XK.steps.map((s, i) => ({ order: i + 1, name: s.name, content: s.content }));
const cases = XK.cases;
const accountabilityBasis = XK.basis;

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
