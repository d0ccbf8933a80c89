// The public search of the register in force (portal /search and GET /api/public/search): its
// query and its JSON answer. Imports only zod and src/contract (architecture test).
import { z } from 'zod';

/** A longer query is refused: the terms are matched one by one against every searched field. */
export const MAX_QUERY_CHARS = 100;
/** Hits counted at most; `capped` says there were more. */
export const RESULT_CAP = 200;
export const SEARCH_PAGE_SIZE = 20;

// a form sends an empty field for "any": the same as leaving it out
const blank = (v: unknown) => (v === '' ? undefined : v);

export const searchQuery = z.object({
  q: z.string().max(MAX_QUERY_CHARS, `检索词不能超过 ${MAX_QUERY_CHARS} 个字`).default(''),
  level: z.preprocess(
    blank,
    z.coerce
      .number({ error: '层级应为 1、2 或 3' })
      .int()
      .min(1, '层级应为 1、2 或 3')
      .max(3, '层级应为 1、2 或 3')
      .optional(),
  ),
  category: z.preprocess(
    blank,
    z
      .string()
      .regex(/^[A-Z]{2}$/, '权力类别应为两位大写字母代码，如 XK')
      .optional(),
  ),
  body: z.preprocess(
    blank,
    z.coerce
      .number({ error: '机构编号应为数字' })
      .int('机构编号应为整数')
      .positive('机构编号无效')
      .max(2_147_483_647, '机构编号无效')
      .optional(),
  ),
  page: z.preprocess(
    blank,
    z.coerce
      .number({ error: '页码应为数字' })
      .int('页码应为整数')
      .min(1, '页码应从 1 开始')
      .max(RESULT_CAP, '页码超出范围')
      .default(1),
  ),
});
export type SearchQuery = z.infer<typeof searchQuery>;

export const searchHitSchema = z.object({
  code: z.string(),
  name: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  status: z.string(),
  body: z.object({ id: z.number(), name: z.string(), region: z.string(), level: z.number() }),
  url: z.string(),
});

export const searchAnswerSchema = z.object({
  q: z.string(),
  total: z.number(),
  capped: z.boolean(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(searchHitSchema),
});
