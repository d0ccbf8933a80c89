// 修改密码: old password, new password twice. The server applies the password policy and ends
// the user's other sessions.
import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../api.ts';
import { toast } from '../lib/feedback.ts';
import { applyServerErrors } from '../lib/forms.ts';

interface Values { oldPassword: string; newPassword: string; confirm: string }

export default function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  async function submit() {
    const v = await form.validateFields();
    setSaving(true);
    try {
      await api.changePassword(v.oldPassword, v.newPassword);
      toast.success('密码修改成功，您在其他设备上的登录已失效');
      form.resetFields();
      onClose();
    } catch (e) {
      // 原密码不正确 comes as VALIDATION_FAILED without a field; the policy reason belongs to the new password
      applyServerErrors(form, e, { PASSWORD_POLICY: 'newPassword', VALIDATION_FAILED: 'oldPassword' });
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal title="修改密码" open={open} onOk={submit} confirmLoading={saving} okText="确认修改" cancelText="取消"
      onCancel={() => { form.resetFields(); onClose(); }} destroyOnHidden width={460}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }}
        title="新密码须符合本平台密码策略（至少8位，含大写字母、小写字母、数字、特殊字符中的至少三类），且不能包含用户名。" />
      <Form form={form} layout="vertical" requiredMark autoComplete="off">
        <Form.Item name="oldPassword" label="原密码" rules={[{ required: true, message: '请输入原密码' }]}>
          <Input.Password autoComplete="current-password" placeholder="请输入原密码" />
        </Form.Item>
        <Form.Item name="newPassword" label="新密码" rules={[
          { required: true, message: '请输入新密码' },
          { min: 8, message: '新密码至少8位' },
          ({ getFieldValue }) => ({
            validator: (_, v: string) => (v && v === getFieldValue('oldPassword') ? Promise.reject(new Error('新密码不能与原密码相同')) : Promise.resolve()),
          }),
        ]}>
          <Input.Password autoComplete="new-password" placeholder="请输入新密码" />
        </Form.Item>
        <Form.Item name="confirm" label="确认新密码" dependencies={['newPassword']} rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_, v: string) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))),
          }),
        ]}>
          <Input.Password autoComplete="new-password" placeholder="请再次输入新密码" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
