// 意见建议与投诉举报 (§15 ¶1–2): the list of what the actor's office or body handles, with the
// staff intake of what came by hall, phone, letter or e-mail.
import { Button, Card, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  FEEDBACK_CHANNEL_LABELS,
  FEEDBACK_KIND_LABELS,
  FEEDBACK_KINDS,
  FEEDBACK_OUTCOME_LABELS,
  FEEDBACK_STATUS_LABELS,
  FEEDBACK_STATUSES,
  type FeedbackKind,
  type FeedbackListItem,
  type FeedbackStatus,
} from '../../../contract/feedback.ts';
import { fmtTime } from '../../lib/format.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { feedbackApi } from './feedbackApi.ts';
import IntakeModal from './IntakeModal.tsx';

export const STATUS_COLORS: Record<FeedbackStatus, string> = {
  moderation: 'gold',
  open: 'orange',
  assigned: 'blue',
  answered: 'green',
  merged: 'default',
  rejected: 'default',
};

export default function FeedbackPage() {
  const [status, setStatus] = useState<FeedbackStatus | undefined>();
  const [kind, setKind] = useState<FeedbackKind | undefined>();
  const [intake, setIntake] = useState(false);
  const list = useLoad(() => feedbackApi.list({ status, kind }), [status, kind]);
  const columns: TableColumnsType<FeedbackListItem> = [
    { title: '编号', dataIndex: 'id', width: 70 },
    { title: '类别', width: 90, render: (_, f) => FEEDBACK_KIND_LABELS[f.kind] },
    { title: '来源', width: 110, render: (_, f) => FEEDBACK_CHANNEL_LABELS[f.channel] },
    {
      title: '反映对象',
      render: (_, f) => (
        <>
          {f.bodyName}
          {f.powerName && <Typography.Text type="secondary">（{f.powerName}）</Typography.Text>}
        </>
      ),
    },
    { title: '内容摘要', dataIndex: 'excerpt', ellipsis: true },
    { title: '办理单位', width: 160, render: (_, f) => (f.routedTo === 'office' ? f.officeName : f.bodyName) },
    { title: '承办人', width: 90, render: (_, f) => f.handlerName ?? '—' },
    {
      title: '状态',
      width: 150,
      render: (_, f) => (
        <Space size={4} wrap>
          <Tag color={STATUS_COLORS[f.status]}>{FEEDBACK_STATUS_LABELS[f.status]}</Tag>
          {f.outcome && <Tag>{FEEDBACK_OUTCOME_LABELS[f.outcome]}</Tag>}
          {f.overdue && <Tag color="red">已逾期</Tag>}
        </Space>
      ),
    },
    { title: '答复期限', dataIndex: 'dueOn', width: 110 },
    { title: '收到时间', width: 170, render: (_, f) => fmtTime(f.receivedAt) },
    { title: '', width: 70, render: (_, f) => <Link to={`/feedback/${f.id}`}>办理</Link> },
  ];
  return (
    <Card title="意见建议与投诉举报">
      <Typography.Paragraph type="secondary">
        依据第十五条：投诉、举报职权行使机构违反规定的行为，由本级协调小组办公室办理；对行政职权的意见建议，由职权行使机构研究论证、吸收采纳。公众在门户网站
        <a href="/feedback">“意见建议与投诉举报”</a>提交，凭查询码查看答复。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="全部状态"
          style={{ width: 160 }}
          value={status}
          onChange={setStatus}
          options={FEEDBACK_STATUSES.map((s) => ({ value: s, label: FEEDBACK_STATUS_LABELS[s] }))}
        />
        <Select
          allowClear
          placeholder="全部类别"
          style={{ width: 140 }}
          value={kind}
          onChange={setKind}
          options={FEEDBACK_KINDS.map((k) => ({ value: k, label: FEEDBACK_KIND_LABELS[k] }))}
        />
        <Button type="primary" onClick={() => setIntake(true)}>
          登记来电、来信、来访
        </Button>
      </Space>
      <Table rowKey="id" size="middle" loading={list.loading} dataSource={list.data ?? []} columns={columns} />
      <IntakeModal
        open={intake}
        onClose={(made) => {
          setIntake(false);
          if (made) void list.reload();
        }}
      />
    </Card>
  );
}
