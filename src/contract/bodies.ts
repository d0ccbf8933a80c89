// Regions and bodies (spec §1): the kinds of 职权行使机构, the request schemas of the body form
// and the rows the workspace reads. Imports only zod and src/contract (architecture test).
import { z } from 'zod';
import { officeSchema } from './common.js';
import { nameText, optNameText } from './names.js';

// spec §1 kinds of 职权行使机构 and the offices of a level, plus the forms Baotou's bodies take
export const BODY_KINDS = [
  '政府工作部门',
  '部门管理机构',
  '党委部门',
  '保留权责清单的党委部门',
  '合并设立的部门',
  '法律法规授权组织',
  '政府工作部门（市公安局派出机构）',
  '市生态环境局派出机构',
  '派出机构（开发区）',
  '开发区管理委员会',
  '苏木乡镇人民政府',
  '街道办事处',
  '人民政府',
  '协调小组办公室',
] as const;

// ---------------------------------------------------------------- requests

export const bodyInput = z.object({
  regionCode: z.string().regex(/^\d{6}(\d{3})?$/, '区划代码应为6位或9位数字'),
  name: nameText('机构名称', 60, 2),
  shortName: optNameText('简称', 20).optional(),
  kind: z.enum(BODY_KINDS, { message: `机构类型须为：${BODY_KINDS.join('、')}` }),
});
export type BodyInput = z.infer<typeof bodyInput>;

export const bodyPatch = bodyInput.pick({ name: true, shortName: true, kind: true }).partial();
export type BodyPatch = z.infer<typeof bodyPatch>;

export const bodiesQuery = z.object({
  region: z
    .string()
    .regex(/^\d{6,9}$/, '区划代码格式不正确')
    .optional(),
  q: z.string().max(40).optional(),
});

// ---------------------------------------------------------------- responses

export const regionSchema = z.object({
  code: z.string(),
  name: z.string(),
  /** 地级市, 市辖区, 旗, 县, 开发区, 街道, 镇, 乡, 苏木 … */
  kind: z.string(),
  /** 1 市, 2 旗县区, 3 苏木乡镇街道 */
  level: z.number().int(),
  parent_code: z.string().nullable(),
  path: z.string(),
});
export type Region = z.infer<typeof regionSchema>;

export const bodySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.string(),
  office: officeSchema.nullable(),
  seq: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  regionPath: z.string(),
  regionLevel: z.number().int(),
});
export type Body = z.infer<typeof bodySchema>;
