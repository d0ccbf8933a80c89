// §13.3 after the government's decision: the 委托公告 published on the portal (which files it with
// the coordination office: 报备), the office's acknowledgement, and the entrusting body's record of
// guidance and inspections of the entrusted party.
import { Alert, Button, Descriptions, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  SUPERVISION_KIND_LABELS,
  SUPERVISION_KINDS,
  type Delegation,
  type SupervisionInput,
} from '../../../contract/delegation.ts';
import { ApiError } from '../../api.ts';
import { delegationApi } from './delegationApi.ts';

interface Props {
  id: number;
  d: Delegation;
  onChanged: (d: Delegation) => void;
}

export default function EntrustmentPublicPanel({ id, d, onChanged }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<SupervisionInput>();
  const n = d.entrustment?.announcement ?? null;
  const run = async (f: () => Promise<Delegation>) => {
    setError(null);
    try {
      onChanged(await f());
      return true;
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '操作失败');
      return false;
    }
  };
  const supervise = async () => {
    const v = await form.validateFields();
    if (await run(() => delegationApi.supervise(id, { ...v, problems: v.problems ?? '' }))) setOpen(false);
  };
  return (
    <div data-testid="delegation-announcement">
      <Space style={{ marginBottom: 8 }}>
        <Typography.Text strong>委托公告与报备</Typography.Text>
        {n ? (
          <Tag color={n.acknowledgedAt ? 'green' : 'blue'}>
            {n.acknowledgedAt ? '报备已确认' : '已公告，报备待确认'}
          </Tag>
        ) : (
          <Tag>尚未公告</Tag>
        )}
        {d.can.announce && (
          <Button size="small" type="primary" onClick={() => run(() => delegationApi.announce(id))}>
            发布委托公告并报备
          </Button>
        )}
        {d.can.acknowledge && (
          <Button size="small" onClick={() => run(() => delegationApi.acknowledge(id, ''))}>
            确认收到报备
          </Button>
        )}
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      {n && (
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label="受委托方">{n.partyName}</Descriptions.Item>
          <Descriptions.Item label="委托事项">
            {n.powers.map((p) => `${p.name}（${p.code}）`).join('；')}
          </Descriptions.Item>
          <Descriptions.Item label="公告日期">
            {n.announcedOn}（<a href="/entrustments">门户网站委托公告</a>）
          </Descriptions.Item>
          {n.acknowledgedAt && (
            <Descriptions.Item label="报备确认">
              {n.acknowledgedBy} {n.acknowledgementNote ?? ''}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      {n && (
        <>
          <Space style={{ margin: '12px 0 8px' }}>
            <Typography.Text strong>对受委托方的指导和监督</Typography.Text>
            {d.can.supervise && (
              <Button size="small" onClick={() => setOpen(true)}>
                登记
              </Button>
            )}
          </Space>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d.entrustment?.supervision ?? []}
            locale={{ emptyText: '暂无记录（委托公布施行后登记）' }}
            columns={[
              { title: '日期', dataIndex: 'heldOn' },
              { title: '方式', dataIndex: 'label' },
              { title: '情况', dataIndex: 'summary' },
              { title: '发现的问题', dataIndex: 'problems' },
              { title: '登记人', dataIndex: 'recordedBy' },
            ]}
          />
        </>
      )}
      {open && (
        <Modal
          open
          title="登记指导或监督检查（第十三条第3项）"
          okText="保存"
          cancelText="取消"
          onOk={supervise}
          onCancel={() => setOpen(false)}
        >
          <Form form={form} layout="vertical">
            <Form.Item name="kind" label="方式" rules={[{ required: true, message: '请选择业务指导或监督检查' }]}>
              <Select options={SUPERVISION_KINDS.map((k) => ({ value: k, label: SUPERVISION_KIND_LABELS[k] }))} />
            </Form.Item>
            <Form.Item name="heldOn" label="日期" rules={[{ required: true, message: '请填写日期' }]}>
              <Input type="date" />
            </Form.Item>
            <Form.Item
              name="summary"
              label="指导或检查情况"
              rules={[{ required: true, whitespace: true, message: '请填写情况' }]}
            >
              <Input.TextArea maxLength={2000} autoSize />
            </Form.Item>
            <Form.Item name="problems" label="发现的问题">
              <Input.TextArea maxLength={2000} autoSize />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </div>
  );
}
