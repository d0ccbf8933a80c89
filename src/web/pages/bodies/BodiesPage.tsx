// 机构管理 (系统管理员): bodies by region, with search, 新增 and 编辑.
import { EditOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Space, Table, Tag, TreeSelect, Typography, type TableColumnsType } from 'antd';

import { useMemo, useState } from 'react';
import { api } from '../../api.ts';
import { regionTree } from '../../lib/regions.ts';
import { reaches } from '../../lib/scope.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { LEVEL_LABELS, OFFICE_LABELS } from '../../labels.ts';
import { useActor } from '../../session.tsx';
import type { Body } from '../../types.ts';
import BodyFormModal from './BodyFormModal.tsx';

const KIND_COLORS: Record<string, string> = {
  政府工作部门: 'blue',
  部门管理机构: 'cyan',
  保留权责清单的党委部门: 'red',
  合并设立的部门: 'magenta',
  法律法规授权组织: 'purple',
  苏木乡镇人民政府: 'green',
  街道办事处: 'lime',
  人民政府: 'gold',
  协调小组办公室: 'orange',
};

export default function BodiesPage() {
  const actor = useActor();
  // a district's system admin starts with their own district; the city's with every region
  const own = actor.roles.filter((g) => g.role === 'sysAdmin');
  const [region, setRegion] = useState<string | undefined>(
    own.length && own.every((g) => g.regionPath.includes('/')) ? own[0].regionCode : undefined,
  );
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<{ body?: Body } | null>(null);
  const regions = useLoad(() => api.regions());
  const bodies = useLoad(() => api.bodies({ region, q: q.trim() || undefined }), [region, q]);
  const tree = useMemo(() => regionTree(regions.data ?? []), [regions.data]);
  // the form offers only the regions this system admin manages
  const ownTree = useMemo(
    () => regionTree((regions.data ?? []).filter((r) => reaches(actor, 'sysAdmin', r.path))),
    [regions.data, actor],
  );

  const columns: TableColumnsType<Body> = [
    { title: '序号', dataIndex: 'seq', width: 70, align: 'center' },
    {
      title: '机构名称',
      dataIndex: 'name',
      render: (v: string, b) => (
        <Space size={4}>
          {v}
          {b.office && <Tag color="gold">{OFFICE_LABELS[b.office]}</Tag>}
        </Space>
      ),
    },
    {
      title: '简称',
      dataIndex: 'shortName',
      width: 160,
      render: (v: string | null) => v || <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: '机构类型',
      dataIndex: 'kind',
      width: 190,
      render: (k: string) => (
        <Tag color={KIND_COLORS[k] ?? 'default'} style={{ whiteSpace: 'normal' }}>
          {k}
        </Tag>
      ),
    },
    { title: '所属区划', dataIndex: 'regionName', width: 150 },
    { title: '层级', dataIndex: 'regionLevel', width: 150, render: (l: number) => LEVEL_LABELS[l] ?? l },
    {
      title: '操作',
      key: 'op',
      width: 90,
      fixed: 'right',
      render: (_, b) =>
        reaches(actor, 'sysAdmin', b.regionPath) ? (
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing({ body: b })}>
            编辑
          </Button>
        ) : (
          <Typography.Text type="secondary" title="不在您的管理范围内">
            —
          </Typography.Text>
        ),
    },
  ];

  return (
    <Card
      title="机构管理"
      extra={<Typography.Text type="secondary">职权行使机构及本级人民政府、协调小组办公室、法制机构</Typography.Text>}
    >
      <div className="page-toolbar">
        <Space wrap>
          <TreeSelect
            style={{ width: 260 }}
            treeData={tree}
            value={region}
            onChange={setRegion}
            allowClear
            showSearch
            treeNodeFilterProp="title"
            placeholder="全部区划"
            loading={regions.loading}
          />
          <Input.Search
            style={{ width: 280 }}
            placeholder="输入机构名称查询"
            allowClear
            enterButton="查询"
            onSearch={(v) => setQ(v)}
            maxLength={40}
          />
          <Button icon={<ReloadOutlined />} onClick={() => void bodies.reload()}>
            刷新
          </Button>
        </Space>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
          新增机构
        </Button>
      </div>
      <Table<Body>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={bodies.data ?? []}
        loading={bodies.loading}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty description={q || region ? '没有符合条件的机构' : '暂无机构'} /> }}
        pagination={{
          defaultPageSize: 20,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (t) => `共 ${t} 个机构`,
        }}
      />
      <BodyFormModal
        open={!!editing}
        body={editing?.body}
        regions={editing?.body ? tree : ownTree}
        defaultRegion={region}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void bodies.reload();
        }}
      />
    </Card>
  );
}
