// §12 协调小组办公室按年度向本级协调小组报告权责清单动态调整情况 (spec §6: adjustments by kind
// and body, timeliness, consultations and comments). Pure: from plain facts of one level and
// year to the report's paragraphs and tables, which the docx and xlsx writers both render,
// so the two files always hold the same numbers.
import type { IsoDate } from '../../core/calendar/index.js';
import {
  ADJUSTMENT_KINDS,
  STEP_IDS,
  citeArticle,
  getRulebook,
  type AdjustmentKind,
  type StepDef,
  type StepId,
} from '../../core/rulebook/index.js';
import { DISPOSITIONS, DISPOSITION_LABELS, type Disposition } from '../consultations/comment-rules.js';

export type ApplicationOutcome = 'done' | 'open' | 'withdrawn' | 'rejected';

export interface YearlyReportInput {
  year: number;
  /** e.g. 包头市 / 包头市昆都仑区 */
  regionFullName: string;
  /** a 旗县区's report covers its 苏木乡镇·街道 too (§18) */
  includesTownships?: boolean;
  /** the rulebook in force: its office name and regulation title head the report */
  rulebookId: string;
  generatedOn: IsoDate;
  /** applications first filed (报送) in the year by bodies of this level */
  applications: { bodyName: string; kind: AdjustmentKind; outcome: ApplicationOutcome; late: boolean }[];
  /** 漏报: due adjustments found unfiled past their deadline in the year */
  missing: number;
  /** step actions in the year that had a deadline: was it met */
  stepActs: { step: StepId; rulebookId: string; kind: AdjustmentKind; onTime: boolean }[];
  /** consultations opened in the year */
  consultations: {
    title: string;
    bodyName: string;
    opensOn: IsoDate;
    closesOn: IsoDate;
    cancelled: boolean;
    comments: { hidden: boolean; disposition: Disposition | null }[];
  }[];
}

export type Cell = string | number;
export interface ReportTable {
  /** sheet name in the workbook (≤ 31 characters) */
  sheet: string;
  columns: string[];
  rows: Cell[][];
  /** a 合计 row, when the columns add up */
  total?: Cell[];
}
export interface ReportSection {
  heading: string;
  paragraphs: string[];
  table?: ReportTable;
}
export interface YearlyReport {
  title: string;
  /** e.g. 包头市推进政府职能转变和“放管服”改革协调小组办公室 · 2027年1月5日 */
  issuer: string;
  date: string;
  sections: ReportSection[];
  /** the headline counts, for tests and the workspace preview */
  totals: {
    applications: number;
    byKind: Record<AdjustmentKind, number>;
    late: number;
    missing: number;
    stepActs: number;
    stepOnTime: number;
    consultations: number;
    comments: number;
    hidden: number;
    dispositions: Record<Disposition, number>;
    undisposed: number;
  };
}

const cnDate = (d: IsoDate) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
export const rate = (part: number, whole: number) => (whole ? `${((part / whole) * 100).toFixed(1)}%` : '—');
const count = <T>(xs: readonly T[], p: (x: T) => boolean) => xs.filter(p).length;

const OUTCOME_LABEL: Record<ApplicationOutcome, string> = {
  done: '已办结',
  open: '办理中',
  withdrawn: '已撤回',
  rejected: '未予批准',
};

/** The step's label and the article of its clock, from the rulebook the act happened under. */
function stepInfo(act: YearlyReportInput['stepActs'][number]): { label: string; basis: string } {
  const rb = getRulebook(act.rulebookId);
  const def: StepDef | undefined = Object.values(rb.procedures)
    .flatMap((p) => p.stages.flat())
    .find((s) => s.id === act.step);
  if (!def) return { label: act.step, basis: '' };
  const clock = def.clock;
  const basis = clock
    ? `${citeArticle(rb, clock.article, clock.inherited2023 === true)}：${clock.amount}个${clock.unit === 'workday' ? '工作日' : '日'}`
    : '';
  return { label: def.label, basis };
}

