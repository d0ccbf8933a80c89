// 监督管理 (§14 ¶2, §16, §17): the office's findings, rectification orders, 通报批评 and each
// body's 牵头机构; a body sees its own findings and orders and reports its rectification.
import { Button, Card, Select, Space, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import {
  FINDING_KIND_LABELS,
  FINDING_KINDS,
  FINDING_SOURCE_LABELS,
  FINDING_STATUS_LABELS,
  FINDING_STATUSES,
  ORDER_STATUS_LABELS,
  REPRIMAND_STATUS_LABELS,
  type FindingKind,
  type FindingStatus,
  type FindingView,
  type OrderView,
  type ReprimandView,
} from '../../../contract/supervision.ts';
import { fmtTime } from '../../lib/format.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { useActor } from '../../session.tsx';
import { FINDING_STATUS_COLORS, ORDER_STATUS_COLORS, REPRIMAND_STATUS_COLORS } from './labels.ts';
import JointMeetingsTab from './JointMeetingsTab.tsx';
import LeadUnitsTab from './LeadUnitsTab.tsx';
import OpenFindingModal from './OpenFindingModal.tsx';
import { supervisionApi } from './supervisionApi.ts';

function FindingsTab({ office }: { office: boolean }) {
  const [status, setStatus] = useState<FindingStatus | undefined>();
  const [kind, setKind] = useState<FindingKind | undefined>();
  const [opening, setOpening] = useState(false);
  const list = useLoad(() => supervisionApi.findings({ status, kind }), [status, kind]);
  const columns: TableColumnsType<FindingView> = [
    { title: '编号', dataIndex: 'id', width: 70 },
    { title: '被督查机构', render: (_, f) => `${f.bodyName}（${f.regionName}）` },
    { title: '问题类型', render: (_, f) => FINDING_KIND_LABELS[f.kind].label },
    { title: '来源', render: (_, f) => FINDING_SOURCE_LABELS[f.source], width: 110 },
    {
      title: '状态',
      width: 150,
      render: (_, f) => <Tag color={FINDING_STATUS_COLORS[f.status]}>{FINDING_STATUS_LABELS[f.status]}</Tag>,
    },
    { title: '开立时间', render: (_, f) => fmtTime(f.openedAt), width: 170 },
    { title: '', width: 80, render: (_, f) => <Link to={`/supervision/findings/${f.id}`}>查看</Link> },
  ];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="全部状态"
          style={{ width: 180 }}
          value={status}
          onChange={setStatus}
          options={FINDING_STATUSES.map((s) => ({ value: s, label: FINDING_STATUS_LABELS[s] }))}
        />
        <Select
          allowClear
          placeholder="全部问题类型"
          style={{ width: 280 }}
          value={kind}
          onChange={setKind}
          options={FINDING_KINDS.map((k) => ({ value: k, label: FINDING_KIND_LABELS[k].label }))}
        />
        {office && (
          <Button type="primary" onClick={() => setOpening(true)}>
            开立督查发现
          </Button>
        )}
      </Space>
      <Table rowKey="id" size="middle" loading={list.loading} dataSource={list.data?.items ?? []} columns={columns} />
      <OpenFindingModal open={opening} onClose={() => setOpening(false)} />
    </>
  );
}

function OrdersTab() {
  const list = useLoad(() => supervisionApi.orders());
  const columns: TableColumnsType<OrderView> = [
    {
      title: '督查发现',
      width: 100,
      render: (_, o) => <Link to={`/supervision/findings/${o.findingId}`}>{`#${o.findingId}`}</Link>,
    },
    { title: '被督促整改机构', dataIndex: 'bodyName' },
    { title: '整改要求', dataIndex: 'requirement', ellipsis: true },
    { title: '整改期限', width: 200, render: (_, o) => `${o.dueOn}${o.dueProvisional ? '（暂定）' : ''}` },
    {
      title: '状态',
      width: 150,
      render: (_, o) => <Tag color={ORDER_STATUS_COLORS[o.status]}>{ORDER_STATUS_LABELS[o.status]}</Tag>,
    },
  ];
  return (
    <Table rowKey="id" size="middle" loading={list.loading} dataSource={list.data?.items ?? []} columns={columns} />
  );
}

function ReprimandsTab() {
  const list = useLoad(() => supervisionApi.reprimands());
  const columns: TableColumnsType<ReprimandView> = [
    { title: '标题', render: (_, r) => <Link to={`/supervision/findings/${r.findingId}`}>{r.title}</Link> },
    { title: '被通报单位', dataIndex: 'bodyName' },
    { title: '起草人', dataIndex: 'draftedByName', width: 100 },
    { title: '审核人', width: 100, render: (_, r) => r.approvedByName ?? '—' },
    {
      title: '状态',
      width: 130,
      render: (_, r) => <Tag color={REPRIMAND_STATUS_COLORS[r.status]}>{REPRIMAND_STATUS_LABELS[r.status]}</Tag>,
    },
    { title: '公布时间', width: 170, render: (_, r) => fmtTime(r.publishedAt) },
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">
        已公布的通报批评在门户网站<a href="/reprimands">“通报批评”</a>栏目公开。
      </Typography.Paragraph>
      <Table rowKey="id" size="middle" loading={list.loading} dataSource={list.data?.items ?? []} columns={columns} />
    </>
  );
}

export default function SupervisionPage() {
  const actor = useActor();
  const office = actor.abilities.review;
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? (office ? 'findings' : 'orders');
  return (
    <Card title="监督管理">
      <Typography.Paragraph type="secondary">
        依据《包头市政府工作部门权责清单动态管理办法》第十四条第二款、第十六条、第十七条：对迟报、缓报、漏报等问题督促整改，对不按要求整改的予以通报批评。
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        items={[
          { key: 'findings', label: '督查发现', children: <FindingsTab office={office} /> },
          { key: 'orders', label: office ? '整改通知' : '我的整改任务', children: <OrdersTab /> },
          { key: 'reprimands', label: '通报批评', children: <ReprimandsTab /> },
          { key: 'lead-units', label: '牵头机构', children: <LeadUnitsTab /> },
          ...(office ? [{ key: 'joint-meetings', label: '联席会议', children: <JointMeetingsTab /> }] : []),
        ]}
      />
    </Card>
  );
}
