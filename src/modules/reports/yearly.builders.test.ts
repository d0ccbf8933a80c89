// The report writers read back: the docx and xlsx hold the counts of the data they were given.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readDocx, readXlsx } from './read-back.js';
import { FONTS, yearlyReportDocx } from './yearly.docx.js';
import { buildYearlyReport, type YearlyReportInput } from './yearly.model.js';
import { yearlyReportXlsx } from './yearly.xlsx.js';

const input: YearlyReportInput = {
  year: 2026,
  regionFullName: '包头市',
  rulebookId: 'baotou-2023',
  generatedOn: '2027-01-05',
  applications: [
    { bodyName: '包头市市场监督管理局', kind: 'modify', outcome: 'done', late: false },
    { bodyName: '包头市市场监督管理局', kind: 'modify', outcome: 'open', late: true },
    { bodyName: '包头市市场监督管理局', kind: 'cancel', outcome: 'done', late: false },
    { bodyName: '包头市住房和城乡建设局', kind: 'add', outcome: 'withdrawn', late: false },
  ],
  missing: 2,
  stepActs: [
    { step: 'submit', rulebookId: 'baotou-2023', kind: 'modify', onTime: true },
    { step: 'submit', rulebookId: 'baotou-2023', kind: 'modify', onTime: false },
    { step: 'submit', rulebookId: 'baotou-2023', kind: 'cancel', onTime: true },
    { step: 'preliminaryReview', rulebookId: 'baotou-2023', kind: 'modify', onTime: true },
    { step: 'legalityReview', rulebookId: 'baotou-2023', kind: 'modify', onTime: false },
  ],
  consultations: [
    {
      title: '调整食品经营许可实施机构',
      bodyName: '包头市市场监督管理局',
      opensOn: '2026-06-01',
      closesOn: '2026-06-07',
      cancelled: false,
      comments: [
        { hidden: false, disposition: 'adopted' },
        { hidden: false, disposition: 'notAdopted' },
        { hidden: true, disposition: null },
        { hidden: false, disposition: null },
      ],
    },
    {
      title: '取消某项检查',
      bodyName: '包头市市场监督管理局',
      opensOn: '2026-08-03',
      closesOn: '2026-08-09',
      cancelled: false,
      comments: [{ hidden: false, disposition: 'partlyAdopted' }],
    },
  ],
};

describe('yearly report (§12 协调小组办公室按年度报告)', () => {
  const report = buildYearlyReport(input);

  it('counts', () => {
    expect(report.title).toBe('包头市2026年度权责清单动态调整情况报告');
    expect(report.totals).toMatchObject({
      applications: 4,
      late: 1,
      missing: 2,
      stepActs: 5,
      stepOnTime: 3,
      consultations: 2,
      comments: 5,
      hidden: 1,
      undisposed: 1,
      dispositions: { adopted: 1, partlyAdopted: 1, notAdopted: 1 },
    });
    expect(report.totals.byKind).toMatchObject({ modify: 2, cancel: 1, add: 1, delegate: 0 });
  });

  it('writes a docx with the title, Chinese fonts and the tables', async () => {
    const doc = await readDocx(await yearlyReportDocx(report));
    expect(doc.paragraphs[0]).toBe('包头市2026年度权责清单动态调整情况报告');
    for (const f of [FONTS.title, FONTS.heading, FONTS.body]) expect(doc.xml).toContain(`w:eastAsia="${f}"`);
    expect(doc.paragraphs).toContain('一、总体情况');
    expect(
      doc.paragraphs.some((p) => p.includes('共报送权责清单动态调整申请4件，其中增加1件、取消1件、修改要素2件')),
    ).toBe(true);
    expect(doc.tables).toHaveLength(4);
    const [byKind, byBody, steps, cons] = doc.tables;
    expect(byKind![0]).toEqual(['调整类型', '申请件数', '已办结', '办理中', '已撤回', '未予批准', '迟报']);
    expect(byKind!.find((r) => r[0] === '修改要素')).toEqual(['修改要素', '2', '1', '1', '0', '0', '1']);
    expect(byKind!.at(-1)).toEqual(['合计', '4', '2', '1', '1', '0', '1']);
    expect(byBody!.find((r) => r[0] === '包头市市场监督管理局')!.slice(-2)).toEqual(['3', '1']);
    expect(steps!.find((r) => r[0] === '报送调整申请')!.slice(2)).toEqual(['3', '2', '1', '66.7%']);
    expect(steps!.at(-1)!.slice(2)).toEqual(['5', '3', '2', '60.0%']);
    expect(cons!.at(-1)).toEqual(['合计', '', '2次', '5', '1', '1', '1', '1', '1']);
  });

  it('writes an xlsx with one sheet per section', async () => {
    const sheets = await readXlsx(await yearlyReportXlsx(report));
    expect([...sheets.keys()]).toEqual(['总体情况', '按调整类型', '按职权行使机构', '环节按时率', '公开征求意见']);
    const overview = new Map(
      sheets
        .get('总体情况')!
        .filter((r) => r.length === 2)
        .map((r) => [r[0], r[1]]),
    );
    expect(overview.get('调整申请（件）')).toBe(4);
    expect(overview.get('公众意见（条）')).toBe(5);
    expect(overview.get('采纳（条）')).toBe(1);
    expect(sheets.get('按调整类型')!.at(-1)).toEqual(['合计', 4, 2, 1, 1, 0, 1]);
    expect(
      sheets
        .get('环节按时率')!
        .find((r) => r[0] === '合法性审查')!
        .slice(2),
    ).toEqual([1, 0, 1, '0.0%']);
    expect(sheets.get('公开征求意见')![2]!.slice(3)).toEqual([4, 1, 1, 0, 1, 1]);
  });

  it('lays the xlsx out for Excel and WPS: frozen table headers, widths, merged paragraphs, styled tables', async () => {
    const zip = await JSZip.loadAsync(await yearlyReportXlsx(report), { checkCRC32: true });
    const names = [...(await zip.file('xl/workbook.xml')!.async('string')).matchAll(/<sheet name="([^"]+)"/g)];
    expect(names.map((m) => m[1])).toEqual(['总体情况', '按调整类型', '按职权行使机构', '环节按时率', '公开征求意见']);
    const overview = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(overview).toContain('<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>');
    expect(overview).toContain('<col min="1" max="1" width="40" customWidth="1"/>');
    expect(overview).toMatch(/<mergeCells count="\d+"><mergeCell ref="A18:B18"\/>/);
    const byKind = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    expect(byKind).toContain('<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>');
    expect(byKind).toMatch(/<row r="2"><c r="A2" s="8" t="inlineStr">/);
    const styles = await zip.file('xl/styles.xml')!.async('string');
    expect(styles).toContain('<name val="仿宋_GB2312"/>');
    expect(styles).toContain('<name val="黑体"/>');
  });
});
