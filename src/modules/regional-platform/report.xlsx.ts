// The reconciliation report as a workbook (the platform's one writer): 概况 — per body the count of
// each kind of difference; 差异明细 — every difference, paged from the database 5,000 at a time.
import type { Writable } from 'node:stream';
import { COMPARED_FIELDS, DIFF_KINDS, DIFF_KIND_LABELS } from '../../contract/regional-platform.js';
import type { Database } from '../../db/connect.js';
import { STYLE, XlsxBook } from '../../platform/xlsx-writer.js';
import { diffCounts, diffsOf, type ReconciliationRow } from './report.repo.js';

const PAGE = 5000;
export const fieldLabel = (f: string | null) => (f ? ((COMPARED_FIELDS as Record<string, string>)[f] ?? f) : '');

export async function writeReportXlsx(db: Database, rec: ReconciliationRow, out: Writable, at: Date): Promise<void> {
  const book = new XlsxBook(out, { sheets: ['概况', '差异明细'], creator: '包头市权责清单管理平台', created: at });
  const overview = await book.sheet('概况', { cols: [{ width: 36 }, ...DIFF_KINDS.map(() => ({ width: 16 }))] });
  await overview.row([`自治区事项管理平台对账报告（${rec.id}号）`], { style: [STYLE.title] });
  const scope = rec.scope === 'body' ? `${rec.bodyName}` : `${rec.regionName}（${rec.regionCode}）本级全部部门`;
  for (const [k, v] of [
    ['对账范围', scope],
    ['导入文件', `${rec.fileName}（${rec.fileFormat}）`],
    ['对账时间', rec.createdAt],
    ['本平台事项数', String(rec.ourCount)],
    ['自治区平台事项数', String(rec.theirCount)],
    ['差异总数', String(rec.diffCount)],
  ])
    await overview.row([k, v]);
  await overview.row([]);
  await overview.row(['部门', ...DIFF_KINDS.map((k) => DIFF_KIND_LABELS[k])], { style: STYLE.tableHeader });
  for (const b of await diffCounts(db, rec.id))
    await overview.row([b.bodyName, ...DIFF_KINDS.map((k) => b.counts[k])], { style: STYLE.tableCell });

  const detail = await book.sheet('差异明细', {
    cols: [16, 30, 36, 14, 22, 50, 50].map((width, i) => ({ width, style: i >= 5 ? STYLE.wrap : undefined })),
    frozen: { columns: 0, rows: 1 },
  });
  await detail.row(['部门', '实施编码', '事项名称', '差异类型', '要素', '本平台', '自治区平台'], {
    style: STYLE.tableHeader,
  });
  const names = new Map((await diffCounts(db, rec.id)).map((b) => [b.bodyId, b.bodyName]));
  let after: string | undefined;
  for (;;) {
    const page = await diffsOf(db, rec.id, { afterId: after, limit: PAGE });
    for (const d of page)
      await detail.row([
        names.get(d.bodyId) ?? '',
        d.code,
        d.name,
        DIFF_KIND_LABELS[d.kind],
        fieldLabel(d.field),
        d.ours ?? '（无）',
        d.theirs ?? '（无）',
      ]);
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.id;
  }
  await book.finish();
}
