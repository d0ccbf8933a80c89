// The platform's validation messages (issue 9.7): Chinese, naming the field from the issue's path
// (field-words.ts), never the validator's own text ("期望 数字，实际接收 NaN"). Installed once for
// the process with z.config({ customError }); a message written on a schema still wins.
import type { z } from 'zod';
import { fieldWords } from './field-words.js';

type Issue = Parameters<NonNullable<z.core.$ZodConfig['customError']>>[0];

const TYPE_WORDS: Record<string, string> = {
  number: '数字',
  int: '整数',
  bigint: '整数',
  string: '文字',
  boolean: '“是”或“否”',
  array: '列表',
  object: '一组内容',
  date: '日期',
  nan: '数字',
};
const FORMAT_WORDS: Record<string, string> = {
  email: '电子邮箱地址',
  url: '网址',
  date: '日期（如 2026-01-31）',
  datetime: '日期时间',
  time: '时间',
  uuid: '编号',
};

export function zodFieldError(iss: Issue): string {
  const f = fieldWords(iss.path ?? []);
  const i = iss as Issue & {
    expected?: string;
    origin?: string;
    minimum?: number | bigint;
    maximum?: number | bigint;
    inclusive?: boolean;
    format?: string;
    divisor?: number;
  };
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined || iss.input === null || iss.input === '') return `请填写${f}`;
      return `${f}应为${TYPE_WORDS[i.expected ?? ''] ?? '有效的值'}`;
    case 'too_small': {
      const n = Number(i.minimum);
      if (i.origin === 'string') return n <= 1 ? `请填写${f}` : `${f}至少${n}个字`;
      if (i.origin === 'array' || i.origin === 'set') return n <= 1 ? `请至少填写一项${f}` : `${f}至少${n}项`;
      if (i.origin === 'date') return `${f}不能早于${String(i.minimum)}`;
      return i.inclusive === false ? `${f}应大于${n}` : `${f}不能小于${n}`;
    }
    case 'too_big': {
      const n = Number(i.maximum);
      if (i.origin === 'string') return `${f}不能超过${n}个字`;
      if (i.origin === 'array' || i.origin === 'set') return `${f}不能超过${n}项`;
      if (i.origin === 'file') return `${f}过大`;
      if (i.origin === 'date') return `${f}不能晚于${String(i.maximum)}`;
      return i.inclusive === false ? `${f}应小于${n}` : `${f}不能大于${n}`;
    }
    case 'invalid_format':
      return `${f}格式不正确${FORMAT_WORDS[i.format ?? ''] ? `，应为${FORMAT_WORDS[i.format ?? '']}` : ''}`;
    case 'invalid_value':
      if (iss.input === undefined || iss.input === null || iss.input === '') return `请选择${f}`;
      return `${f}的取值无效，请从可选项中选择`;
    case 'not_multiple_of':
      return `${f}应为${i.divisor}的整数倍`;
    case 'unrecognized_keys':
      return `${f === '该项' ? '请求' : f}中含有不接受的项目`;
    default:
      return `${f}格式不正确`;
  }
}
