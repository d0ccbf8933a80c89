// §13.4: training of the receiving body's staff before the handover — date, organiser, attendees,
// topics from the rulebook's lists for the powers' categories, materials (the application's
// attachments). The topics still missing are shown; the handover waits for them.
import { Alert, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Delegation, TrainingInput } from '../../../contract/delegation.ts';
import { ApiError } from '../../api.ts';
import { delegationApi } from './delegationApi.ts';

interface Props {
  id: number;
  d: Delegation;
  attachments: { id: number; filename: string }[];
  onChanged: (d: Delegation) => void;
}

type Row = Delegation['trainings'][number];

function TrainingForm({ id, d, attachments, onChanged, onClose }: Props & { onClose: () => void }) {
  const [form] = Form.useForm<Omit<TrainingInput, 'attendees'> & { attendees: string }>();
  const [error, setError] = useState<string | null>(null);
  const topics = [...new Set(d.trainingNeeds.flatMap((n) => n.topics))];
  const save = async () => {
    const v = await form.validateFields();
    const attendees = v.attendees
      .split(/[\n，,、]/)
      .map((s) => s.trim())
      .filter(Boolean);
    try {
      onChanged(
        await delegationApi.train(id, { ...v, attendees, materialAttachmentIds: v.materialAttachmentIds ?? [] }),
      );
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '保存失败');
    }
  };
  return (
    <Modal
      open
      title="登记业务培训（第十三条第4项）"
      okText="保存"
      cancelText="取消"
      onOk={save}
      onCancel={onClose}
      width={640}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Space wrap>
          <Form.Item name="heldOn" label="培训日期" rules={[{ required: true, message: '请填写培训日期' }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item
            name="organiser"
            label="组织单位"
            rules={[{ required: true, whitespace: true, message: '请填写组织单位' }]}
          >
            <Input style={{ width: 320 }} maxLength={100} />
          </Form.Item>
        </Space>
        <Form.Item
          name="attendees"
          label="承接部门参训人员（每行一人，或以顿号分隔）"
          rules={[{ required: true, whitespace: true, message: '请填写参训人员' }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="topics" label="培训内容" rules={[{ required: true, message: '请选择培训内容' }]}>
          <Select mode="multiple" options={topics.map((t) => ({ value: t, label: t }))} aria-label="培训内容" />
        </Form.Item>
        <Form.Item name="materialAttachmentIds" label="培训材料（本申请的附件）">
          <Select mode="multiple" options={attachments.map((f) => ({ value: f.id, label: f.filename }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function TrainingPanel(props: Props) {
  const { d } = props;
  const [adding, setAdding] = useState(false);
  return (
    <div data-testid="delegation-training">
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Text strong>业务培训</Typography.Text>
        {d.trainingNeeds.map((n) => (
          <Tag key={n.track} color={n.missing.length ? 'orange' : 'green'}>
            {n.label}：{n.missing.length ? `尚缺 ${n.missing.join('、')}` : '培训内容已覆盖'}（{n.citation}）
          </Tag>
        ))}
        {d.can.train && (
          <Button size="small" onClick={() => setAdding(true)}>
            登记培训
          </Button>
        )}
      </Space>
      <Table<Row>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={d.trainings}
        locale={{ emptyText: '尚未登记培训' }}
        columns={[
          { title: '日期', dataIndex: 'heldOn', width: 110 },
          { title: '组织单位', dataIndex: 'organiser' },
          { title: '参训人员', render: (_, t) => t.attendees.join('、') },
          { title: '培训内容', render: (_, t) => t.topics.join('、') },
          { title: '材料', render: (_, t) => t.materials.map((m) => m.filename).join('、') || '—' },
        ]}
      />
      {adding && <TrainingForm {...props} onClose={() => setAdding(false)} />}
    </div>
  );
}
