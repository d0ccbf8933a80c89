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
  it.each(['Abcdefg1', 'abcdef1!', 'ABCDEF1!', 'Baotou@2026'])('accepts %s', (pw) => {
    expect(checkPassword(pw, policy, 'zhangsan')).toBeNull();
  });
  it('follows a stricter policy', () => {
    expect(checkPassword('Abcdefg1', { minLength: 12, minClasses: 4 })).toContain('12');
  });
});
