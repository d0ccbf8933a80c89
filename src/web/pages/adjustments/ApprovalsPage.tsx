// 政府审定 (§12, §13.1): the government's page. Each application reported to it, with what it
// changes, why, on what legal basis and how the public consultation went; approved with the
// normative document's number, returned for revision or refused, each with its reason.
import { LinkOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Descriptions, Empty, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { fmtTime } from '../../lib/format.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { adjApi } from './adjApi.ts';
import { useDetails } from './current.ts';
import ActionBar from './detail/ActionBar.tsx';
import DiffView from './detail/DiffView.tsx';
import { Citation } from './DueText.tsx';
import { KIND_COLORS, statusColor } from './labels.ts';
import type { Adjustment, AdjustmentRow } from './model.ts';
import { stepsOf, useRulebooks, type RulebookData } from './rulebook.ts';

function Pending({ a, rb, onChanged }: { a: Adjustment; rb: RulebookData; onChanged: () => void }) {
  const step = a.deadlines.find((d) => d.step === 'approval');
  const reported = a.history.filter((h) => h.step === 'reportToGovernment' && h.action === 'complete').at(-1);
  const categories = new Map(rb.categories.map((c) => [c.code, c.label]));
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <Tag color={KIND_COLORS[a.kind]}>{a.kindLabel}</Tag>
          <Link to={`/adjustments/${a.id}`}>{a.title}</Link>
        </Space>
      }
      extra={<Typography.Text type="secondary">{a.bodyName}</Typography.Text>}
      data-testid={`approval-${a.id}`}
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'by',
            label: '报请审定',
            children: reported ? `${reported.actorName ?? ''} ${fmtTime(reported.at)}` : '—',
          },
          {
            key: 'rule',
            label: '审定依据',
            children: step ? <Citation citation={step.citation} text={step.articleText} /> : '—',
          },
          { key: 'reason', label: '调整理由', span: 2, children: a.reason || '—' },
          { key: 'basis', label: '调整依据', span: 2, children: a.legalBasis || '—' },
          ...(a.receivingBodyName
            ? [
                {
                  key: 'recv',
                  label: a.kind === 'delegate' ? '承接部门' : '受委托机构',
                  span: 2,
                  children: a.receivingBodyName,
                },
              ]
            : []),
          ...(a.takeover ? [{ key: 'takeover', label: '下级承接情况', span: 2, children: a.takeover }] : []),
          ...(a.consultation
            ? [
                {
                  key: 'c',
                  label: '公开征求意见',
                  span: 2,
                  children: (
                    <Space>
                      {`${a.consultation.opensOn} 至 ${a.consultation.closesOn}`}
                      <a href={`/consultations/${a.consultation.id}`} target="_blank" rel="noreferrer">
                        <LinkOutlined /> 查看意见及处理结果
                      </a>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Collapse
        size="small"
        style={{ margin: '8px 0 12px' }}
        items={[
          { key: 'diff', label: '拟调整事项（原值 → 拟调整为）', children: <DiffView a={a} categories={categories} /> },
        ]}
        defaultActiveKey={['diff']}
      />
      <ActionBar a={a} rb={rb} onChanged={onChanged} />
    </Card>
  );
}

export default function ApprovalsPage() {
  const waiting = useLoad(() => adjApi.list({ waiting: '1' }));
  const all = useLoad(() => adjApi.list());
  const pendingRows = useMemo(
    () => (waiting.data?.items ?? []).filter((r) => r.can.some((c) => c.step === 'approval')),
    [waiting.data],
  );
  const details = useDetails(pendingRows);
  const books = useRulebooks([...pendingRows, ...(all.data?.items ?? [])].map((r) => r.rulebookId));
  // decided: refused, or past the approval step of its procedure (approved, perhaps published)
  const decided = useMemo(
    () =>
      (all.data?.items ?? []).filter((r) => {
        const rb = books.get(r.rulebookId);
        const steps = rb ? stepsOf(rb, r.kind).map((s) => s.id) : [];
        const at = steps.indexOf('approval');
        if (at < 0) return false;
        return (
          r.status === 'rejected' ||
          r.publishedVersion !== null ||
          r.status === 'done' ||
          r.openSteps.some((s) => steps.indexOf(s) > at)
        );
      }),
    [all.data, books],
  );
  const reload = () => {
    void waiting.reload();
    void all.reload();
  };

  return (
    <Card
      title="政府审定"
      extra={
        <Button icon={<ReloadOutlined />} onClick={reload}>
          刷新
        </Button>
      }
    >
      <Tabs
        items={[
          {
            key: 'pending',
            label: `待审定（${pendingRows.length}）`,
            children: waiting.loading ? (
              <Spin />
            ) : pendingRows.length ? (
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                {pendingRows.map((r) => {
                  const a = details.get(r.id);
                  const rb = books.get(r.rulebookId);
                  return a && rb ? (
                    <Pending key={r.id} a={a} rb={rb} onChanged={reload} />
                  ) : (
                    <Card key={r.id} size="small" loading />
                  );
                })}
              </Space>
            ) : (
              <Empty description="暂无报请审定的调整申请" />
            ),
          },
          {
            key: 'done',
            label: '审定记录',
            children: (
              <Table<AdjustmentRow>
                rowKey="id"
                size="middle"
                dataSource={decided}
                loading={all.loading}
                pagination={{ defaultPageSize: 10 }}
                locale={{ emptyText: <Empty description="暂无审定记录" /> }}
                columns={[
                  {
                    title: '调整事项',
                    dataIndex: 'title',
                    render: (t: string, r) => <Link to={`/adjustments/${r.id}`}>{t}</Link>,
                  },
                  { title: '申请单位', dataIndex: 'bodyName', width: 220 },
                  {
                    title: '类型',
                    dataIndex: 'kind',
                    width: 90,
                    render: (k: AdjustmentRow['kind'], r) => (
                      <Tag color={KIND_COLORS[k]}>
                        {books.get(r.rulebookId)?.adjustmentKinds.find((x) => x.kind === k)?.label}
                      </Tag>
                    ),
                  },
                  {
                    title: '结果',
                    dataIndex: 'status',
                    width: 200,
                    render: (_: unknown, r) =>
                      r.status === 'rejected' ? (
                        <Tag color={statusColor(r.status)}>未予批准</Tag>
                      ) : (
                        <Space size={4}>
                          <Tag color="success">已批准</Tag>
                          {r.publishedVersion && (
                            <Typography.Text type="secondary">已公布第{r.publishedVersion}版</Typography.Text>
                          )}
                        </Space>
                      ),
                  },
                  { title: '更新时间', dataIndex: 'updatedAt', width: 170, render: fmtTime },
                ]}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
