// 待办事项: what waits for the signed-in person — applications at a step they act on now (with the
// step's deadline and its article), and the inbox of tasks, reminders and overdue notices that the
// procedure and the daily sweep deliver.
import { BellOutlined, CheckOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Badge,
  Button,
  Card,
  Empty,
  List,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { showError, toast } from '../../lib/feedback.ts';
import { fmtTime } from '../../lib/format.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { adjApi } from '../adjustments/adjApi.ts';
import { NextDueText } from '../adjustments/DueText.tsx';
import { actionLabel, KIND_COLORS } from '../adjustments/labels.ts';
import type { AdjustmentRow, InboxItem } from '../adjustments/model.ts';
import { stepLabel, useRulebooks } from '../adjustments/rulebook.ts';
import { workloadApi } from '../home/workload.ts';
import { useActor } from '../../session.tsx';
import type { Role } from '../../types.ts';

const KIND_TAGS: Record<InboxItem['kind'], { label: string; color: string }> = {
  task: { label: '待办', color: 'blue' },
  reminder: { label: '到期提醒', color: 'gold' },
  overdue: { label: '逾期', color: 'red' },
  missing: { label: '漏报', color: 'volcano' },
  notice: { label: '通知', color: 'default' },
};

export default function InboxPage() {
  const navigate = useNavigate();
  const actor = useActor();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'todo';
  const waiting = useLoad(() => adjApi.list({ waiting: '1' }));
  const inbox = useLoad(() => adjApi.inbox({ limit: 200 }));
  // from the home page: one role's work, or only its overdue part (issue 9.7)
  const role = params.get('role') as Role | null;
  const onlyOverdue = params.get('overdue') === '1';
  const work = useLoad(() => (role ? workloadApi.get() : Promise.resolve(null)), [role]);
  const picked = useMemo(() => {
    const w = role ? work.data?.roles.find((x) => x.role === role) : null;
    return w ? new Set(onlyOverdue ? w.overdue : w.waiting) : null;
  }, [work.data, role, onlyOverdue]);
  const all = waiting.data?.items ?? [];
  const rows = role ? (picked ? all.filter((r) => picked.has(r.id)) : []) : all;
  const roleLabel = role && actor.roles.find((g) => g.role === role)?.roleLabel;
  const [page, setPage] = useState({ current: 1, pageSize: 10 });
  const books = useRulebooks(rows.map((r) => r.rulebookId));
  // each row's next deadline comes from the server (nextDue), so every row counts, not only this page's
  const overdue = useMemo(() => rows.filter((r) => r.nextDue?.overdue).length, [rows]);

  async function open(item: InboxItem) {
    if (!item.readAt) await adjApi.markRead(item.id).catch(() => {});
    if (item.adjustmentId) navigate(`/adjustments/${item.adjustmentId}`);
    else if (item.feedbackId) navigate(`/feedback/${item.feedbackId}`);
    else if (item.findingId) navigate(`/supervision/findings/${item.findingId}`);
    else void inbox.reload();
  }

  async function readAll() {
    try {
      const r = await adjApi.markAllRead();
      toast.success(r.marked ? `已将${r.marked}条消息标为已读` : '没有未读消息');
      void inbox.reload();
    } catch (e) {
      showError(e);
    }
  }

  const columns: TableColumnsType<AdjustmentRow> = [
    {
      title: '调整事项',
      dataIndex: 'title',
      render: (t: string, r) => (
        <div>
          <Link to={`/adjustments/${r.id}`}>{t}</Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.bodyName}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: '类型',
      dataIndex: 'kind',
      width: 96,
      render: (k: AdjustmentRow['kind'], r) => (
        <Tag color={KIND_COLORS[k]}>
          {books.get(r.rulebookId)?.adjustmentKinds.find((x) => x.kind === k)?.label ?? k}
        </Tag>
      ),
    },
    {
      title: '待办环节',
      key: 'step',
      width: 180,
      render: (_, r) => {
        const steps = [...new Set(r.can.filter((c) => c.step).map((c) => c.step!))];
        return steps.length
          ? steps.map((s) => <div key={s}>{stepLabel(books.get(r.rulebookId), s)}</div>)
          : r.can.some((c) => c.action === 'start')
            ? '开始起草'
            : '—';
      },
    },
    {
      title: '办理期限',
      key: 'due',
      width: 340,
      render: (_, r) => {
        const d = r.nextDue;
        return d ? (
          <div>
            <Typography.Text style={{ fontSize: 12 }}>{d.label}：</Typography.Text>
            <NextDueText next={d} />
          </div>
        ) : (
          <Typography.Text type="secondary">本环节无法定时限</Typography.Text>
        );
      },
    },
    {
      title: '操作',
      key: 'op',
      width: 150,
      render: (_, r) => {
        const main = r.can.find(
          (c) => c.action === 'complete' || c.action === 'openConsultation' || c.action === 'start',
        );
        return (
          <Button type="primary" size="small" onClick={() => navigate(`/adjustments/${r.id}`)}>
            {main ? actionLabel(main.action, main.step) : '办理'}
          </Button>
        );
      },
    },
  ];

  const unread = inbox.data?.unread ?? 0;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Space size={48} wrap>
          <Statistic title="待我办理" value={rows.length} suffix="件" loading={waiting.loading} />
          <Statistic
            title="已逾期"
            value={overdue}
            suffix="件"
            styles={{ content: { color: overdue ? '#cf1322' : undefined } }}
          />
          <Statistic
            title="未读逾期提醒"
            value={
              (inbox.data?.items ?? []).filter((m) => (m.kind === 'overdue' || m.kind === 'missing') && !m.readAt)
                .length
            }
            suffix="条"
            loading={inbox.loading}
          />
          <Statistic title="未读消息" value={unread} suffix="条" loading={inbox.loading} />
        </Space>
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k }, { replace: true })}
          tabBarExtraContent={
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                void waiting.reload();
                void inbox.reload();
              }}
            >
              刷新
            </Button>
          }
          items={[
            {
              key: 'todo',
              label: (
                <span>
                  待我办理 <Badge count={rows.length} showZero color="#1f5fbf" />
                </span>
              ),
              children: (
                <>
                  {role && (
                    <div className="page-toolbar" data-testid="inbox-filter">
                      <Tag
                        color="blue"
                        closable
                        onClose={(e) => {
                          e.preventDefault();
                          setParams({ tab: 'todo' }, { replace: true });
                        }}
                      >
                        {roleLabel ?? '本角色'}
                        {onlyOverdue ? ' · 已逾期' : ' · 待办理'}
                      </Tag>
                      <span />
                    </div>
                  )}
                  <Table<AdjustmentRow>
                    rowKey="id"
                    size="middle"
                    columns={columns}
                    dataSource={rows}
                    loading={waiting.loading || work.loading}
                    scroll={{ x: 1000 }}
                    locale={{ emptyText: <Empty description="暂无待办事项" /> }}
                    pagination={{
                      ...page,
                      showTotal: (t) => `共 ${t} 件`,
                      onChange: (current, pageSize) => setPage({ current, pageSize }),
                    }}
                  />
                </>
              ),
            },
            {
              key: 'messages',
              label: (
                <span>
                  <BellOutlined /> 消息提醒 <Badge count={unread} />
                </span>
              ),
              children: (
                <>
                  <div className="page-toolbar">
                    <span />
                    <Button icon={<CheckOutlined />} disabled={!unread} onClick={readAll}>
                      全部标为已读
                    </Button>
                  </div>
                  <List<InboxItem>
                    loading={inbox.loading}
                    dataSource={inbox.data?.items ?? []}
                    locale={{ emptyText: '暂无消息' }}
                    pagination={{ pageSize: 10, size: 'small' }}
                    renderItem={(m) => (
                      <List.Item
                        className={m.readAt ? 'inbox-read' : 'inbox-unread'}
                        onClick={() => void open(m)}
                        style={{ cursor: 'pointer' }}
                        extra={
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {fmtTime(m.createdAt)}
                          </Typography.Text>
                        }
                      >
                        <List.Item.Meta
                          title={
                            <Space size={6}>
                              {!m.readAt && <Badge status="processing" />}
                              <Tag color={KIND_TAGS[m.kind]?.color}>{KIND_TAGS[m.kind]?.label ?? m.kind}</Tag>
                              <span style={{ fontWeight: m.readAt ? 400 : 600 }}>{m.title}</span>
                            </Space>
                          }
                          description={m.body}
                        />
                      </List.Item>
                    )}
                  />
                </>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
