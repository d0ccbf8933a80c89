// 修改密码 from the header, any time: old password, new password twice. The server applies the
// password policy and ends the user's other sessions.
import { Form, Modal } from 'antd';
import { useState } from 'react';
import { toast } from '../lib/feedback.ts';
import {
  PasswordFields,
  PasswordRulesNote,
  changePassword,
  usePasswordRules,
  type PasswordValues,
} from './PasswordFields.tsx';

export default function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<PasswordValues>();
  const [saving, setSaving] = useState(false);
  const rules = usePasswordRules();

  async function submit() {
    // a field the form refuses shows its own message: nothing to send
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      if (!(await changePassword(form, v))) return;
      toast.success('密码修改成功，您在其他设备上的登录已失效');
      form.resetFields();
      onClose();
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title="修改密码"
      open={open}
      onOk={submit}
      confirmLoading={saving}
      okText="确认修改"
      cancelText="取消"
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      destroyOnHidden
      width={480}
    >
      <PasswordRulesNote rules={rules} />
      <Form form={form} layout="vertical" requiredMark autoComplete="off">
        <PasswordFields rules={rules} />
      </Form>
    </Modal>
  );
}
