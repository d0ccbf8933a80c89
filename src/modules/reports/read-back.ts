// Test helper: read a generated report back. A .docx is a zip; word/document.xml holds the
// paragraphs (w:p) and tables (w:tbl → w:tr → w:tc) whose text sits in w:t runs (jszip, a
// devDependency). A workbook is read by the platform's own reader, as an upload is.
import JSZip from 'jszip';
import { readSheets } from '../exchange/test-fixtures.js';

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };
const text = (xml: string) =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1]!.replace(/&(lt|gt|amp|quot|apos);/g, (e) => ENTITIES[e]!))
    .join('');

export interface DocxContent {
  xml: string;
  paragraphs: string[];
  tables: string[][][];
}

export async function readDocx(buf: Buffer): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...t[1]!.matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map((r) =>
      [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => text(c[1]!)),
    ),
  );
  const outside = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  const paragraphs = [...outside.matchAll(/<w:p[ >]([\s\S]*?)<\/w:p>/g)].map((p) => text(p[1]!)).filter(Boolean);
  return { xml, paragraphs, tables };
}

/** Each sheet as its rows that hold a value, in order (cell values as the reader gives them). */
export async function readXlsx(buf: Buffer): Promise<Map<string, unknown[][]>> {
  const out = new Map<string, unknown[][]>();
  for (const [name, rows] of await readSheets(buf))
    out.set(
      name,
      rows.filter((r) => r?.some((v) => v !== undefined && v !== null && v !== '')),
    );
  return out;
}
