// The fields of 修改密码 (current password, new password twice) and the policy's rules in
// Chinese, shared by the forced change at first sign-in and the header's 修改密码. The server
// checks again (common and demo passwords, the user name, same as before); its refusal is put
// under the field it concerns.
import { Alert, Form, Input, type FormInstance } from 'antd';
import { api } from '../api.ts';
import { applyServerErrors } from '../lib/forms.ts';
import { useLoad } from '../lib/useLoad.ts';
import type { PasswordRules } from '../types.ts';

export interface PasswordValues {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

const CLASSES = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/];

export function usePasswordRules() {
  return useLoad(() => api.passwordRules()).data;
}

export function rulesText(r?: PasswordRules): string[] {
  return [
    `长度至少${r?.minLength ?? 8}位`,
    `包含大写字母、小写字母、数字、特殊字符中的至少${r?.minClasses ?? 3}类`,
    '不能包含用户名',
    '不能是常见密码（如常用词、拼音加数字）或公开的演示密码',
    '不能与原密码相同',
  ];
}

export function PasswordRulesNote({ rules }: { rules?: PasswordRules }) {
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title="新密码须符合本平台密码策略："
      description={
        <ul className="password-rules" style={{ margin: 0, paddingInlineStart: 20 }}>
          {rulesText(rules).map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      }
    />
  );
}

export function PasswordFields({ rules }: { rules?: PasswordRules }) {
  const min = rules?.minLength ?? 8;
  const classes = rules?.minClasses ?? 3;
  return (
    <>
      <Form.Item name="oldPassword" label="原密码" rules={[{ required: true, message: '请输入原密码' }]}>
        <Input.Password autoComplete="current-password" placeholder="请输入原密码" maxLength={128} />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label="新密码"
        rules={[
          { required: true, message: '请输入新密码' },
          { min, message: `新密码至少${min}位` },
          {
            validator: (_, v?: string) =>
              !v || CLASSES.filter((re) => re.test(v)).length >= classes
                ? Promise.resolve()
                : Promise.reject(new Error(`新密码须包含大写字母、小写字母、数字、特殊字符中的至少${classes}类`)),
          },
          ({ getFieldValue }) => ({
            validator: (_, v?: string) =>
              v && v === getFieldValue('oldPassword')
                ? Promise.reject(new Error('新密码不能与原密码相同'))
                : Promise.resolve(),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" placeholder="请输入新密码" maxLength={128} />
      </Form.Item>
      <Form.Item
        name="confirm"
        label="确认新密码"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_, v?: string) =>
              !v || v === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error('两次输入的新密码不一致')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" placeholder="请再次输入新密码" maxLength={128} />
      </Form.Item>
    </>
  );
}

/** Sends the change; on a refusal marks the field it concerns and returns false. */
export async function changePassword(form: FormInstance<PasswordValues>, v: PasswordValues): Promise<boolean> {
  try {
    await api.changePassword(v.oldPassword, v.newPassword);
    return true;
  } catch (e) {
    // 原密码不正确 names oldPassword; the policy's reasons name newPassword
    applyServerErrors(form, e, { PASSWORD_POLICY: 'newPassword', VALIDATION_FAILED: 'oldPassword' });
    return false;
  }
}
