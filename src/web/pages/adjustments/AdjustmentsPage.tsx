// 动态调整申请: every application the actor may see, filtered by status and kind, with the step
// it is at, who acts, the due date with working days left and the article that sets it.
import { FileAddOutlined, GroupOutlined, ReloadOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Empty, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useLoad } from '../../lib/useLoad.ts';
import { useActor } from '../../session.tsx';
import { adjApi } from './adjApi.ts';
import { NextDueText } from './DueText.tsx';
import { KIND_COLORS, STATUS_OPTIONS, statusColor } from './labels.ts';
import type { AdjustmentKind, AdjustmentRow, AdjustmentStatus } from './model.ts';
import BatchModal from './BatchModal.tsx';
import NewAdjustmentModal from './NewAdjustmentModal.tsx';
import { loadRulebookIndex, stepLabel, useRulebooks } from './rulebook.ts';

export default function AdjustmentsPage() {
  const actor = useActor();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') as AdjustmentStatus | null) ?? undefined;
  const kind = (params.get('kind') as AdjustmentKind | null) ?? undefined;
  const [q, setQ] = useState('');
  const [page, setPage] = useState({ current: 1, pageSize: 10 });
  const [creating, setCreating] = useState(false);
  const [batching, setBatching] = useState(false);
  const list = useLoad(() => adjApi.list({ status }), [status]);
  const index = useLoad(() => loadRulebookIndex());
  const rows = useMemo(
    () =>
      (list.data?.items ?? []).filter(
        (r) => (!kind || r.kind === kind) && (!q || r.title.includes(q) || r.bodyName.includes(q)),
      ),
    [list.data, kind, q],
  );
  const books = useRulebooks(rows.map((r) => r.rulebookId));
  const isClerk = actor.roles.some((g) => g.role === 'clerk');
  const isOffice = actor.roles.some((g) => g.role === 'coordinator');
  const currentBook = useRulebooks(index.data ? [index.data.current] : []).get(index.data?.current ?? '');
  const kindOptions = (currentBook?.adjustmentKinds ?? []).map((k) => ({ value: k.kind, label: k.label }));

  const setFilter = (k: string, v: string | undefined) => {
    const p = new URLSearchParams(params);
    if (v) p.set(k, v);
    else p.delete(k);
    setParams(p, { replace: true });
    setPage((x) => ({ ...x, current: 1 }));
  };

  const columns: TableColumnsType<AdjustmentRow> = [
    { title: '编号', dataIndex: 'id', width: 70, align: 'center' },
    {
      title: '调整事项',
      dataIndex: 'title',
      render: (t: string, r) => (
        <div>
          <Link to={`/adjustments/${r.id}`}>{t}</Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.bodyName} · 事由发生于 {r.triggerDate}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: '类型',
      dataIndex: 'kind',
      width: 96,
      render: (k: AdjustmentKind, r) => (
        <Tag color={KIND_COLORS[k]}>
          {books.get(r.rulebookId)?.adjustmentKinds.find((x) => x.kind === k)?.label ?? k}
        </Tag>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 150,
      render: (s: AdjustmentStatus, r) => (
        <Space size={4} wrap>
          <Tag color={statusColor(s, r.statusLabel)}>{r.statusLabel}</Tag>
          {r.late && <Tag color="volcano">迟报</Tag>}
          {r.missing && <Tag color="red">漏报</Tag>}
        </Space>
      ),
    },
    {
      title: '当前环节',
      key: 'step',
      width: 200,
      render: (_, r) => {
        const rb = books.get(r.rulebookId);
        if (r.status === 'due') return <Typography.Text type="warning">待开始起草</Typography.Text>;
        if (!r.openSteps.length)
          return r.publishedVersion ? (
            <Typography.Text type="secondary">已公布为第{r.publishedVersion}版</Typography.Text>
          ) : (
            '—'
          );
        const mine = r.can.some((c) => c.step || c.action === 'start');
        return (
          <Space orientation="vertical" size={2}>
            {r.openSteps.map((s) => (
              <span key={s}>
                {mine ? <Badge status="processing" /> : null} {stepLabel(rb, s)}
              </span>
            ))}
            {mine && (
              <Typography.Text type="success" style={{ fontSize: 12 }}>
                待您办理
              </Typography.Text>
            )}
          </Space>
        );
      },
    },
    {
      title: '办理期限',
      key: 'due',
      width: 310,
      render: (_, r) => {
        if (r.status !== 'open' && r.status !== 'due') return <Typography.Text type="secondary">—</Typography.Text>;
        // the server's nextDue: the open step's deadline, or filing (present.ts nextDueFrom)
        const d = r.nextDue;
        if (!d) return <Typography.Text type="secondary">本环节无法定时限</Typography.Text>;
        return (
          <div>
            <Typography.Text style={{ fontSize: 12 }}>{d.label}：</Typography.Text>
            <NextDueText next={d} />
          </div>
        );
      },
    },
    {
      title: '操作',
      key: 'op',
      width: 90,
      fixed: 'right',
      render: (_, r) => (
        <Button type="link" size="small" onClick={() => navigate(`/adjustments/${r.id}`)}>
          {r.can.some((c) => c.step || c.action === 'start' || c.action === 'edit') ? '办理' : '查看'}
        </Button>
      ),
    },
  ];

  return (
    <Card
      title="动态调整申请"
      extra={
        index.data && (
          <Typography.Text type="secondary">
            现行规则：{index.data.rulebooks.find((r) => r.current)?.label}
          </Typography.Text>
        )
      }
    >
      <div className="page-toolbar">
        <Space wrap>
          <Select
            style={{ width: 160 }}
            allowClear
            placeholder="全部状态"
            value={status}
            aria-label="按状态筛选"
            options={STATUS_OPTIONS.map(({ value, label }) => ({ value, label }))}
            onChange={(v) => setFilter('status', v)}
          />
          <Select
            style={{ width: 140 }}
            allowClear
            placeholder="全部类型"
            value={kind}
            aria-label="按类型筛选"
            options={kindOptions}
            onChange={(v) => setFilter('kind', v)}
          />
          <Input.Search
            style={{ width: 260 }}
            allowClear
            placeholder="按事项名称或申请单位查询"
            enterButton="查询"
            maxLength={40}
            onSearch={(v) => {
              setQ(v.trim());
              setPage((x) => ({ ...x, current: 1 }));
            }}
          />
          <Button icon={<ReloadOutlined />} onClick={() => void list.reload()}>
            刷新
          </Button>
        </Space>
        <Space>
          {isOffice && currentBook?.batchKinds.some((b) => b.id === 'batch') && (
            <Button icon={<GroupOutlined />} onClick={() => setBatching(true)}>
              新建集中调整批次
            </Button>
          )}
          {isClerk && (
            <Button type="primary" icon={<FileAddOutlined />} onClick={() => setCreating(true)}>
              起草调整申请
            </Button>
          )}
        </Space>
      </div>
      <Table<AdjustmentRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={list.loading}
        scroll={{ x: 1080 }}
        locale={{ emptyText: <Empty description={status || kind || q ? '没有符合条件的调整申请' : '暂无调整申请'} /> }}
        pagination={{
          ...page,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50],
          showTotal: (t) => `共 ${t} 件`,
          onChange: (current, pageSize) => setPage({ current, pageSize }),
        }}
      />
      <BatchModal open={batching} onClose={() => setBatching(false)} />
      <NewAdjustmentModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(a) => navigate(`/adjustments/${a.id}`)}
      />
    </Card>
  );
}
