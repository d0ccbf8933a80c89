// 通知邮箱 from the header (issue 12.6): the signed-in user sets where their to-dos and reminders
// are also e-mailed, or clears it to keep them in the in-app inbox only.
import { Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { http } from '../api.ts';
import { toast } from '../lib/feedback.ts';
import { applyServerErrors } from '../lib/forms.ts';

interface Values {
  email: string;
}

export default function NoticeEmailModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    http
      .get<{ email: string | null }>('/api/me/email')
      .then((r) => form.setFieldsValue({ email: r.email ?? '' }))
      .catch(() => undefined);
  }, [open, form]);

  async function submit() {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      const email = v.email?.trim() || null;
      await http.put('/api/me/email', { email });
      toast.success(email ? `待办与提醒将同时发送到 ${email}` : '已清除通知邮箱，待办仅在站内消息中提示');
      onClose();
    } catch (e) {
      applyServerErrors(form, e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal title="通知邮箱" open={open} onOk={submit} confirmLoading={saving} okText="保存" onCancel={onClose}>
      <Form form={form} layout="vertical">
        <Form.Item
          name="email"
          label="邮箱地址"
          extra="待办与提醒除站内消息外，也发送到此邮箱；留空则不发邮件"
          rules={[{ type: 'email', message: '邮箱格式不正确' }]}
        >
          <Input placeholder="例如 zhangsan@baotou.gov.cn" maxLength={254} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
