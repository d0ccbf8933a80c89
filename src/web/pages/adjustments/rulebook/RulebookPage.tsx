// 规则集: the regulation's parameters as the platform applies them — for each shipped rulebook its
// kinds, steps, who acts, each clock and the article it comes from; the one in force, its
// history, and (for the city's system administrator) the switch, which reaches new applications
// only: those in flight finish under the rulebook they started with.
import { CheckCircleFilled, SwapOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Modal,
  Row,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { http } from '../../../api.ts';
import { showError, toast } from '../../../lib/feedback.ts';
import { fmtTime } from '../../../lib/format.ts';
import { useLoad } from '../../../lib/useLoad.ts';

import { loadRulebookIndex, useRulebook, type RulebookIndex } from '../rulebook.ts';
import RulebookDetail from './RulebookDetail.tsx';

function SwitchModal({
  target,
  onClose,
  onDone,
}: {
  target: RulebookIndex['rulebooks'][number] | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ note?: string }>();
  const [saving, setSaving] = useState(false);
  async function submit() {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    setSaving(true);
    try {
      await http.put('/api/rulebooks/current', { rulebookId: target!.id, note: v.note?.trim() || undefined });
      toast.success(`现行规则集已切换为：${target!.label}`);
      onDone();
    } catch (e) {
      showError(e);
    } finally {
      setSaving(false);
    }
  }
  return (
    <Modal
      title="切换现行规则集"
      open={!!target}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      okText="确认切换"
      cancelText="取消"
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={`切换为：${target?.label ?? ''}`}
        description="切换后新建的调整申请按新规则集办理；正在办理的申请仍按其创建时的规则集办结。"
      />
      <Form form={form} layout="vertical">
        <Form.Item name="note" label="说明（如：依据的文件）" rules={[{ max: 500, message: '不能超过500个字' }]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function RulebookPage() {
  const index = useLoad(() => loadRulebookIndex());
  const [tab, setTab] = useState<string>();
  const [switching, setSwitching] = useState<RulebookIndex['rulebooks'][number] | null>(null);
  const active = tab ?? index.data?.current;
  const rb = useRulebook(active);
  const d = index.data;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="规则集"
        loading={!d}
        extra={<Typography.Text type="secondary">法规参数：调整类型、办理步骤、办理角色、时限及条款</Typography.Text>}
      >
        <Row gutter={[16, 16]}>
          {d?.rulebooks.map((r) => (
            <Col key={r.id} xs={24} lg={12}>
              <Card
                size="small"
                type="inner"
                title={
                  <Space>
                    {r.current && <CheckCircleFilled style={{ color: '#52c41a' }} />}
                    {r.label}
                  </Space>
                }
                extra={
                  r.current ? (
                    <Tag color="success">现行</Tag>
                  ) : (
                    d.canSwitch && (
                      <Button size="small" icon={<SwapOutlined />} onClick={() => setSwitching(r)}>
                        设为现行
                      </Button>
                    )
                  )
                }
              >
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: 't', label: '依据', children: r.regulation.title },
                    { key: 'i', label: '发布日期', children: r.regulation.issuedOn },
                    { key: 'e', label: '施行日期', children: r.regulation.effectiveFrom ?? '（未载明）' },
                    { key: 'o', label: '日常管理机构', children: r.managingOffice },
                  ]}
                />
              </Card>
            </Col>
          ))}
        </Row>
        {d && !d.canSwitch && (
          <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
            现行规则集由市级系统管理员切换。
          </Typography.Paragraph>
        )}
      </Card>
      {d && (
        <Card size="small">
          <Tabs activeKey={active} onChange={setTab} items={d.rulebooks.map((r) => ({ key: r.id, label: r.label }))} />
          {rb && rb.id === active && <RulebookDetail rb={rb} />}
        </Card>
      )}
      {d && d.history.length > 0 && (
        <Card title="切换记录" size="small">
          <Table
            rowKey={(h) => `${h.selectedAt}:${h.rulebookId}`}
            size="small"
            pagination={false}
            dataSource={d.history}
            columns={[
              { title: '时间', dataIndex: 'selectedAt', width: 180, render: fmtTime },
              { title: '规则集', dataIndex: 'label' },
              { title: '操作人', dataIndex: 'selectedByName', width: 140 },
              { title: '说明', dataIndex: 'note', render: (n: string | null) => n ?? '—' },
            ]}
          />
        </Card>
      )}
      <SwitchModal
        target={switching}
        onClose={() => setSwitching(null)}
        onDone={() => {
          setSwitching(null);
          void index.reload();
        }}
      />
    </Space>
  );
}
