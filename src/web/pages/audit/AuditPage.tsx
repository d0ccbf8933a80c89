// 审计日志 (审计管理员): filter by who, what and when; read an event; verify the keyed chain against its anchors.
import { ReloadOutlined, SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Empty, Form, Input, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, type AuditQuery } from '../../api.ts';
import { filterByLabel } from '../../lib/options.ts';
import { modal, showError } from '../../lib/feedback.ts';
import { fmtTime } from '../../lib/format.ts';
import { useLoad } from '../../lib/useLoad.ts';
import type { AuditRow } from '../../types.ts';
import AuditDetailDrawer from './AuditDetailDrawer.tsx';
import { actorWords, objectWords, roleWords } from './objectWords.ts';

interface Filters {
  actor?: string;
  action?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

export default function AuditPage() {
  const [form] = Form.useForm<Filters>();
  const [query, setQuery] = useState<AuditQuery>({ page: 1, pageSize: 20 });
  const [detail, setDetail] = useState<AuditRow | null>(null);
  const [verifying, setVerifying] = useState(false);
  const actions = useLoad(() => api.auditActions());
  const list = useLoad(() => api.audit(query), [query]);

  function search(v: Filters) {
    const [from, to] = v.range ?? [];
    setQuery({
      actor: v.actor?.trim() || undefined,
      action: v.action || undefined,
      from: from?.format('YYYY-MM-DD'),
      to: to?.format('YYYY-MM-DD'),
      page: 1,
      pageSize: query.pageSize,
    });
  }

  async function verify() {
    setVerifying(true);
    try {
      const r = await api.auditVerify();
      const m = modal();
      const anchored = r.lastAnchor
        ? `已与库外留存的 ${r.anchorsChecked} 个锚点比对，最近一次锚点记于 ${fmtTime(r.lastAnchor.at)}（共 ${r.lastAnchor.count} 条）。`
        : '尚无库外锚点可比对。';
      const notes = r.notes.length ? `（${r.notes.join('；')}）` : '';
      if (r.ok)
        m?.success({
          title: '审计日志完整',
          content: `已校验 ${r.checked} 条记录，HMAC-SM3 密钥链完整，未发现篡改或删除。${anchored}当前链头：第 ${r.headSeq} 号，摘要 ${r.headDigest.slice(0, 16)}…（请另行留存）。${notes}`,
          okText: '知道了',
        });
      else
        m?.error({
          title: '发现审计日志被篡改',
          content: `第 ${r.firstBadSeq ?? '?'} 号记录校验失败${r.reason ? `：${r.reason}` : ''}。已校验 ${r.checked} 条。${anchored}请立即上报并保全现场。${notes}`,
          okText: '知道了',
        });
    } catch (e) {
      showError(e);
    } finally {
      setVerifying(false);
    }
  }

  const columns: TableColumnsType<AuditRow> = [
    { title: '序号', dataIndex: 'seq', width: 80 },
    { title: '时间', dataIndex: 'at', width: 170, render: fmtTime },
    { title: '操作人', key: 'actor', width: 130, render: (_, r) => actorWords(r) },
    { title: '角色', key: 'role', width: 140, render: (_, r) => roleWords(r) },
    { title: '机构', dataIndex: 'bodyName', ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: '操作类型', dataIndex: 'actionLabel', width: 130, render: (v: string) => <Tag color="blue">{v}</Tag> },
    { title: '操作对象', key: 'obj', width: 130, render: (_, r) => objectWords(r) },
    { title: '客户端地址', dataIndex: 'clientIp', width: 140, render: (v: string | null) => v ?? '—' },
    {
      title: '操作',
      key: 'op',
      width: 80,
      fixed: 'right',
      render: (_, r) => (
        <Button type="link" size="small" onClick={() => setDetail(r)}>
          详情
        </Button>
      ),
    },
  ];

  return (
    <Card
      title="审计日志"
      extra={
        <Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={verify}>
          校验完整性
        </Button>
      }
    >
      <Form form={form} layout="inline" onFinish={search} style={{ marginBottom: 16, rowGap: 12 }}>
        <Form.Item name="actor" label="操作人">
          <Input placeholder="姓名" allowClear maxLength={40} style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="action" label="操作类型">
          <Select
            placeholder="全部"
            allowClear
            style={{ width: 170 }}
            showSearch={{ filterOption: filterByLabel }}
            options={actions.data ?? []}
            loading={actions.loading}
          />
        </Form.Item>
        <Form.Item name="range" label="日期范围">
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              查询
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                search({});
              }}
            >
              重置
            </Button>
            <Button icon={<ReloadOutlined />} onClick={() => void list.reload()}>
              刷新
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <Table<AuditRow>
        rowKey="seq"
        size="middle"
        columns={columns}
        dataSource={list.data?.rows ?? []}
        loading={list.loading}
        scroll={{ x: 1100 }}
        locale={{ emptyText: <Empty description="没有符合条件的审计记录" /> }}
        onRow={(r) => ({ onDoubleClick: () => setDetail(r) })}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showQuickJumper: true,
          showTotal: (t) => `共 ${t} 条记录`,
          onChange: (page, pageSize) => setQuery((q) => ({ ...q, page: pageSize === q.pageSize ? page : 1, pageSize })),
        }}
      />
      <AuditDetailDrawer row={detail} onClose={() => setDetail(null)} />
    </Card>
  );
}
