// 驳回 with a reason (required): the requester reads it on the 已处理 tab.
import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../api.ts';
import { applyServerErrors } from '../../lib/forms.ts';
import type { AdminChange } from '../../types.ts';

interface Props {
  change: AdminChange;
  onClose: () => void;
  onDone: (c: AdminChange) => void;
  onRefused: (e: unknown) => void;
}

export default function RejectModal({ change, onClose, onDone, onRefused }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);

  async function submit() {
    // a field the form refuses shows its own message: nothing to send
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      onDone(await api.rejectAdminChange(change.id, v.reason.trim()));
    } catch (e) {
      // a reason the server refuses stays here; any other refusal is shown on the page
      if (e instanceof ApiError && e.details.some((d) => d.field === 'reason')) applyServerErrors(form, e);
      else onRefused(e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title="驳回变更"
      open
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      okText="驳回"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      destroyOnHidden
      width={480}
    >
      <p>
        {change.requesterName}提出：{change.targetName}（{change.targetUsername}）— {change.description}
      </p>
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label="驳回理由"
          rules={[
            { required: true, whitespace: true, message: '请填写驳回理由' },
            { max: 200, message: '驳回理由不能超过200字' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount placeholder="请说明驳回的理由，提出人将看到" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
