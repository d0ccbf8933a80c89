// The benchmark's own list: N powers for one body, cycling through every demo template (主项
// followed by its 子项), numbered with the code scheme. The same rows are published in the
// export body (the export figure) and written, without codes, into the import file (the
// import figure), so both Excel figures move the same content.
import ExcelJS from 'exceljs';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { formatPowerCode } from '../src/core/register/index.js';
import { getRulebook, DEFAULT_RULEBOOK_ID } from '../src/core/rulebook/index.js';
import { COLUMNS, KIND_MAIN, KIND_SUB, NOTE_PREFIX, SHEET_NAME } from '../src/modules/exchange/columns.js';
import { powerToCells } from '../src/modules/exchange/row-codec.js';
import type { SeedPower } from '../src/seed/demo.js';
import { buildTemplates, DEFAULT_REFERENCE_DIR, loadReferenceData, type PowerTemplate } from '../src/seed/index.js';

export interface ListBody {
  regionCode: string;
  seq: number;
  name: string;
}

/** N powers for `body` (nested arrays shared between rows of a template: read-only). */
export function* benchListPowers(body: ListBody, n: number): Generator<SeedPower> {
  const { byDepartment } = buildTemplates(loadReferenceData(DEFAULT_REFERENCE_DIR));
  const templates: PowerTemplate[] = [...byDepartment.values()].flat();
  const bodyCode = String(body.seq).padStart(3, '0');
  const mainOf = new Map<string, number>();
  const bodyId = `${body.regionCode}-${bodyCode}`;
  let made = 0;
  for (let round = 0; made < n; round++) {
    for (const t of templates) {
      if (made >= n) return;
      const main = (mainOf.get(t.category) ?? 0) + 1;
      mainOf.set(t.category, main);
      const parts = { regionCode: body.regionCode, bodyCode, category: t.category, main };
      const mainCode = formatPowerCode({ ...parts, sub: 0 });
      // later rounds: the same powers as exercised in another 片区, so names stay distinct
      const suffix = round === 0 ? '' : `（第${round + 1}片区）`;
      const rows: [string, string, string | null][] = [[mainCode, t.name + suffix, null]];
      t.subItems.forEach((s, i) => rows.push([formatPowerCode({ ...parts, sub: i + 1 }), s + suffix, mainCode]));
      for (const [code, name, parent] of rows) {
        if (made++ >= n) return;
        yield {
          id: code,
          bodyId,
          parentId: parent,
          parentCode: parent,
          code,
          name,
          category: t.category,
          responsibleSubject: body.name,
          legalBases: t.legalBases,
          implementingAgency: body.name,
          responsibilities: t.responsibilities,
          accountabilityCases: t.accountabilityCases,
          accountabilityBasis: t.accountabilityBasis,
          remarks: t.remarks,
          status: 'active',
        };
      }
    }
  }
}

const rulebook = getRulebook(DEFAULT_RULEBOOK_ID);
const labels = new Map<string, string>(rulebook.categories.map((c) => [c.code, c.label]));
const categoryLabel = (code: string) => labels.get(code) ?? code;

/**
 * The 职权信息表 cells of each power, as the export writes them (powerToCells). Strings that
 * repeat from row to row are interned, so 100,000 rows of cells stay small in memory.
 */
export function listCells(powers: Iterable<SeedPower>, opts: { withCodes: boolean }): string[][] {
  const pool = new Map<string, string>();
  const intern = (s: string) => {
    const hit = pool.get(s);
    if (hit !== undefined) return hit;
    pool.set(s, s);
    return s;
  };
  const kindCol = COLUMNS.findIndex((c) => c.key === 'kind');
  const codeCol = COLUMNS.findIndex((c) => c.key === 'code');
  const out: string[][] = [];
  for (const p of powers) {
    const cells = powerToCells(
      {
        code: p.code,
        parent_code: p.parentCode,
        name: p.name,
        category: p.category,
        responsible_subject: p.responsibleSubject,
        implementing_agency: p.implementingAgency,
        legal_bases: p.legalBases,
        responsibilities: p.responsibilities,
        accountability_cases: p.accountabilityCases,
        accountability_basis: p.accountabilityBasis,
        remarks: p.remarks,
        status: p.status,
      },
      categoryLabel,
    );
    if (!opts.withCodes) {
      // a first compilation: new powers, codes issued on import; 子项 under the 主项 above
      cells[codeCol] = '';
      cells[kindCol] = p.parentCode ? KIND_SUB : KIND_MAIN;
    }
    out.push(cells.map(intern));
  }
  return out;
}

/** A template-shaped .xlsx (header row, note row, data rows), written with the streaming writer. */
export async function writeImportFile(path: string, rows: readonly string[][]): Promise<void> {
  const file = createWriteStream(path);
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: file, useStyles: false, useSharedStrings: false });
  const ws = book.addWorksheet(SHEET_NAME) as ExcelJS.Worksheet & { commit(): void };
  ws.addRow(COLUMNS.map((c) => c.header)).commit();
  ws.addRow(COLUMNS.map((c) => `${NOTE_PREFIX}${c.note}`)).commit();
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await book.commit();
  await finished(file);
}
