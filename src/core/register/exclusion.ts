// Exclusion screening (spec §2; regulation 第八条). 第八条 keeps three kinds of power out of
// the list; this module flags entries that look like one of them, with the clause and a
// Chinese reason. A flag is advice: the coordination office may override it with a note.
// 第八条第4项 (其他不应列入的事项) has no recognisable wording and is not screened.
//
// The rules are written to avoid flagging ordinary powers: a name that describes action
// against someone else's conduct (对……的处罚, 对违反……, 未按……) is an enforcement power, so
// 制定/编制/内部 inside it (对违反规划许可的处罚, 对未建立内部管理制度的处罚) is not abstract
// or internal management.

export type ExclusionClause = '§8.1' | '§8.2' | '§8.3';

export interface ExclusionFlag {
  clause: ExclusionClause;
  /** The §8 example the entry resembles, e.g. 规划编制. */
  keyword: string;
  /** The text that matched, e.g. 编制全市国土空间总体规划. */
  matched: string;
  /** Chinese reason shown to the clerk and the coordination office. */
  reason: string;
  field: 'name' | 'description';
}

export interface ScreenInput {
  name: string;
  description?: string | null;
}

const REASON: Record<ExclusionClause, string> = {
  '§8.1': '第八条第1项：政策制定、规划编制、标准制定、政策调研等抽象管理职权不列入权责清单',
  '§8.2': '第八条第2项：人事任免等部门内部管理职权不列入权责清单',
  '§8.3': '第八条第3项：行政复议、加处罚款、申投诉处理等政府部门共性职权不列入权责清单',
};
const LABEL: Record<ExclusionClause, string> = {
  '§8.1': '抽象管理职权',
  '§8.2': '部门内部管理职权',
  '§8.3': '政府部门共性职权',
};

interface Rule {
  clause: ExclusionClause;
  keyword: string;
  patterns: RegExp[];
  /** Skip when the power's name describes enforcement against others' conduct. */
  skipForEnforcement: boolean;
}

// Up to n characters within one clause of text (no punctuation in between).
const GAP = (n: number) => `[^，。；、,;：:（）()]{0,${n}}`;

const RULES: Rule[] = [
  // §8.1: abstract management powers — 政策制定 and close variants (制定/拟订/起草……政策)
  {
    clause: '§8.1',
    keyword: '政策制定',
    patterns: [/政策(?:的)?制定/, new RegExp(`(?:制定|拟订|拟定|起草|研究出台)${GAP(12)}政策`)],
    skipForEnforcement: true,
  },
  // §8.1: 规划编制 and 编制/拟订……规划; not 规划许可 etc., not 规划编制单位资质 (a licence of others)
  {
    clause: '§8.1',
    keyword: '规划编制',
    patterns: [
      /规划(?:的)?(?:编制|修编|编修)(?!单位|机构|资质|人员)/,
      new RegExp(`(?:编制|修编|拟订|拟定|起草)${GAP(12)}规划(?!许可|条件|核实|选址|用地|编制单位)`),
    ],
    skipForEnforcement: true,
  },
  // §8.1: 标准制定 and 制定/制修订……标准
  {
    clause: '§8.1',
    keyword: '标准制定',
    patterns: [
      /标准(?:的)?(?:制定|制修订|制订)(?!单位|机构)/,
      new RegExp(`(?:制定|制订|制修订|拟订|起草)${GAP(10)}标准`),
    ],
    skipForEnforcement: true,
  },
  // §8.1: 政策调研 / 政策研究 / 调研……政策
  {
    clause: '§8.1',
    keyword: '政策调研',
    patterns: [/政策(?:调研|研究)/, new RegExp(`(?:调研|调查研究)${GAP(8)}政策`)],
    skipForEnforcement: true,
  },
  // §8.2: internal management — 人事任免 / 干部任免 and other appointments
  {
    clause: '§8.2',
    keyword: '人事任免',
    patterns: [/(?:人事|干部|人员|职务|工作人员)?任免/],
    skipForEnforcement: true,
  },
  // §8.2: other internal management (内部管理, 机关人事/财务管理, 干部管理)
  {
    clause: '§8.2',
    keyword: '内部管理',
    patterns: [
      /内部(?:管理|事务|人事|财务|考核|行政|运转)/,
      /机关(?:人事|财务|后勤|党建|资产|事务)(?:管理)?/,
      /干部(?:管理|考核|调配|选拔)/,
      /人事(?:管理|调配|档案管理)/,
    ],
    skipForEnforcement: true,
  },
  // §8.3: common powers — 行政复议 (and 行政应诉, its companion common duty)
  { clause: '§8.3', keyword: '行政复议', patterns: [/行政复议/], skipForEnforcement: false },
  { clause: '§8.3', keyword: '行政应诉', patterns: [/行政应诉/], skipForEnforcement: false },
  // §8.3: 加处罚款 (行政强制法 第四十五条), common to every body that fines
  { clause: '§8.3', keyword: '加处罚款', patterns: [/加处(?:罚款|罚金)/], skipForEnforcement: false },
  // §8.3: 申投诉处理. Not statutory complaint procedures that are powers of their own:
  // 政府采购供应商投诉 (政府采购法 第五十六条) and 消费者投诉 (消费者权益保护法 第四十六条).
  {
    clause: '§8.3',
    keyword: '申投诉处理',
    patterns: [
      /申投诉(?:处理|受理|办理)?/,
      /(?<!供应商|消费者)投诉(?:的)?(?:处理|受理|办理|答复|调查处理)/,
      new RegExp(`(?:受理|处理|办理|答复)${GAP(10)}(?<!供应商|消费者)投诉(?!举报的?奖励)`),
    ],
    skipForEnforcement: false,
  },
];

// A name that describes action against another party's conduct (spec §2 examples:
// 对……违反规划许可的处罚). Such a power is never abstract or internal management.
const ENFORCEMENT =
  /^对.+(?:的|行为)(?:行政)?(?:处罚|处理|强制|检查|监督检查|查处|责令|没收|奖励|表彰)|违反|违法|未按|未经|未取得|擅自|拒不|非法|不按/;

export function isEnforcementName(name: string): boolean {
  return ENFORCEMENT.test(normalise(name));
}

function normalise(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * Screen a power against 第八条. Returns one flag per clause + keyword + field, name first.
 * An empty array means nothing looked excluded.
 */
export function screenPower(input: ScreenInput): ExclusionFlag[] {
  const name = normalise(input.name ?? '');
  const enforcement = ENFORCEMENT.test(name);
  const fields: Array<['name' | 'description', string]> = [['name', name]];
  if (input.description) fields.push(['description', normalise(input.description)]);

  const flags: ExclusionFlag[] = [];
  for (const [field, text] of fields) {
    if (!text) continue;
    for (const rule of RULES) {
      if (rule.skipForEnforcement && enforcement) continue;
      for (const re of rule.patterns) {
        const m = re.exec(text);
        if (!m) continue;
        flags.push({
          clause: rule.clause,
          keyword: rule.keyword,
          matched: m[0],
          reason: `疑似${LABEL[rule.clause]}（${rule.keyword}，匹配“${m[0]}”）。${REASON[rule.clause]}`,
          field,
        });
        break; // one flag per rule and field
      }
    }
  }
  return flags;
}

/** Shorthand: screen a name only. */
export function screenName(name: string): ExclusionFlag[] {
  return screenPower({ name });
}
