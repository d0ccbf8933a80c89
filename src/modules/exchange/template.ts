// The import template (spec §2; issue 3 item 7): the 职权信息表 sheet with its header, note
// row and drop-downs and no data; a 填写示例 sheet with a real worked example; a 填写说明
// sheet with the full notation. Only the 职权信息表 sheet is ever imported.
import type { Writable } from 'node:stream';
import { LEGAL_LEVELS, POWER_STATUS_LABELS } from '../../core/register/index.js';
import type { Rulebook } from '../../core/rulebook/index.js';
import { COLUMNS, EXCEL_CELL_MAX, MAX_DATA_ROWS, MAX_UPLOAD_BYTES, SHEET_NAME } from './columns.js';
import { EXAMPLE_ROWS } from './example.js';
import { powerToCells } from './row-codec.js';
import { addListSheet, addTextSheet, openWorkbook } from './sheet-writer.js';

export const EXAMPLE_SHEET = '填写示例';
export const GUIDE_SHEET = '填写说明';

/** The notation, as shown in the template and in every export. */
export function guideLines(rulebook: Rulebook): [string, string][] {
  const required = COLUMNS.filter((c) => c.required)
    .map((c) => c.header)
    .join('、');
  return [
    [
      '用途',
      `将本部门的权责清单（职权信息表）导入清单草稿。只导入“${SHEET_NAME}”工作表，其他工作表（如“${EXAMPLE_SHEET}”）不会被导入。`,
    ],
    [
      '表格结构',
      '第1行为列名，第2行为说明行（以【说明】开头，导入时跳过），从第3行起每行一项职权。请勿增删、移动或改名列；空行会被跳过。',
    ],
    ['必填列', `${required}（列名为红色）。`],
    [
      '主项与子项',
      '主项在“主项/子项”列填“主项”。子项填所属主项的权力编码；新增的主项还没有编码时，子项可填“子项”，表示属于其上方最近的一个主项。子项的权力类别须与主项一致。',
    ],
    [
      '权力编码',
      '编码规则：区划代码6位-部门代码3位-类别字母2位-主项5位-子项3位，如150200-026-XK-00001-000（子项为001–999）。已有职权填原编码；新增职权留空，导入时自动编号。编码一经发放永不再用：已取消（或已从清单移除）职权的编码不能再填；不能填写其他部门的编码；同一文件中编码不能重复。',
    ],
    [
      '权力类别',
      `按${rulebook.label}：${rulebook.categories.map((c) => `${c.label}（${c.code}）`).join('、')}。从下拉列表选择，也可填类别字母。`,
    ],
    [
      '法定依据',
      '每行一条依据：《文件名称》条款：条文。例：《中华人民共和国食品安全法》第三十五条：从事食品生产、食品销售、餐饮服务，应当依法取得许可。条款必填；冒号可用全角“：”或半角“:”；条文暂缺时冒号后留空。',
    ],
    [
      '依据层级',
      `与“法定依据”逐行对应（第k行是第k条依据的层级），取值：${LEGAL_LEVELS.join('、')}。每条依据引用的文件须已在法律文件库中（由协调小组办公室或法制机构录入；库中没有的文件整行不予导入，已废止的文件不能作为依据）。文件的层级、施行日期和有效期以法律文件库为准：某行留空时取库中的层级；填写时须与库中一致。层级后的“；施行日期YYYY-MM-DD”“；有效期至YYYY-MM-DD”（平台导出时附上，取自法律文件库）导入时只核对格式，不改变库中记录；“；未核实”标记该条依据尚待核实。例：临时性行政许可；施行日期2026-03-01`,
    ],
    ['责任事项', '每行一项：序号.责任名称：内容。例：1.受理责任：公示应当提交的材料；一次性告知补正材料……'],
    ['追责情形', '每行一种情形。'],
    [
      '换行与反斜杠',
      '“法定依据”“责任事项”“追责情形”每一条占一行；一条内容内部需要换行时写作\\n，反斜杠本身写作\\\\。“追责依据”“备注”原样保存，可直接换行。',
    ],
    ['状态', `${Object.values(POWER_STATUS_LABELS).join('、')}，留空视为“在用”。已取消职权的编码不得改回在用。`],
    [
      '公式',
      "单元格不得使用公式，含公式的单元格会被拒绝。平台导出时，以 = + - @ 或英文单引号开头的内容前会加一个英文单引号 '，防止被电子表格软件当作公式执行；导入时去掉这一个单引号，内容与导出前完全一致。",
    ],
    [
      '导入方式',
      '覆盖导入：文件中的职权替换草稿中的全部职权。合并导入：按权力编码更新草稿中已有的职权，追加新职权。任何一行有误则整个文件都不导入，并列出每个错误的行号、列名和说明，可下载错误报告，改正后重新导入。导入结果按权力编码与草稿逐项比较，列出新增、修改、移出和未变的职权数；文件与草稿内容完全一致时（如把导出的草稿原样导入）报告“没有变化”，草稿不作任何修改。',
    ],
    [
      '限制',
      `文件须为 .xlsx 格式（Excel 2007 及以上或 WPS 另存为 .xlsx），不超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB、${MAX_DATA_ROWS} 行；各列字数上限见第2行说明，单元格不超过 ${EXCEL_CELL_MAX} 字（Excel 的上限）。单元格请设为“文本”或“常规”格式：日期格式的单元格会被拒绝。`,
    ],
    [
      '第八条排除事项',
      '政策制定、规划编制、标准制定、政策调研等抽象管理职权，人事任免等内部管理职权，行政复议、加处罚款、申投诉处理等共性职权不列入清单。导入后平台会标出疑似排除事项，由协调小组办公室核定。',
    ],
  ];
}

/** Write the template to `out`; resolves when the workbook is complete. */
export async function writeTemplate(out: Writable, rulebook: Rulebook): Promise<void> {
  // the same layout as every export (sheet-writer.ts): what we hand out, the importer reads back
  const book = openWorkbook(out, [SHEET_NAME, EXAMPLE_SHEET, GUIDE_SHEET]);
  await addListSheet(book, { rulebook });

  const ex = await addListSheet(book, { rulebook, name: EXAMPLE_SHEET, validationRows: 100 });
  const label = (code: string) => rulebook.categories.find((c) => c.code === code)?.label ?? code;
  for (const { power, kind } of EXAMPLE_ROWS) {
    const cells = powerToCells(power, label);
    cells[COLUMNS.findIndex((c) => c.key === 'kind')] = kind;
    await ex.row(cells);
  }

  await addTextSheet(book, GUIDE_SHEET, guideLines(rulebook));
  await book.finish();
}
