// The office opens a finding about a body of its own level (§16).
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { FINDING_KIND_LABELS, OFFICE_FINDING_KINDS, type FindingKind } from '../../../contract/supervision.ts';
import { showError, toast } from '../../lib/feedback.ts';
import { applyServerErrors } from '../../lib/forms.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { supervisionApi } from './supervisionApi.ts';

interface Values {
  bodyId: number;
  kind: FindingKind;
  description: string;
  powerCode?: string;
  factDate?: Dayjs;
}

export default function OpenFindingModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const bodies = useLoad(() => (open ? supervisionApi.leadUnits() : Promise.resolve({ items: [] })), [open]);
  async function submit() {
    const v = await form.validateFields();
    try {
      const f = await supervisionApi.open({
        bodyId: v.bodyId,
        kind: v.kind,
        description: v.description,
        powerCode: v.powerCode || undefined,
        factDate: v.factDate?.format('YYYY-MM-DD'),
      });
      toast.success(`已开立督查发现（编号 ${f.id}）`);
      onClose();
      navigate(`/supervision/findings/${f.id}`);
    } catch (e) {
      if (!applyServerErrors(form, e)) showError(e);
    }
  }
  return (
    <Modal title="开立督查发现" open={open} onCancel={onClose} onOk={submit} okText="开立" destroyOnHidden width={640}>
      <Form form={form} layout="vertical">
        <Form.Item name="bodyId" label="被督查机构" rules={[{ required: true, message: '请选择被督查机构' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={bodies.loading}
            options={(bodies.data?.items ?? [])
              .filter((b) => b.supervisable)
              .map((b) => ({ value: b.bodyId, label: b.bodyName }))}
          />
        </Form.Item>
        <Form.Item name="kind" label="问题类型" rules={[{ required: true, message: '请选择问题类型' }]}>
          <Select
            options={OFFICE_FINDING_KINDS.map((k) => ({
              value: k,
              label: `${FINDING_KIND_LABELS[k].label}（${FINDING_KIND_LABELS[k].article}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="description" label="问题描述" rules={[{ required: true, message: '请填写问题描述' }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="powerCode" label="涉及的权力编码（可选）">
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="factDate" label="发生日期（可选）">
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
