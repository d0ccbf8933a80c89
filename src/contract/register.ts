// The register's contract (spec §2; 职权信息表 fields of §6, citations of §7, §8 screening):
// power statuses and legal levels with their Chinese words, the request schemas of drafts,
// documents and versions, and the response schemas the workspace reads (its types are
// `Wire<…>` of these). Imports only zod and src/contract (architecture test).
import { z } from 'zod';
import { nameText, optNameText } from './names.js';
import { editVersion, isCalendarDay } from './wire.js';

// Spec §2: status of a power. Code names ↔ the Chinese shown to users.
export const POWER_STATUSES = ['active', 'cancelled', 'delegated', 'entrusted', 'merged'] as const;
export type PowerStatus = (typeof POWER_STATUSES)[number];
export const POWER_STATUS_LABELS: Readonly<Record<PowerStatus, string>> = {
  active: '在用',
  cancelled: '已取消',
  delegated: '已下放',
  entrusted: '已委托',
  merged: '已合并',
};

// §7: the levels a 设定依据 may have — 法律、法规（行政法规、地方性法规）、国务院决定、
// 自治区和市人民政府规章, and the 临时性行政许可 (valid one year).
export const STATUTORY_LEGAL_LEVELS = [
  '法律',
  '行政法规',
  '国务院决定',
  '地方性法规',
  '自治区政府规章',
  '市政府规章',
  '临时性行政许可',
] as const;
// Not 设定依据 under §7, but cited in the reference data (accountability bases, the rule itself).
export const OTHER_LEGAL_LEVELS = ['部门规章', '规范性文件'] as const;
export const LEGAL_LEVELS = [...STATUTORY_LEGAL_LEVELS, ...OTHER_LEGAL_LEVELS] as const;
export type LegalLevel = (typeof LEGAL_LEVELS)[number];

/** Spec §2: a compilation draft's states, and their words. */
export const DRAFT_STATUSES = ['drafting', 'submitted', 'returned', 'reviewed', 'published', 'withdrawn'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];
export const DRAFT_STATUS_LABELS: Readonly<Record<DraftStatus, string>> = {
  drafting: '编制中',
  submitted: '审查中',
  returned: '已退回',
  reviewed: '审查通过',
  published: '已公布',
  withdrawn: '已撤回',
};

// ---------------------------------------------------------------- requests

const text = (label: string, max: number) =>
  z
    .string({ message: `请输入${label}` })
    .trim()
    .min(1, `请输入${label}`)
    .max(max, `${label}不能超过${max}个字`);
