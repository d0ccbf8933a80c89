// The one stylesheet of every workbook we write (xlsx-writer.ts): a fixed list of cell styles,
// named here, so a writer never builds styles per cell. The register's sheets (the template,
// exports, error reports) and the yearly report use the same file; its fonts are Chinese ones
// that Excel and WPS both have (等线, 黑体, 仿宋_GB2312), charset 134 (GB2312).

/** The styles (the number is the cellXfs index in STYLES_XML). */
export const STYLE = {
  plain: 0,
  /** data: wrap, top-aligned (cells that hold lines) */
  wrap: 1,
  /** data: top-aligned */
  top: 2,
  /** column names */
  header: 3,
  /** column names of required columns (red) */
  headerRequired: 4,
  /** the 【说明】 row */
  note: 5,
  /** a label in a text sheet */
  bold: 6,
  /** the error report's column names */
  headerWarm: 7,
  /** a report table's column names: 黑体, grey, boxed, centred */
  tableHeader: 8,
  /** a report table's cell: 仿宋, boxed */
  tableCell: 9,
  /** a report table's total row: 仿宋 bold, boxed */
  tableTotal: 10,
  /** a report's title (黑体 14) */
  title: 11,
  /** a report sheet's heading (黑体 12) */
  heading: 12,
  /** a report's paragraph: 仿宋, wrapped, top-aligned */
  paragraph: 13,
} as const;
export type StyleId = (typeof STYLE)[keyof typeof STYLE];

// children in the order Excel writes them: b, sz, color, name, family, charset
const font = (size: number, face: string, bold = false, rgb?: string) =>
  `<font>${bold ? '<b/>' : ''}<sz val="${size}"/>${rgb ? `<color rgb="${rgb}"/>` : ''}<name val="${face}"/><family val="${face === '等线' ? 2 : 3}"/><charset val="134"/></font>`;

const XF = (attrs: string, alignment?: string) =>
  alignment ? `<xf ${attrs} xfId="0" applyAlignment="1"><alignment ${alignment}/></xf>` : `<xf ${attrs} xfId="0"/>`;

const CELL_XFS = [
  XF('numFmtId="0" fontId="0" fillId="0" borderId="0"'),
  XF('numFmtId="0" fontId="0" fillId="0" borderId="0"', 'vertical="top" wrapText="1"'),
  XF('numFmtId="0" fontId="0" fillId="0" borderId="0"', 'vertical="top"'),
  XF(
    'numFmtId="0" fontId="1" fillId="2" borderId="1" applyFont="1" applyFill="1" applyBorder="1"',
    'horizontal="center" vertical="center" wrapText="1"',
  ),
  XF(
    'numFmtId="0" fontId="2" fillId="2" borderId="1" applyFont="1" applyFill="1" applyBorder="1"',
    'horizontal="center" vertical="center" wrapText="1"',
  ),
  XF(
    'numFmtId="0" fontId="3" fillId="3" borderId="1" applyFont="1" applyFill="1" applyBorder="1"',
    'vertical="top" wrapText="1"',
  ),
  XF('numFmtId="0" fontId="4" fillId="0" borderId="0" applyFont="1"', 'vertical="top" wrapText="1"'),
  XF('numFmtId="0" fontId="4" fillId="4" borderId="0" applyFont="1" applyFill="1"'),
  XF(
    'numFmtId="0" fontId="5" fillId="5" borderId="2" applyFont="1" applyFill="1" applyBorder="1"',
    'horizontal="center" vertical="center" wrapText="1"',
  ),
  XF('numFmtId="0" fontId="6" fillId="0" borderId="2" applyFont="1" applyBorder="1"', 'vertical="center" wrapText="1"'),
  XF('numFmtId="0" fontId="7" fillId="0" borderId="2" applyFont="1" applyBorder="1"', 'vertical="center" wrapText="1"'),
  XF('numFmtId="0" fontId="8" fillId="0" borderId="0" applyFont="1"'),
  XF('numFmtId="0" fontId="9" fillId="0" borderId="0" applyFont="1"'),
  XF('numFmtId="0" fontId="6" fillId="0" borderId="0" applyFont="1"', 'vertical="top" wrapText="1"'),
];

const solid = (rgb: string) =>
  `<fill><patternFill patternType="solid"><fgColor rgb="${rgb}"/><bgColor indexed="64"/></patternFill></fill>`;
const side = (name: string, color: string) => `<${name} style="thin">${color}</${name}>`;
const box = (color: string) =>
  `<border>${side('left', color)}${side('right', color)}${side('top', color)}${side('bottom', color)}<diagonal/></border>`;

const FONTS = [
  font(11, '等线'),
  font(11, '等线', true, 'FF1F3864'),
  font(11, '等线', true, 'FFC00000'),
  font(9, '等线', false, 'FF595959'),
  font(11, '等线', true),
  font(11, '黑体', true),
  font(11, '仿宋_GB2312'),
  font(11, '仿宋_GB2312', true),
  font(14, '黑体', true),
  font(12, '黑体', true),
];
const FILLS = [
  '<fill><patternFill patternType="none"/></fill>',
  '<fill><patternFill patternType="gray125"/></fill>',
  solid('FFDDEBF7'),
  solid('FFFFF8E1'),
  solid('FFFCE4D6'),
  solid('FFE7E6E6'),
];
const BORDERS = [
  '<border><left/><right/><top/><bottom/><diagonal/></border>',
  box('<color rgb="FFBFBFBF"/>'),
  box('<color indexed="64"/>'),
];

export const STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  `<fonts count="${FONTS.length}">${FONTS.join('')}</fonts>` +
  `<fills count="${FILLS.length}">${FILLS.join('')}</fills>` +
  `<borders count="${BORDERS.length}">${BORDERS.join('')}</borders>` +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  `<cellXfs count="${CELL_XFS.length}">${CELL_XFS.join('')}</cellXfs>` +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';
