import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { zodFieldError } from './zod-words.js';

z.config({ customError: zodFieldError });
const messages = (schema: z.ZodType, input: unknown) => schema.safeParse(input).error?.issues.map((i) => i.message);

describe('validation messages name the field in Chinese', () => {
  const s = z.object({
    title: z.string().min(1),
    triggerDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    year: z.coerce.number().int().min(2000).max(2100),
    items: z.array(z.object({ values: z.object({ accountabilityCases: z.array(z.string().max(5)) }) })).min(1),
    kind: z.enum(['add', 'cancel']),
    mystery: z.string(),
  });

  it.each<[string, unknown, string[]]>([
    [
      'missing fields',
      {},
      ['请填写标题', '请填写事由发生之日', '年份应为数字', '请填写拟调整事项', '请选择调整类型', '请填写该项'],
    ],
    [
      'raw validator cases',
      { title: '', triggerDate: '明天', year: 'abc', items: [], kind: 'x', mystery: 1 },
      [
        '请填写标题',
        '事由发生之日格式不正确',
        '年份应为数字',
        '请至少填写一项拟调整事项',
        '调整类型的取值无效，请从可选项中选择',
        '该项应为文字',
      ],
    ],
    [
      'bounds and nesting',
      {
        title: '甲',
        triggerDate: '2026-01-01',
        year: 1999,
        items: [{ values: { accountabilityCases: ['好', '超过五个字的情形'] } }],
        kind: 'add',
        mystery: '',
      },
      ['年份不能小于2000', '追责情形第2项不能超过5个字'],
    ],
  ])('%s', (_l, input, expected) => {
    const got = messages(s, input)!;
    expect(got).toEqual(expected);
    for (const m of got) expect(m).not.toMatch(/[A-Za-z]{3,}|期望|实际接收|NaN/);
  });

  it('a message written on the schema still wins', () => {
    expect(messages(z.object({ name: z.string().min(2, '行政职权名称至少2个字') }), { name: '甲' })).toEqual([
      '行政职权名称至少2个字',
    ]);
  });
});
