// Open data (issue 14.3, §15 ¶2): the staff side — webhook consumers registered by the city's office
// or the system administrator and their delivery log — and the public v1 API's own shapes (bulk
// manifests, diffs). The list itself is portal.ts's openListSchema. Imports only zod and src/contract.
import { z } from 'zod';
import { openPowerSchema } from './portal.js';

export const WEBHOOK_EVENTS = ['list.published'] as const;
export const WEBHOOK_EVENT_LABELS: Record<(typeof WEBHOOK_EVENTS)[number] | 'ping', string> = {
  'list.published': '权责清单公布新版本',
  ping: '测试推送',
};
export const REGION_LEVEL_LABELS: Record<number, string> = { 1: '市本级', 2: '旗县区', 3: '苏木乡镇（街道）' };
export const DELIVERY_STATUS_LABELS = { pending: '待发送', sent: '已送达', failed: '已放弃' } as const;

export const consumerBody = z.object({
  name: z.string().trim().min(1, '请输入订阅方名称').max(100, '名称不超过 100 字'),
  url: z.string().trim().min(1, '请输入接收地址').max(2000, '接收地址过长'),
  events: z.array(z.enum(WEBHOOK_EVENTS, { error: '事件类型无效' })).min(1, '请至少选择一种事件'),
  regionLevel: z
    .union([z.literal(1), z.literal(2), z.literal(3)], { error: '层级应为 1（市本级）、2（旗县区）或 3（苏木乡镇）' })
    .nullable()
    .default(null),
});
export type ConsumerBody = z.input<typeof consumerBody>;
export type ConsumerInput = z.output<typeof consumerBody>;

export const consumerSchema = z.object({
  id: z.number(),
  name: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  regionLevel: z.number().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  createdByName: z.string(),
  pending: z.number(),
  sent: z.number(),
  failed: z.number(),
});
export const consumersSchema = z.object({ items: z.array(consumerSchema), canManage: z.boolean() });
/** The secret appears in this answer only (registration): it is never shown again. */
export const consumerCreatedSchema = z.object({ consumer: consumerSchema, secret: z.string() });

export const deliverySchema = z.object({
  id: z.number(),
  event: z.string(),
  status: z.enum(['pending', 'sent', 'failed']),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  lastStatus: z.number().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
  publication: z.object({ bodyId: z.number(), bodyName: z.string(), version: z.number() }).nullable(),
  tries: z.array(
    z.object({
      at: z.string(),
      statusCode: z.number().nullable(),
      error: z.string().nullable(),
      durationMs: z.number(),
    }),
  ),
});
export const deliveriesSchema = z.object({ consumer: consumerSchema, items: z.array(deliverySchema) });

// ---- the public v1 API
export const levelParam = z.object({
  level: z.coerce
    .number({ error: '层级应为数字' })
    .int('层级应为整数')
    .min(1, '层级应为 1（市本级）、2（旗县区）或 3（苏木乡镇）')
    .max(3, '层级应为 1（市本级）、2（旗县区）或 3（苏木乡镇）'),
});
export const versionParam = z.object({
  id: z.coerce.number({ error: '机构编号应为数字' }).int().positive().max(2_147_483_647),
  version: z.coerce.number({ error: '版本号应为数字' }).int('版本号应为整数').positive().max(1_000_000),
});
/** A changes feed's older page: the entries published before this publication id (rel="next"). */
export const feedQuery = z.object({
  before: z.coerce
    .number({ error: 'before 应为数字' })
    .int('before 应为整数')
    .positive('before 应为正整数')
    .max(2_147_483_647)
    .optional(),
});
export const diffQuery = z.object({
  from: z.coerce.number({ error: '版本号应为数字' }).int('版本号应为整数').min(0).max(1_000_000).optional(),
});

const named = z.object({ code: z.string(), name: z.string() });
export const changeSummarySchema = z.object({
  added: z.array(named),
  removed: z.array(named),
  changed: z.array(named.extend({ fields: z.array(z.string()) })),
  unchangedCount: z.number(),
});
export const diffSchema = z.object({
  body: z.object({ id: z.number(), name: z.string() }),
  from: z.number().describe('0：首次公布，无前一版本'),
  to: z.number(),
  digestFrom: z.string().nullable(),
  digestTo: z.string(),
  changes: changeSummarySchema,
});

export const manifestSchema = z.object({
  scope: z.object({ level: z.number().nullable(), label: z.string() }),
  digest: z.string().describe('SM3(规范化 JSON([{bodyId, version, digest}…]，按机构编号排序))：整份批量数据的公布摘要'),
  digestAlgorithm: z.literal('SM3'),
  lastPublishedAt: z.string().nullable(),
  bodyCount: z.number(),
  powerCount: z.number(),
  schema: z.string(),
  downloads: z.object({ jsonl: z.string(), csv: z.string(), atom: z.string() }),
  bodies: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      regionCode: z.string(),
      regionName: z.string(),
      level: z.number(),
      version: z.number(),
      publishedAt: z.string(),
      digest: z.string(),
      powerCount: z.number(),
    }),
  ),
});

/** One line of a bulk JSON Lines download (power-line.v1; published as a JSON Schema file). */
export const powerLineSchema = z
  .object({
    body: z
      .object({
        id: z.number().int().describe('机构编号'),
        name: z.string().describe('机构名称'),
        region: z.object({
          code: z.string().describe('行政区划代码'),
          name: z.string().describe('区划名称'),
          level: z.number().int().min(1).max(3).describe('层级：1 市本级、2 旗县区、3 苏木乡镇（街道）'),
        }),
      })
      .describe('实施机构'),
    version: z.number().int().positive().describe('该机构权责清单的版本号'),
    digest: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe('该版本的公布摘要：同一机构各行 power 依次组成数组，按规范化 JSON 计算 SM3 即得此值'),
    power: openPowerSchema.describe('行政职权（职权信息表各项）'),
  })
  .describe('权责清单批量下载（JSON Lines）的一行：一项行政职权及其所属机构、版本与公布摘要');
