// 新建集中调整批次 (coordination / managing office, only under a rulebook with batches).
import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { toast } from '../../lib/feedback.ts';
import { applyServerErrors } from '../../lib/forms.ts';
import { batchApi } from './batches.ts';

export default function BatchModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ title: string }>();
  const [saving, setSaving] = useState(false);
  async function submit() {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    setSaving(true);
    try {
      const b = await batchApi.create(v.title.trim());
      toast.success(`已创建集中调整批次“${b.title}”，申请单位起草时可编入该批次`);
      form.resetFields();
      onClose();
    } catch (e) {
      applyServerErrors(form, e);
    } finally {
      setSaving(false);
    }
  }
  return (
    <Modal
      title="新建集中调整批次"
      open={open}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      okText="创建"
      cancelText="取消"
      destroyOnHidden
    >
      <Form form={form} layout="vertical" autoComplete="off">
        <Form.Item
          name="title"
          label="批次名称"
          rules={[
            { required: true, whitespace: true, message: '请填写批次名称' },
            { min: 2, message: '至少2个字' },
            { max: 100, message: '不能超过100个字' },
          ]}
        >
          <Input maxLength={100} placeholder="如：2026年第一批行政权力事项集中调整" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
