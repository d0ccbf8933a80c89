import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-policy.js';

const policy = { minLength: 8, minClasses: 3 };

describe('password policy', () => {
  it.each([
    ['Ab1!', '密码长度至少为8位'],
    ['abcdefgh', '至少3类'],
    ['abcdefg1', '至少3类'],
    ['ABCDEFG1', '至少3类'],
    ['zhangsan1A', '不能包含用户名'],
  ])('refuses %s', (pw, reason) => {
    expect(checkPassword(pw, policy, 'zhangsan')).toContain(reason);
  });
  it.each(['Tqmvxz81', 'rkwpdu1!', 'RKWPDU1!', 'Scjg#2026x', 'Audit#2026x', 'Hu7!tRq2Lm'])('accepts %s', (pw) => {
    expect(checkPassword(pw, policy, 'zhangsan')).toBeNull();
  });
  it('refuses the published demo password, in any case', () => {
    expect(checkPassword('Baotou@2026', policy)).toContain('演示密码');
    expect(checkPassword('BAOTOU@2026', policy)).toContain('演示密码');
  });
  it.each([
    'P@ssw0rd',
    'Password123!',
    'Admin@123',
    'Woaini@1314',
    'Wodemima#1',
    '1qaz@WSX',
    'Qwer@1234',
    'Zhongguo@2024',
    'Aa@123456',
    'Baotou@123',
    'Abc@12345',
  ])('refuses the common password %s', (pw) => {
    expect(checkPassword(pw, policy)).toContain('过于常见');
  });
  it('follows a stricter policy', () => {
    expect(checkPassword('Tqmvxz81', { minLength: 12, minClasses: 4 })).toContain('12');
    expect(checkPassword('Abcdefg1', policy)).toContain('过于常见');
  });
});