// 2023: the office's full name (推进政府职能转变和“放管服”改革协调小组办公室); 2025: the full name
// is a description (本级…（…）), so the short name reads better after the region.
const officeName = (o: { name: string; fullName: string }) => (/^本级|（/.test(o.fullName) ? o.name : o.fullName);

export function buildYearlyReport(input: YearlyReportInput): YearlyReport {
  const rb = getRulebook(input.rulebookId);
  const kinds = ADJUSTMENT_KINDS.filter((k) => rb.adjustmentKinds.some((d) => d.kind === k));
  const kindLabel = (k: AdjustmentKind) => rb.adjustmentKinds.find((d) => d.kind === k)?.label ?? k;
  const apps = input.applications;
  const byKind = Object.fromEntries(ADJUSTMENT_KINDS.map((k) => [k, count(apps, (a) => a.kind === k)])) as Record<
    AdjustmentKind,
    number
  >;
  const late = count(apps, (a) => a.late);
  const outcomes = (['done', 'open', 'withdrawn', 'rejected'] as const).map(
    (o) => [o, count(apps, (a) => a.outcome === o)] as const,
  );

  // 二、by kind
  const kindRows: Cell[][] = kinds.map((k) => {
    const xs = apps.filter((a) => a.kind === k);
    return [
      kindLabel(k),
      xs.length,
      ...outcomes.map(([o]) => count(xs, (a) => a.outcome === o)),
      count(xs, (a) => a.late),
    ];
  });
  const kindTotal: Cell[] = ['合计', apps.length, ...outcomes.map(([, n]) => n), late];

  // 三、by body × kind
  const bodies = [...new Set(apps.map((a) => a.bodyName))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const bodyRows: Cell[][] = bodies.map((b) => {
    const xs = apps.filter((a) => a.bodyName === b);
    return [b, ...kinds.map((k) => count(xs, (a) => a.kind === k)), xs.length, count(xs, (a) => a.late)];
  });
  const bodyTotal: Cell[] = ['合计', ...kinds.map((k) => byKind[k]), apps.length, late];

  // 四、on time per step, in the procedure's order
  const steps = STEP_IDS.filter((s) => input.stepActs.some((a) => a.step === s));
  const stepRows: Cell[][] = steps.map((s) => {
    const xs = input.stepActs.filter((a) => a.step === s);
    const onTime = count(xs, (a) => a.onTime);
    const info = stepInfo(xs[0]!);
    return [info.label, info.basis, xs.length, onTime, xs.length - onTime, rate(onTime, xs.length)];
  });
  const stepOnTime = count(input.stepActs, (a) => a.onTime);
  const stepTotal: Cell[] = [
    '合计',
    '',
    input.stepActs.length,
    stepOnTime,
    input.stepActs.length - stepOnTime,
    rate(stepOnTime, input.stepActs.length),
  ];

  // 五、consultations, comments, dispositions
  const all = input.consultations.flatMap((c) => c.comments);
  const hidden = count(all, (k) => k.hidden);
  const visible = all.filter((k) => !k.hidden);
  const dispositions = Object.fromEntries(
    DISPOSITIONS.map((d) => [d, count(visible, (k) => k.disposition === d)]),
  ) as Record<Disposition, number>;
  const undisposed = count(visible, (k) => !k.disposition);
  const consRows: Cell[][] = input.consultations.map((c) => {
    const v = c.comments.filter((k) => !k.hidden);
    return [
      c.title + (c.cancelled ? '（已终止）' : ''),
      c.bodyName,
      `${c.opensOn}至${c.closesOn}`,
      c.comments.length,
      count(c.comments, (k) => k.hidden),
      ...DISPOSITIONS.map((d) => count(v, (k) => k.disposition === d)),
      count(v, (k) => !k.disposition),
    ];
  });
  const consTotal: Cell[] = [
    '合计',
    '',
    `${input.consultations.length}次`,
    all.length,
    hidden,
    ...DISPOSITIONS.map((d) => dispositions[d]),
    undisposed,
  ];

  const y = input.year;
  const kindText = kinds
    .filter((k) => byKind[k])
    .map((k) => `${kindLabel(k)}${byKind[k]}件`)
    .join('、');
  const sections: ReportSection[] = [
    {
      heading: '一、总体情况',
      paragraphs: [
        `${y}年，${input.regionFullName}本级职权行使机构共报送权责清单动态调整申请${apps.length}件${kindText ? `，其中${kindText}` : ''}。` +
          `截至${cnDate(input.generatedOn)}，${outcomes.map(([o, n]) => `${OUTCOME_LABEL[o]}${n}件`).join('，')}。`,
        `超过规定时限报送（迟报）${late}件，应报未报（漏报）${input.missing}件。各办理环节有时限要求的办理${input.stepActs.length}次，按时办理${stepOnTime}次，按时办理率${rate(stepOnTime, input.stepActs.length)}。`,
        `全年通过政府门户网站公开征求意见${input.consultations.length}次，收到公众意见${all.length}条，其中${hidden}条因内容不当经审核未予公开显示；` +
          `公开显示的${visible.length}条意见中，${DISPOSITIONS.map((d) => `${DISPOSITION_LABELS[d]}${dispositions[d]}条`).join('、')}${undisposed ? `，尚在研究处理${undisposed}条` : ''}。`,
      ],
    },
    {
      heading: '二、按调整类型统计',
      paragraphs: [],
      table: {
        sheet: '按调整类型',
        columns: ['调整类型', '申请件数', ...outcomes.map(([o]) => OUTCOME_LABEL[o]), '迟报'],
        rows: kindRows,
        total: kindTotal,
      },
    },
    {
      heading: '三、按职权行使机构统计',
      paragraphs: bodies.length ? [] : ['本年度无职权行使机构报送调整申请。'],
      table: {
        sheet: '按职权行使机构',
        columns: ['职权行使机构', ...kinds.map(kindLabel), '合计', '迟报'],
        rows: bodyRows,
        total: bodyTotal,
      },
    },
    {
      heading: '四、各环节按时办理情况',
      paragraphs: [
        '按各环节的法定时限与实际办理日期比对（以工作日计的时限不含休息日和法定节假日）；统计本年度已办理的环节，退回修改、不予批准记有期限的一并计入。',
      ],
      table: {
        sheet: '环节按时率',
        columns: ['办理环节', '时限及依据', '办理次数', '按时', '超时', '按时办理率'],
        rows: stepRows,
        total: stepTotal,
      },
    },
    {
      heading: '五、公开征求意见及意见采纳情况',
      paragraphs: [`依据${citeArticle(rb, '§12')}公开征求意见，并依据第十五条对公众意见研究论证、吸收采纳合理内容。`],
      table: {
        sheet: '公开征求意见',
        columns: [
          '调整事项',
          '职权行使机构',
          '征求意见期间',
          '意见数',
          '未公开显示',
          ...DISPOSITIONS.map((d) => DISPOSITION_LABELS[d]),
          '待处理',
        ],
        rows: consRows,
        total: consTotal,
      },
    },
    {
      heading: '六、说明',
      paragraphs: [
        `1. 统计范围：${input.regionFullName}本级职权行使机构${input.includesTownships ? '（含所辖苏木乡镇、街道）' : ''}；调整申请按首次报送日期、公开征求意见按开始日期计入年度。`,
        '2. 投诉举报情况：本平台尚未登记公众投诉举报，本报告未作统计。',
        `3. 本报告由权责清单管理平台于${cnDate(input.generatedOn)}根据平台办理记录生成。`,
      ],
    },
  ];
  return {
    title: `${input.regionFullName}${y}年度权责清单动态调整情况报告`,
    issuer: `${input.regionFullName}${officeName(rb.managingOffice)}`,
    date: cnDate(input.generatedOn),
    sections,
    totals: {
      applications: apps.length,
      byKind,
      late,
      missing: input.missing,
      stepActs: input.stepActs.length,
      stepOnTime,
      consultations: input.consultations.length,
      comments: all.length,
      hidden,
      dispositions,
      undisposed,
    },
  };
}
