// Staff intake (§15 ¶2 政务大厅现场、电话、邮箱, and letters): the channel is recorded, the rest
// is the portal form's. The receipt code is shown once, to be told to the citizen.
import { Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import {
  FEEDBACK_CHANNEL_LABELS,
  FEEDBACK_KIND_LABELS,
  FEEDBACK_KINDS,
  INTAKE_CHANNELS,
  type IntakeInput,
} from '../../../contract/feedback.ts';
import { api } from '../../api.ts';
import { modal, showError } from '../../lib/feedback.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { feedbackApi } from './feedbackApi.ts';

export default function IntakeModal({ open, onClose }: { open: boolean; onClose: (made: boolean) => void }) {
  const [form] = Form.useForm<IntakeInput>();
  const [busy, setBusy] = useState(false);
  const bodies = useLoad(() => (open ? api.bodies() : Promise.resolve([])), [open]);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const made = await feedbackApi.intake({ ...v, powerCode: v.powerCode || undefined });
      form.resetFields();
      onClose(true);
      modal()?.success({
        title: '已登记',
        content: (
          <>
            <p>编号 {made.id}。请将查询码告知反映人，凭此在门户网站查看办理情况：</p>
            <Typography.Text strong copyable data-testid="intake-receipt">
              {made.receiptCode}
            </Typography.Text>
          </>
        ),
      });
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title="登记来电、来信、来访"
      open={open}
      onOk={submit}
      okText="登记"
      confirmLoading={busy}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="channel" label="来源" rules={[{ required: true, message: '请选择来源' }]}>
          <Select options={INTAKE_CHANNELS.map((c) => ({ value: c, label: FEEDBACK_CHANNEL_LABELS[c] }))} />
        </Form.Item>
        <Form.Item name="kind" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
          <Select options={FEEDBACK_KINDS.map((k) => ({ value: k, label: FEEDBACK_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="bodyId" label="所反映的职权行使机构" rules={[{ required: true, message: '请选择机构' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={bodies.loading}
            options={(bodies.data ?? [])
              .filter((b) => !b.office)
              .map((b) => ({ value: b.id, label: `${b.regionName} · ${b.name}` }))}
          />
        </Form.Item>
        <Form.Item name="powerCode" label="权力编码（针对某项职权时填写）">
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="content"
          label="内容"
          rules={[{ required: true, min: 10, message: '请填写内容（至少10个字）' }]}
        >
          <Input.TextArea rows={5} maxLength={3000} showCount />
        </Form.Item>
        <Form.Item name="contactName" label="反映人姓名（加密保存）">
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="contact" label="联系方式（加密保存）">
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
