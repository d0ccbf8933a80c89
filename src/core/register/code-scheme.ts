// 权力编码 — the one documented code scheme (spec §2; regulation 第六条 lists 权力编码 as a
// 职权信息表 element).
//
//   {regionCode}-{bodyCode}-{category}-{主项}-{子项}      e.g. 150200-012-XK-00003-000
//
//   regionCode  6 digits   the body's region (150200 包头市, 150203 昆都仑区, 150271 稀土高新区 …);
//               9 digits for a 苏木乡镇·街道 body (§18), e.g. 150203001
//   bodyCode    3 digits   the body's number within its region (body.seq), 001–999
//   category    2 letters  the 权力类别 letter code of the rulebook in force (XK CF QZ …, BA)
//   主项        5 digits   00001–99999, numbered per region + body + category
//   子项        3 digits   000 for the 主项 itself; 001–999 for its 子项
//
// Rules:
//   - A number once issued is never issued again, even after the power is cancelled,
//     delegated or merged (spec §2 "never reused after cancellation"): the next number is
//     max + 1 over every code ever issued in that scope, never the first gap.
//   - 合并 gets a new 主项 code (linked to the old ones through predecessorCodes);
//     分设 gets new 子项 codes under the 主项.
//   - A 子项's parent is the code with the same first four parts and 子项 000.

export interface PowerCodeParts {
  regionCode: string;
  bodyCode: string;
  category: string;
  /** 1–99999 */
  main: number;
  /** 0 for a 主项, 1–999 for a 子项 */
  sub: number;
}

export type CodeParseResult = { ok: true; value: PowerCodeParts } | { ok: false; error: string };

export const MAX_MAIN = 99_999;
export const MAX_SUB = 999;
const CODE_RE = /^(\d{6}(?:\d{3})?)-(\d{3})-([A-Z]{2})-(\d{5})-(\d{3})$/;

export function formatPowerCode(p: PowerCodeParts): string {
  if (!/^\d{6}(\d{3})?$/.test(p.regionCode))
    throw new RangeError(`区划代码应为6位（市、旗县区）或9位（苏木乡镇·街道，§18）数字：${p.regionCode}`);
  if (!/^\d{3}$/.test(p.bodyCode) || p.bodyCode === '000') {
    throw new RangeError(`部门代码应为001–999的3位数字：${p.bodyCode}`);
  }
  if (!/^[A-Z]{2}$/.test(p.category)) throw new RangeError(`权力类别代码应为2位大写字母：${p.category}`);
  if (!Number.isInteger(p.main) || p.main < 1 || p.main > MAX_MAIN) {
    throw new RangeError(`主项序号应在1–${MAX_MAIN}之间：${p.main}`);
  }
  if (!Number.isInteger(p.sub) || p.sub < 0 || p.sub > MAX_SUB) {
    throw new RangeError(`子项序号应在0–${MAX_SUB}之间：${p.sub}`);
  }
  return [p.regionCode, p.bodyCode, p.category, String(p.main).padStart(5, '0'), String(p.sub).padStart(3, '0')].join(
    '-',
  );
}

export interface ParseOptions {
  /** Category letter codes of the rulebook in force; when given, others are rejected. */
  allowedCategories?: Iterable<string>;
}

/** Parse and validate a code; the error is a Chinese message fit for an import report. */
export function parsePowerCode(code: unknown, opts: ParseOptions = {}): CodeParseResult {
  if (typeof code !== 'string' || code.trim() === '') return { ok: false, error: '权力编码不能为空' };
  const m = CODE_RE.exec(code.trim());
  if (!m) {
    return {
      ok: false,
      error: `权力编码“${code}”格式不正确，应为“区划代码6位-部门代码3位-类别字母2位-主项5位-子项3位”，例如 150200-012-XK-00003-000`,
    };
  }
  const [, regionCode, bodyCode, category, mainStr, subStr] = m;
  if (bodyCode === '000') return { ok: false, error: `权力编码“${code}”的部门代码不能为000` };
  if (mainStr === '00000') return { ok: false, error: `权力编码“${code}”的主项序号不能为00000` };
  if (opts.allowedCategories) {
    const allowed = [...opts.allowedCategories];
    if (!allowed.includes(category)) {
      return {
        ok: false,
        error: `权力编码“${code}”的类别代码${category}不在现行规则的类别中（${allowed.join('、')}）`,
      };
    }
  }
  return { ok: true, value: { regionCode, bodyCode, category, main: Number(mainStr), sub: Number(subStr) } };
}

/** null when valid, otherwise the Chinese error message. */
export function validatePowerCode(code: unknown, opts: ParseOptions = {}): string | null {
  const r = parsePowerCode(code, opts);
  return r.ok ? null : r.error;
}

export function isSubItemCode(code: string): boolean {
  const r = parsePowerCode(code);
  return r.ok && r.value.sub > 0;
}

/** The 主项 code of a 子项 code (the code itself for a 主项). Throws on an invalid code. */
export function mainCodeOf(code: string): string {
  const r = parsePowerCode(code);
  if (!r.ok) throw new RangeError(r.error);
  return formatPowerCode({ ...r.value, sub: 0 });
}

export interface CodeScope {
  regionCode: string;
  bodyCode: string;
  category: string;
}

/**
 * The code for a new 主项 in `scope`: 主项 = 1 + the highest 主项 number ever issued in that
 * region + body + category, counting every code in `existingCodesIncludingCancelled`
 * (cancelled, delegated and merged ones too), so a number is never reused (spec §2).
 * Strings that are not valid codes cannot collide with a valid one and are skipped.
 */
export function nextCode(existingCodesIncludingCancelled: Iterable<string>, scope: CodeScope): string {
  let max = 0;
  for (const c of existingCodesIncludingCancelled) {
    const r = parsePowerCode(c);
    if (!r.ok) continue;
    const v = r.value;
    if (v.regionCode === scope.regionCode && v.bodyCode === scope.bodyCode && v.category === scope.category) {
      if (v.main > max) max = v.main;
    }
  }
  if (max >= MAX_MAIN) {
    throw new RangeError(`${scope.regionCode}-${scope.bodyCode}-${scope.category} 的主项序号已用尽（最大${MAX_MAIN}）`);
  }
  return formatPowerCode({ ...scope, main: max + 1, sub: 0 });
}

/**
 * The code for a new 子项 under the 主项 `parentCode`: 1 + the highest 子项 number ever
 * issued under it (spec §2: 分设 gets new 子项 codes; numbers are never reused).
 */
export function nextSubCode(existingCodesIncludingCancelled: Iterable<string>, parentCode: string): string {
  const p = parsePowerCode(parentCode);
  if (!p.ok) throw new RangeError(p.error);
  if (p.value.sub !== 0) throw new RangeError(`“${parentCode}”是子项编码，子项下不能再设子项`);
  const parent = p.value;
  let max = 0;
  for (const c of existingCodesIncludingCancelled) {
    const r = parsePowerCode(c);
    if (!r.ok) continue;
    const v = r.value;
    if (
      v.regionCode === parent.regionCode &&
      v.bodyCode === parent.bodyCode &&
      v.category === parent.category &&
      v.main === parent.main &&
      v.sub > max
    ) {
      max = v.sub;
    }
  }
  if (max >= MAX_SUB) throw new RangeError(`主项“${parentCode}”的子项序号已用尽（最大${MAX_SUB}）`);
  return formatPowerCode({ ...parent, sub: max + 1 });
}
