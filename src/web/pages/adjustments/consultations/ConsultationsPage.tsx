// 公开征求意见 (§12): the consultations of the office's level and below, with their period,
// phase and the number of comments (hidden ones counted apart), leading to moderation.
import { LinkOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Segmented, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useLoad } from '../../../lib/useLoad.ts';
import { consultationApi, PHASES, type ConsultationRow, type Phase } from './consultationApi.ts';

export default function ConsultationsPage() {
  const [phase, setPhase] = useState<Phase | 'all'>('all');
  const list = useLoad(() => consultationApi.list(phase === 'all' ? undefined : phase), [phase]);

  const columns: TableColumnsType<ConsultationRow> = [
    {
      title: '征求意见事项',
      dataIndex: 'title',
      render: (t: string, c) => (
        <div>
          <Link to={`/consultations/${c.id}`}>{t}</Link>
          {c.round > 1 && <Tag style={{ marginInlineStart: 6 }}>第{c.round}轮</Tag>}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.bodyName}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: '征求意见期限', key: 'period', width: 220, render: (_, c) => `${c.opensOn} 至 ${c.closesOn}` },
    {
      title: '状态',
      dataIndex: 'phase',
      width: 110,
      render: (p: Phase) => <Tag color={PHASES[p].color}>{PHASES[p].label}</Tag>,
    },
    {
      title: '公众意见',
      key: 'comments',
      width: 150,
      render: (_, c) => (
        <Space size={4}>
          {c.comments}条{c.hidden > 0 && <Typography.Text type="secondary">（另有{c.hidden}条已隐藏）</Typography.Text>}
        </Space>
      ),
    },
    {
      title: '操作',
      key: 'op',
      width: 200,
      render: (_, c) => (
        <Space>
          <Link to={`/consultations/${c.id}`}>{c.canModerate ? '处理意见' : '查看'}</Link>
          <a href={`/consultations/${c.id}`} target="_blank" rel="noreferrer">
            <LinkOutlined /> 门户页面
          </a>
        </Space>
      ),
    },
  ];

  return (
    <Card title="公开征求意见" extra={<Typography.Text type="secondary">意见审核、处理结果与公开</Typography.Text>}>
      <div className="page-toolbar">
        <Segmented
          value={phase}
          onChange={(v) => setPhase(v as Phase | 'all')}
          options={[
            { value: 'all', label: '全部' },
            { value: 'open', label: '征求意见中' },
            { value: 'upcoming', label: '未开始' },
            { value: 'closed', label: '已结束' },
            { value: 'cancelled', label: '已终止' },
          ]}
        />
        <Button icon={<ReloadOutlined />} onClick={() => void list.reload()}>
          刷新
        </Button>
      </div>
      <Table<ConsultationRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data ?? []}
        loading={list.loading}
        locale={{ emptyText: <Empty description="暂无公开征求意见" /> }}
        pagination={{ defaultPageSize: 10, showTotal: (t) => `共 ${t} 项` }}
      />
    </Card>
  );
}
