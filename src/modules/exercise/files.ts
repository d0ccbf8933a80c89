// Exercise records from files: the .xlsx through exchange's bounded reader in its parse worker
// (table-read.ts: sheet 行使记录, header row EXERCISE_COLUMNS), the .csv through csv.ts. Each row
// goes to the import's RecordChecker; a sheet that cannot be read refuses the import.
import { EXERCISE_COLUMNS, EXERCISE_SHEET, MAX_EXERCISE_RECORDS } from '../../contract/exercise.js';
import { AppError } from '../../core/errors.js';
import { ParseJob } from '../exchange/parse-client.js';
import { SheetError } from '../exchange/xlsx-read.js';
import { exerciseCsvRows } from './csv.js';
import { rowObject, type RecordChecker } from './records.js';

const sheetRefused = (e: SheetError) => {
  const first = e.details[0];
  return new AppError(
    'IMPORT_INVALID',
    first
      ? `${first.row ? `第${first.row}行` : ''}${first.column ? `“${first.column}”` : ''}：${first.message}`
      : e.message,
    e.details,
  );
};

export async function readXlsxRecords(path: string, checker: RecordChecker): Promise<void> {
  const job = new ParseJob(path, {
    sheet: EXERCISE_SHEET,
    headers: EXERCISE_COLUMNS.map((c) => c.header),
    maxRows: MAX_EXERCISE_RECORDS,
  });
  try {
    await job.ready();
    for await (const r of job.tableRows()) {
      for (const p of r.problems) checker.problem(p);
      checker.add(r.row, rowObject(r.cells));
    }
  } catch (e) {
    throw e instanceof SheetError ? sheetRefused(e) : e;
  } finally {
    await job.close();
  }
}

export function readCsvRecords(text: string, checker: RecordChecker): void {
  for (const r of exerciseCsvRows(text)) checker.add(r.row, rowObject(r.cells));
}
