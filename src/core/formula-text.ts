// Formula injection (OWASP "CSV injection"), for every file we hand out that a spreadsheet
// program opens — the .xlsx exports and error reports (modules/exchange) and the open-data CSV
// (modules/portal). A cell whose text begins with = + - @, a tab or a carriage return could be
// taken for a formula; so could one beginning with the apostrophe itself once the apostrophe
// below is removed. Such a cell gets one leading apostrophe; the importer removes exactly that
// one (unneutralise), so export → import is lossless.

/** = + - @ ' TAB CR: the characters a cell may not begin with as written */
const FORMULA_LEAD = new Set([61, 43, 45, 64, 39, 9, 13]);

/** Export: text a spreadsheet could take for a formula gets one leading apostrophe. */
export function neutralise(cell: string): string {
  // a cheap first test: exports call this for every cell
  return FORMULA_LEAD.has(cell.charCodeAt(0)) ? `'${cell}` : cell;
}

/** Import: remove the apostrophe neutralise added, and nothing else. */
export function unneutralise(cell: string): string {
  return cell.length > 1 && cell.charCodeAt(0) === 39 && FORMULA_LEAD.has(cell.charCodeAt(1)) ? cell.slice(1) : cell;
}
