// The register's words for a power's fields and values (§6 职权信息表, §7 citations), shared by
// the portal's pages and the workspace: field names, their parts, a change's path and a value as
// one line of text, and where a version came from.
export const SOURCE_LABEL: Record<string, string> = { compilation: '编制公布', adjustment: '动态调整' };

/** 职权信息表 field names, for the field-level difference between versions (§6). */
export const FIELD_LABEL: Record<string, string> = {
  name: '行政职权名称',
  code: '权力编码',
  category: '权力类别',
  responsibleSubject: '责任主体',
  implementingAgency: '实施机构',
  legalBases: '法定依据',
  responsibilities: '责任事项',
  accountabilityCases: '追责情形',
  accountabilityBasis: '追责依据',
  remarks: '备注',
  status: '状态',
  predecessorCodes: '合并前编码',
  links: '下放（委托）关联',
};

const SUB_LABEL: Record<string, string> = {
  documentName: '文件名称',
  level: '效力层级',
  article: '条款',
  text: '条文内容',
  effectiveDate: '施行日期',
  expiryDate: '有效期至',
  inferred: '待核',
  name: '名称',
  content: '内容',
  order: '顺序',
};

/** legalBases[1].article → 法定依据 · 第2项 · 条款 */
export function pathLabel(path: string): string {
  const parts = path.match(/[^.[\]]+|\[\d+\]/g) ?? [path];
  return parts
    .map((p, i) => {
      const idx = /^\[(\d+)\]$/.exec(p);
      if (idx) return `第${Number(idx[1]) + 1}项`;
      return i === 0 ? (FIELD_LABEL[p] ?? p) : (SUB_LABEL[p] ?? p);
    })
    .join(' · ');
}

/** A field value as text: strings as they are, a citation or a responsibility item spelled out. */
export function valueText(v: unknown): string {
  if (v === undefined || v === null || v === '') return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(valueText).join('；');
  const o = v as Record<string, unknown>;
  if ('documentName' in o) return `${o.documentName ?? ''}${o.article ?? ''}${o.text ? `：${o.text}` : ''}`;
  if ('name' in o && 'content' in o) return `${o.name}${o.content ? `：${o.content}` : ''}`;
  return JSON.stringify(v);
}