const optText = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过${max}个字`);
export const isoDate = (label: string) =>
  z.string().refine(isCalendarDay, `${label}格式应为 YYYY-MM-DD（如 2026-03-31）`);

export const levelEnum = z.enum(LEGAL_LEVELS, { message: `法律文件层级须为：${LEGAL_LEVELS.join('、')}` });

export const newDocumentBody = z.object({
  name: nameText('法律文件名称', 200),
  level: levelEnum,
  issuingBody: optText('制定机关', 100).optional(),
  documentNumber: optText('文号', 100).optional(),
  latestVersionDate: isoDate('最新修订日期').optional(),
  effectiveDate: isoDate('生效日期').optional(),
  expiryDate: isoDate('失效日期').optional(),
});

export const documentQuery = z.object({
  q: z.string().trim().max(100, '关键词不能超过100个字').optional(),
  level: levelEnum.optional(),
  limit: z.coerce.number().int().min(1, '每页条数至少为1').max(200, '每页最多200条').default(50),
  offset: z.coerce.number().int().min(0, '起始位置不能为负').default(0),
});

/** §7: one citation — a document from the register (by id or by title) and the article cited. */
export const citationInput = z
  .object({
    documentId: z.number().int().positive('法律文件编号无效').optional(),
    documentName: optNameText('法律文件名称', 200).default(''),
    article: text('条款（如 第十二条）', 100),
    text: optText('条款内容', 4000).default(''),
    inferred: z.boolean().optional(),
  })
  .refine((c) => c.documentId !== undefined || c.documentName !== '', {
    message: '请选择法律文件',
    path: ['documentName'],
  });

export const responsibilityInput = z.object({
  name: nameText('责任事项名称', 50),
  content: text('责任事项内容', 2000),
});

/** The 职权信息表 fields of one power (§6). The code is issued by the platform, never typed. */
export const powerInput = z.object({
  name: nameText('行政职权名称', 200),
  category: z.string({ message: '请选择权力类别' }).regex(/^[A-Z]{2}$/, '请选择权力类别'),
  parentCode: z.string().trim().nullable().optional(),
  responsibleSubject: nameText('责任主体', 100),
  implementingAgency: nameText('实施机构', 200),
  legalBases: z
    .array(citationInput, { message: '请至少填写一项法定依据' })
    .min(1, '请至少填写一项法定依据')
    .max(50, '法定依据不能超过50项'),
  responsibilities: z
    .array(responsibilityInput, { message: '请填写责任事项' })
    .min(1, '请至少填写一项责任事项')
    .max(30, '责任事项不能超过30项'),
  accountabilityCases: z
    .array(text('追责情形', 500), { message: '请填写追责情形' })
    .min(1, '请至少填写一项追责情形')
    .max(50, '追责情形不能超过50项'),
  accountabilityBasis: text('追责依据', 20000),
  remarks: optText('备注', 2000).default(''),
  status: z.enum(POWER_STATUSES, { message: '状态须为：在用、已取消、已下放、已委托、已合并' }).default('active'),
});
export type PowerInput = z.infer<typeof powerInput>;

/** A batch (e.g. an import): a new 子项 may name its new 主项 in the same batch by `ref`. */
export const powerBatchBody = z.object({
  powers: z
    .array(powerInput.extend({ ref: z.string().max(40).optional(), parentRef: z.string().max(40).optional() }))
    .min(1, '请至少提交一项行政职权')
    .max(5000, '一次最多提交5000项'),
});

export const dutyInput = z.object({ name: nameText('职责名称', 200), content: optText('职责内容', 4000).default('') });
export { editVersion };

export const dutiesBody = z.object({ duties: z.array(dutyInput).max(200, '职责不能超过200项'), version: editVersion });

export const newDraftBody = z.object({ bodyId: z.number({ message: '请选择机构' }).int().positive('请选择机构') });

export const reviewBody = z
  .object({
    decision: z.enum(['pass', 'return'], { message: '审查结论须为“通过”(pass)或“退回”(return)' }),
    reason: z.string().trim().max(2000, '意见不能超过2000个字').optional(),
  })
  .refine((b) => b.decision === 'pass' || (b.reason ?? '').length >= 2, {
    message: '退回须填写退回理由（至少2个字）',
    path: ['reason'],
  });

export const overrideBody = z.object({
  note: z
    .string({ message: '请填写复核说明' })
    .trim()
    .min(4, '复核说明至少4个字')
    .max(2000, '复核说明不能超过2000个字'),
});
export const publishBody = z.object({ note: z.string().trim().max(2000, '说明不能超过2000个字').optional() });

export const draftPowerParams = z.object({
  id: z.coerce.number().int().positive('草稿编号无效').max(2_147_483_647),
  powerId: z.coerce.number().int().positive('事项编号无效').max(2_147_483_647),
});
export const draftListQuery = z.object({ status: z.string().max(80).optional() });
export const bodyParams = z.object({ bodyId: z.coerce.number().int().positive('机构编号无效').max(2_147_483_647) });
export const listQuery = z
  .object({
    version: z.coerce.number().int().positive('版本号应为正整数').optional(),
    date: isoDate('日期').optional(),
  })
  .refine((q) => !(q.version && q.date), { message: '版本号和日期只能指定一个' });
export const compareQuery = z.object({
  from: z.coerce.number({ message: '请指定对比的旧版本号' }).int().positive('版本号应为正整数'),
  to: z.coerce.number({ message: '请指定对比的新版本号' }).int().positive('版本号应为正整数'),
});
export const lapsingQuery = z.object({
  bodyId: z.coerce.number().int().positive('机构编号无效').optional(),
  region: z
    .string()
    .regex(/^\d{6}(\d{3})?$/, '区划代码应为6位或9位数字')
    .optional(),
});
