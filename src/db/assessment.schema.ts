// Table types of migration 0040 (src/modules/assessment): the office's adjustments of a score.
import type { ColumnType, Generated } from 'kysely';

export interface AssessmentAdjustmentTable {
  id: Generated<number>;
  body_id: number;
  year: number;
  /** numeric: the drivers return it as text */
  score: ColumnType<string, number | string, number | string>;
  reason: string;
  adjusted_by: number;
  adjusted_at: ColumnType<Date, Date | string, Date | string>;
}

export interface AssessmentTables {
  assessment_adjustment: AssessmentAdjustmentTable;
}
