// Password policy (等保 practice): minimum length and character classes, set by the security
// admin; common passwords and the published demo password are always refused (issue 10.4).
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

/** The password every demo account shares; it is printed in the README, so no real account may use it. */
export const PUBLISHED_DEMO_PASSWORD = 'Baotou@2026';

// The words behind the passwords most often guessed — English, keyboard runs, and pinyin
// ones common in China (woaini, mima, zhongguo, common names) — and this platform's own.
// A password that is one of them plus digits and symbols ("Woaini@1314", "Admin@123") is refused.
const COMMON_WORDS = new Set([
  'password',
  'passwd',
  'passw',
  'pass',
  'admin',
  'administrator',
  'root',
  'test',
  'user',
  'guest',
  'system',
  'welcome',
  'changeme',
  'letmein',
  'iloveyou',
  'love',
  'qwerty',
  'qwer',
  'qwe',
  'asdf',
  'asd',
  'zxcv',
  'zxc',
  'qaz',
  'qazwsx',
  'qweasd',
  'qweasdzxc',
  'asdfgh',
  'qwertyuiop',
  'abc',
  'abcd',
  'abcde',
  'abcdef',
  'abcdefg',
  'a',
  'aa',
  'aaa',
  'aaaa',
  'q',
  'qq',
  'p',
  'pw',
  'pwd',
  'huawei',
  'china',
  'beijing',
  'woaini',
  'wodemima',
  'mima',
  'zhongguo',
  'zhangwei',
  'wangwei',
  'wangfang',
  'liwei',
  'lina',
  'zhangmin',
  'liuyang',
  'wangjing',
  'baotou',
  'neimenggu',
  'sysadmin',
  'secadmin',
  'auditor',
  'qzqd',
  'quanze',
]);

/** Refused regardless of the rules: the demo password and the common ones. */
function commonReason(pw: string): string | null {
  if (pw.toLowerCase() === PUBLISHED_DEMO_PASSWORD.toLowerCase()) return '不能使用公开的演示密码';
  const letters = pw.toLowerCase().replace(/[^a-z]/g, '');
  const unleet = pw
    .toLowerCase()
    .replace(/[@4]/g, 'a')
    .replace(/0/g, 'o')
    .replace(/[$5]/g, 's')
    .replace(/3/g, 'e')
    .replace(/[^a-z]/g, '');
  const rest = pw.replace(/[A-Za-z]/g, '');
  // a common word (also written P@ssw0rd) with digits and symbols around it; or one letter repeated
  if (COMMON_WORDS.has(letters) || COMMON_WORDS.has(unleet) || /^(.)\1*$/.test(letters))
    return '密码过于常见（常用词或拼音加数字、符号），容易被猜中，请换一个';
  if (/^(?:0123456789|1234567890|9876543210)/.test(rest) && letters.length <= 3)
    return '密码过于常见（连续数字），容易被猜中，请换一个';
  return null;
}

/** Returns the Chinese reason the password is refused, or null when it is acceptable. */
export function checkPassword(pw: string, policy: PasswordPolicy, username?: string): string | null {
  if (pw.length < policy.minLength) return `密码长度至少为${policy.minLength}位`;
  if (pw.length > 128) return '密码长度不能超过128位';
  const classes = CLASSES.filter(([re]) => re.test(pw)).length;
  if (classes < policy.minClasses) return `密码须包含大写字母、小写字母、数字、特殊字符中的至少${policy.minClasses}类`;
  if (username && pw.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  return commonReason(pw);
}
