// The open data API (spec §7, no login): the bodies with their current versions, a body's version
// history and its list as JSON or CSV, and the portal's HTML pages. The JSON shapes are exact:
// the serializer drops unknown keys, and the digest covers them all. Imports only zod and src/contract.
import { z } from 'zod';

export const versionQuery = z.object({
  version: z.coerce
    .number({ error: '版本号应为数字' })
    .int('版本号应为整数')
    .positive('版本号应为正整数')
    .max(1_000_000, '版本号无效')
    .optional(),
});

// every field spelled out: the serializer drops unknown keys, and the digest covers them all
const citation = z.object({
  documentId: z.union([z.string(), z.number()]).optional(),
  documentName: z.string(),
  level: z.string(),
  article: z.string(),
  text: z.string(),
  inferred: z.boolean().optional(),
  effectiveDate: z.string().optional(),
  expiryDate: z.string().optional(),
});
export const openPowerSchema = z.object({
  code: z.string().describe('权力编码'),
  parentCode: z.string().nullable().optional().describe('主项编码（子项才有）'),
  name: z.string().describe('行政职权名称'),
  category: z.string().describe('权力类别代码，见 categories'),
  responsibleSubject: z.string().describe('责任主体'),
  implementingAgency: z.string().describe('实施机构'),
  legalBases: z.array(citation).describe('法定依据'),
  responsibilities: z
    .array(z.object({ order: z.number(), name: z.string(), content: z.string() }))
    .describe('责任事项（有序）'),
  accountabilityCases: z.array(z.string()).describe('追责情形'),
  accountabilityBasis: z.string().describe('追责依据'),
  remarks: z.string().describe('备注'),
  status: z.string().describe('状态：active 在用、cancelled 已取消、delegated 已下放、entrusted 已委托、merged 已合并'),
  predecessorCodes: z.array(z.string()).optional().describe('合并前的权力编码'),
  links: z.array(z.unknown()).optional().describe('下放（委托）关联'),
});
export const openListSchema = z.object({
  body: z.object({
    id: z.number(),
    name: z.string(),
    kind: z.string(),
    region: z.object({ code: z.string(), name: z.string(), level: z.number(), levelLabel: z.string() }),
  }),
  version: z.number(),
  publishedAt: z.string(),
  effectiveDate: z.string(),
  digest: z.string().describe('SM3(规范化 JSON(powers))，可据此核验下载内容'),
  digestAlgorithm: z.literal('SM3'),
  source: z.object({ type: z.string(), id: z.number().nullable() }),
  rulebook: z.string(),
  categories: z.record(z.string(), z.string()),
  powerCount: z.number(),
  duties: z.array(z.object({ name: z.string(), content: z.string() })),
  powers: z.array(openPowerSchema),
});
export const openVersionSchema = z.object({
  version: z.number(),
  publishedAt: z.string(),
  effectiveDate: z.string(),
  digest: z.string(),
  powerCount: z.number(),
  source: z.object({ type: z.string(), id: z.number().nullable() }),
  json: z.string(),
  csv: z.string(),
});

export const openBodiesSchema = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      region: z.string(),
      level: z.number(),
      version: z.number(),
      digest: z.string(),
      json: z.string(),
      csv: z.string(),
    }),
  ),
});

export const openVersionsSchema = z.object({
  body: z.object({ id: z.number(), name: z.string() }),
  items: z.array(openVersionSchema),
});

/** A body's list as CSV (UTF-8 with BOM, for spreadsheet programs). */
export const csvSchema = z.string().describe('text/csv');
