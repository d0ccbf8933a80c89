// 管理员变更确认 (三员分立, issue 10.5): a change to an administrator's account or roles waits
// here until a different administrator — neither its requester nor its subject — confirms or
// rejects it. The server says who may (mayConfirm) and checks again; its refusal is shown as is.
import { CheckOutlined, CloseOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Empty,
  Popconfirm,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api.ts';
import { toast } from '../../lib/feedback.ts';
import { fmtTime } from '../../lib/format.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { useActor } from '../../session.tsx';
import type { AdminChange } from '../../types.ts';
import { announceAdminChanges } from './pending.ts';
import RejectModal from './RejectModal.tsx';

const STATUS: Record<AdminChange['status'], { text: string; color: string }> = {
  pending: { text: '待确认', color: 'orange' },
  confirmed: { text: '已确认生效', color: 'green' },
  rejected: { text: '已驳回', color: 'red' },
  superseded: { text: '已自动关闭', color: 'default' },
};

export default function AdminChangesPage() {
  const actor = useActor();
  const [tab, setTab] = useState<'pending' | 'decided'>('pending');
  const list = useLoad(() => api.adminChanges(tab), [tab]);
  const [rejecting, setRejecting] = useState<AdminChange | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const me = actor.user.id;
  // the menu's count follows what this page has just loaded
  useEffect(() => {
    if (tab === 'pending' && list.data) announceAdminChanges();
  }, [tab, list.data]);

  function refused(e: unknown) {
    setRefusal(e instanceof ApiError ? e.message : '操作失败，请稍后重试');
    void list.reload();
  }

  function done(c: AdminChange) {
    setRefusal(null);
    toast.success(
      c.status === 'confirmed'
        ? `已确认，变更已生效：${c.targetName} — ${c.description}`
        : `已驳回：${c.targetName} — ${c.description}`,
    );
    announceAdminChanges();
    void list.reload();
  }

  async function confirm(c: AdminChange) {
    setBusy(c.id);
    try {
      done(await api.confirmAdminChange(c.id));
    } catch (e) {
      refused(e);
    } finally {
      setBusy(null);
    }
  }

  /** Why this administrator has no buttons on a pending change. */
  const waiting = (c: AdminChange) =>
    c.requestedBy === me
      ? '本人提出，待另一名管理员确认'
      : c.targetUserId === me
        ? '涉及本人账户，须由其他管理员确认'
        : '待其他管理员确认';

  const columns: TableColumnsType<AdminChange> = [
    {
      title: '提出人',
      dataIndex: 'requesterName',
      width: 110,
      render: (n: string, c) => (c.requestedBy === me ? `${n}（本人）` : n),
    },
    { title: '提出时间', dataIndex: 'requestedAt', width: 170, render: fmtTime },
    { title: '涉及账户', key: 'target', width: 180, render: (_, c) => `${c.targetName}（${c.targetUsername}）` },
    { title: '变更内容', dataIndex: 'description' },
    tab === 'pending'
      ? {
          title: '操作',
          key: 'op',
          width: 250,
          render: (_, c) =>
            c.mayConfirm ? (
              <Space>
                <Popconfirm
                  title="确认该变更？"
                  description={`确认后立即生效：${c.targetName} — ${c.description}`}
                  okText="确认"
                  cancelText="取消"
                  onConfirm={() => confirm(c)}
                >
                  <Button type="primary" size="small" icon={<CheckOutlined />} loading={busy === c.id}>
                    确认
                  </Button>
                </Popconfirm>
                <Button size="small" danger icon={<CloseOutlined />} onClick={() => setRejecting(c)}>
                  驳回
                </Button>
              </Space>
            ) : (
              <Tag color="orange">{waiting(c)}</Tag>
            ),
        }
      : {
          title: '处理结果',
          key: 'result',
          width: 300,
          render: (_, c) => (
            <Space orientation="vertical" size={2}>
              <span>
                <Tag color={STATUS[c.status].color}>{STATUS[c.status].text}</Tag>
                {c.deciderName ?? ''} {fmtTime(c.decidedAt)}
              </span>
              {c.reason && (
                <Typography.Text type="secondary">
                  {c.status === 'superseded' ? c.reason : `驳回理由：${c.reason}`}
                </Typography.Text>
              )}
            </Space>
          ),
        },
  ];

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>
          管理员变更确认
        </Typography.Title>
      }
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => void list.reload()}>
          刷新
        </Button>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="三员分立：停用、启用或修改系统管理员、安全管理员、审计管理员的账户，或授予、撤销其角色，须由另一名管理员确认后才生效；提出人和被变更的本人不能确认。"
      />
      {refusal && (
        <Alert
          role="alert"
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={refusal}
          closable={{ onClose: () => setRefusal(null) }}
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          setRefusal(null);
          setTab(k as typeof tab);
        }}
        items={[
          { key: 'pending', label: '待确认' },
          { key: 'decided', label: '最近已处理' },
        ]}
      />
      <Table<AdminChange>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data ?? []}
        loading={list.loading}
        scroll={{ x: 900 }}
        locale={{
          emptyText: (
            <Empty description={tab === 'pending' ? '没有待确认的管理员变更' : '最近没有已处理的管理员变更'} />
          ),
        }}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
      />
      {rejecting && (
        <RejectModal
          change={rejecting}
          onClose={() => setRejecting(null)}
          onDone={(c) => {
            setRejecting(null);
            done(c);
          }}
          onRefused={(e) => {
            setRejecting(null);
            refused(e);
          }}
        />
      )}
    </Card>
  );
}
