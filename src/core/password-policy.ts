// Password policy (等保 practice): minimum length and character classes, set by the security admin.
export interface PasswordPolicy {
  minLength: number;
  minClasses: number;
}

const CLASSES: [RegExp, string][] = [
  [/[a-z]/, '小写字母'],
  [/[A-Z]/, '大写字母'],
  [/[0-9]/, '数字'],
  [/[^A-Za-z0-9]/, '特殊字符'],
];

/** Returns the Chinese reason the password is refused, or null when it is acceptable. */
export function checkPassword(pw: string, policy: PasswordPolicy, username?: string): string | null {
  if (pw.length < policy.minLength) return `密码长度至少为${policy.minLength}位`;
  if (pw.length > 128) return '密码长度不能超过128位';
  const classes = CLASSES.filter(([re]) => re.test(pw)).length;
  if (classes < policy.minClasses)
    return `密码须包含大写字母、小写字母、数字、特殊字符中的至少${policy.minClasses}类`;
  if (username && pw.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  return null;
}
