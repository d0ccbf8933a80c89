// The 职权信息表 as a spreadsheet (spec §2; regulation 第六条): one sheet, one row per power,
// the same columns in the import template, in every export and in the importer. Row 1 holds
// the column names, row 2 a note per column (the importer skips it), data from row 3.
import { LEGAL_LEVELS, POWER_STATUS_LABELS } from '../../core/register/index.js';

export const SHEET_NAME = '职权信息表';
export const HEADER_ROW = 1;
export const NOTE_ROW = 2;
export const FIRST_DATA_ROW = 3;
/** Every cell of the note row starts with this, so the importer can tell it from data. */
export const NOTE_PREFIX = '【说明】';
/** Region exports add this column after the template's; the importer ignores it. */
export const BODY_COLUMN_HEADER = '所属部门';
/** Rows per file: a body's list is far smaller; this bounds the work one upload can cause. */
export const MAX_DATA_ROWS = 200_000;
/** Largest upload accepted (the .xlsx file itself, compressed). */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
/** Excel's own limit on the characters in a cell. */
export const EXCEL_CELL_MAX = 32_767;

export type ColumnKey =
  | 'name'
  | 'kind'
  | 'code'
  | 'category'
  | 'responsibleSubject'
  | 'legalBases'
  | 'legalLevels'
  | 'implementingAgency'
  | 'responsibilities'
  | 'accountabilityCases'
  | 'accountabilityBasis'
  | 'remarks'
  | 'status';

export interface ColumnDef {
  key: ColumnKey;
  header: string;
  width: number;
  required: boolean;
  /** characters, after the cell is read */
  maxLength: number;
  note: string;
}

const statusLabels = Object.values(POWER_STATUS_LABELS).join('、');

export const COLUMNS: readonly ColumnDef[] = [
  {
    key: 'name',
    header: '行政职权名称',
    width: 32,
    required: true,
    maxLength: 200,
    note: '必填。行政职权的规范名称，不超过200字。',
  },
  {
    key: 'kind',
    header: '主项/子项',
    width: 26,
    required: true,
    maxLength: 30,
    note: '必填。主项填“主项”；子项填所属主项的权力编码，或填“子项”表示属于上方最近的一个主项。',
  },
  {
    key: 'code',
    header: '权力编码',
    width: 26,
    required: false,
    maxLength: 30,
    note: '已有职权填原编码；新增职权留空，导入时按“区划代码-部门代码-类别-主项5位-子项3位”自动编号（如150200-026-XK-00001-000）。已取消职权的编码不得再用。',
  },
  { key: 'category', header: '权力类别', width: 14, required: true, maxLength: 20, note: '必填。从下拉列表选择。' },
  {
    key: 'responsibleSubject',
    header: '责任主体',
    width: 22,
    required: true,
    maxLength: 100,
    note: '必填。不超过100字。',
  },
  {
    key: 'legalBases',
    header: '法定依据',
    width: 60,
    required: true,
    maxLength: 20_000,
    note: '必填。每行一条依据，格式为“《文件名称》条款：条文”，如“《中华人民共和国食品安全法》第三十五条：从事食品生产、食品销售、餐饮服务，应当依法取得许可。”条文中的换行写作\\n，反斜杠写作\\\\。',
  },
  {
    key: 'legalLevels',
    header: '依据层级',
    width: 18,
    required: false,
    maxLength: 2_000,
    note: `选填。与“法定依据”逐行对应，每行一个层级：${LEGAL_LEVELS.join('、')}；引用的文件须已在法律文件库中，留空的行取库中该文件的层级，填写时须与库中一致。可在层级后附“；施行日期2026-01-01”“；有效期至2027-01-01”（以库中记录为准）“；未核实”。`,
  },
  {
    key: 'implementingAgency',
    header: '实施机构',
    width: 22,
    required: true,
    maxLength: 200,
    note: '必填。不超过200字。',
  },
  {
    key: 'responsibilities',
    header: '责任事项',
    width: 60,
    required: false,
    maxLength: 20_000,
    note: '每行一项，格式为“序号.责任名称：内容”，如“1.受理责任：公示应当提交的材料……”。内容中的换行写作\\n。',
  },
  {
    key: 'accountabilityCases',
    header: '追责情形',
    width: 60,
    required: false,
    maxLength: 20_000,
    note: '每行一种情形。情形中的换行写作\\n。',
  },
  {
    key: 'accountabilityBasis',
    header: '追责依据',
    width: 40,
    required: false,
    maxLength: 10_000,
    note: '选填。原样保存，可换行，不超过10000字。',
  },
  { key: 'remarks', header: '备注', width: 24, required: false, maxLength: 2_000, note: '选填。不超过2000字。' },
  {
    key: 'status',
    header: '状态',
    width: 10,
    required: false,
    maxLength: 10,
    note: `${statusLabels}之一，留空视为“在用”。`,
  },
];

export const COLUMN_BY_KEY = Object.fromEntries(COLUMNS.map((c) => [c.key, c])) as Record<ColumnKey, ColumnDef>;

export const KIND_MAIN = '主项';
export const KIND_SUB = '子项';
