// Exercise records at the edge (§14 ¶1): each row of a file or each record of a sending system's
// request is checked against the contract's schema, and its 实施机构 resolved to a body in reach.
// One bad row refuses the whole import (all-or-nothing), the rows named in Chinese.
import { EXERCISE_COLUMNS, exerciseRecordInput, type ExerciseRecordInput } from '../../contract/exercise.js';
import { AppError } from '../../core/errors.js';

export interface RowProblem {
  row: number;
  column: string;
  message: string;
}

/** A record ready to stage: its row (the file's row number, or the request's 1-based index) and body. */
export interface StagedRecord {
  row: number;
  caseRef: string | null;
  bodyId: number;
  powerCode: string | null;
  powerName: string | null;
  exercisedOn: string;
  outcome: string;
}

export interface BodyEntry {
  id: number;
  regionPath: string;
}

/** problems listed at most (a file with more names the first ones and says how many) */
const MAX_LISTED = 100;

const HEADER_OF: Record<string, string> = Object.fromEntries(EXERCISE_COLUMNS.map((c) => [c.key, c.header]));

export class RecordChecker {
  readonly records: StagedRecord[] = [];
  private readonly problems: RowProblem[] = [];
  private more = 0;

  constructor(
    private readonly bodies: ReadonlyMap<string, BodyEntry[]>,
    /** may this body be reported on here (the office's or the system's level)? */
    private readonly inReach: (b: BodyEntry) => boolean,
    /** what a row is called in messages: 第N行 of a file, 第N条 of a request */
    private readonly unit: '行' | '条',
  ) {}

  problem(p: RowProblem) {
    if (this.problems.length < MAX_LISTED) this.problems.push(p);
    else this.more++;
  }

  /** Check one record (cells keyed as EXERCISE_COLUMNS, or a request's object). */
  add(row: number, input: unknown) {
    const parsed = exerciseRecordInput.safeParse(input);
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const key = String(i.path[0] ?? '');
        this.problem({ row, column: HEADER_OF[key] ?? (key || '记录'), message: i.message });
      }
      return;
    }
    const r: ExerciseRecordInput = parsed.data;
    const found = this.bodies.get(r.bodyName) ?? [];
    if (found.length !== 1) {
      this.problem({
        row,
        column: '实施机构',
        message: found.length ? `实施机构“${r.bodyName}”有重名，无法确定` : `平台中没有名为“${r.bodyName}”的机构`,
      });
      return;
    }
    const body = found[0]!;
    if (!this.inReach(body)) {
      this.problem({ row, column: '实施机构', message: `“${r.bodyName}”不在本级可报送的机构范围内` });
      return;
    }
    this.records.push({
      row,
      caseRef: r.caseRef ?? null,
      bodyId: body.id,
      powerCode: r.powerCode ?? null,
      powerName: r.powerName ?? null,
      exercisedOn: r.exercisedOn,
      outcome: r.outcome,
    });
  }

  /** Refuse the whole import when any row was bad (nothing has been written yet). */
  finish(): StagedRecord[] {
    if (!this.problems.length) {
      if (!this.records.length) throw new AppError('IMPORT_INVALID', '没有可导入的行使记录');
      return this.records;
    }
    const first = this.problems[0]!;
    const details = [...this.problems];
    if (this.more) details.push({ row: 0, column: '', message: `另有${this.more}处问题未列出` });
    throw new AppError(
      'IMPORT_INVALID',
      `第${first.row}${this.unit}“${first.column}”：${first.message}。共${this.problems.length + this.more}处问题，未导入任何记录`,
      details,
    );
  }
}

/** The cells of a file's row (EXERCISE_COLUMNS order) as the record object the schema reads. */
export function rowObject(cells: readonly string[]): Record<string, string> {
  return Object.fromEntries(EXERCISE_COLUMNS.map((c, i) => [c.key, cells[i] ?? '']));
}
