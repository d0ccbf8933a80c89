// Table types of migration 0070 (issue 14.2): a body's saved import mappings of a foreign layout.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface ImportMappingTable {
  id: Generated<number>;
  body_id: number;
  name: string;
  headers: string[];
  /** contract/exchange-mapping.ts ForeignMapping */
  mapping: ColumnType<unknown, string, string>;
  created_by: number;
  created_at: Timestamp;
  updated_by: number;
  updated_at: Timestamp;
}

export interface ImportMappingTables {
  import_mapping: ImportMappingTable;
}
