// 用户管理: the system admin creates, renames and disables accounts; the security admin grants
// roles and unlocks accounts (三员分立). Each sees only the buttons of their duty. A change to an
// administrator is only filed (202) until another administrator confirms it: the row says 待确认.
import { LockOutlined, PlusOutlined, ReloadOutlined, SafetyOutlined, UnlockOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Empty,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { api, isPending } from '../../api.ts';
import { bodyOptions, filterByLabel } from '../../lib/options.ts';
import { showError, toast } from '../../lib/feedback.ts';
import { fmtTime, isLocked } from '../../lib/format.ts';
import { reaches } from '../../lib/scope.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { announceAdminChanges } from '../admin-changes/pending.ts';
import { useActor, useSession } from '../../session.tsx';
import type { UserRow } from '../../types.ts';
import UserFormModal from './UserFormModal.tsx';
import UserRolesDrawer from './UserRolesDrawer.tsx';

export default function UsersPage() {
  const { can } = useSession();
  const actor = useActor();
  const [bodyId, setBodyId] = useState<number | undefined>(undefined);
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<{ user?: UserRow } | null>(null);
  const [rolesOf, setRolesOf] = useState<number | null>(null);
  const bodies = useLoad(() => api.bodies());
  const users = useLoad(() => api.users({ bodyId, q: q.trim() || undefined }), [bodyId, q]);
  // changes filed for a second administrator's confirmation, shown on their account's row
  const pending = useLoad(() => api.adminChanges());
  const pendingOf = (id: number) => (pending.data ?? []).filter((c) => c.targetUserId === id);
  // the same change is filed once: while 停用/启用 waits for confirmation its button is not offered
  const switchPending = (u: UserRow) =>
    pendingOf(u.id).some((c) => c.kind === 'user.update' && c.payload?.disabled !== undefined);
  const reload = () => {
    void users.reload();
    void pending.reload();
    announceAdminChanges();
  };
  const sys = can('manageUsers');
  // bodies where this admin may create accounts (sysAdmin) or grant roles (secAdmin)
  const ownBodies = (role: 'sysAdmin' | 'secAdmin') => bodies.data?.filter((b) => reaches(actor, role, b.regionPath));
  const sec = can('manageRoles');

  async function act(p: Promise<unknown>, ok: string) {
    try {
      const r = await p;
      if (isPending(r)) toast.info('已提交，待另一名管理员确认后生效');
      else toast.success(ok);
      reload();
    } catch (e) {
      showError(e);
    }
  }

  const columns: TableColumnsType<UserRow> = [
    { title: '用户名', dataIndex: 'username', width: 160 },
    { title: '姓名', dataIndex: 'displayName', width: 120 },
    { title: '所属机构', dataIndex: 'homeBodyName' },
    {
      title: '状态',
      key: 'state',
      width: 200,
      render: (_, u) => (
        <Space size={4} wrap>
          {u.disabled ? (
            <Tag color="default">已停用</Tag>
          ) : isLocked(u.lockedUntil) ? (
            <Tooltip title={`锁定至 ${fmtTime(u.lockedUntil)}`}>
              <Tag color="red" icon={<LockOutlined />}>
                已锁定
              </Tag>
            </Tooltip>
          ) : (
            <Tag color="green">正常</Tag>
          )}
          {pendingOf(u.id).map((c) => (
            <Tooltip
              key={c.id}
              title={`${c.requesterName}于${fmtTime(c.requestedAt)}提出，须另一名管理员在“管理员变更确认”中确认`}
            >
              <Tag color="orange">待确认：{c.description}</Tag>
            </Tooltip>
          ))}
        </Space>
      ),
    },
    {
      title: '操作',
      key: 'op',
      width: 230,
      fixed: 'right',
      render: (_, u) => (
        <Space size={0} wrap>
          {sys && (
            <Button type="link" size="small" onClick={() => setEditing({ user: u })}>
              编辑
            </Button>
          )}
          {sys &&
            u.id !== actor.user.id &&
            !switchPending(u) &&
            (u.disabled ? (
              <Popconfirm
                title="确认启用该账户？"
                description={u.admin ? '该账户属于管理员：须经另一名管理员确认后生效。' : undefined}
                okText="启用"
                cancelText="取消"
                onConfirm={() => act(api.updateUser(u.id, { disabled: false }), `已启用账户“${u.displayName}”`)}
              >
                <Button type="link" size="small">
                  启用
                </Button>
              </Popconfirm>
            ) : (
              <Popconfirm
                title="确认停用该账户？"
                okText="停用"
                description={
                  u.admin
                    ? '该账户属于管理员：停用须经另一名管理员确认后生效，确认后该用户将立即退出登录且无法再登录。'
                    : '停用后该用户将立即退出登录且无法再登录。'
                }
                okButtonProps={{ danger: true }}
                cancelText="取消"
                onConfirm={() => act(api.updateUser(u.id, { disabled: true }), `已停用账户“${u.displayName}”`)}
              >
                <Button type="link" size="small" danger>
                  停用
                </Button>
              </Popconfirm>
            ))}
          {sec && (
            <Button type="link" size="small" icon={<SafetyOutlined />} onClick={() => setRolesOf(u.id)}>
              角色
            </Button>
          )}
          {sec && isLocked(u.lockedUntil) && (
            <Popconfirm
              title="确认解除该账户的锁定？"
              okText="解除锁定"
              cancelText="取消"
              onConfirm={() => act(api.unlockUser(u.id), `已解除“${u.displayName}”的账户锁定`)}
            >
              <Button type="link" size="small" icon={<UnlockOutlined />}>
                解锁
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card title="用户管理">
      <div className="page-toolbar">
        <Space wrap>
          <Select
            style={{ width: 300 }}
            allowClear
            placeholder="全部机构"
            value={bodyId}
            onChange={setBodyId}
            showSearch={{ filterOption: filterByLabel }}
            options={bodyOptions(bodies.data)}
            loading={bodies.loading}
          />
          <Input.Search
            style={{ width: 260 }}
            placeholder="用户名或姓名"
            allowClear
            enterButton="查询"
            maxLength={40}
            onSearch={(v) => setQ(v)}
          />
          <Button icon={<ReloadOutlined />} onClick={reload}>
            刷新
          </Button>
        </Space>
        {sys && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
            新建用户
          </Button>
        )}
      </div>
      <Table<UserRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={users.data ?? []}
        loading={users.loading}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description={q || bodyId ? '没有符合条件的用户' : '暂无用户'} /> }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (t) => `共 ${t} 个用户` }}
      />
      <UserFormModal
        open={!!editing}
        user={editing?.user}
        bodies={editing?.user ? bodies.data : ownBodies('sysAdmin')}
        defaultBodyId={bodyId}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          reload();
        }}
      />
      {rolesOf !== null && (
        <UserRolesDrawer
          userId={rolesOf}
          bodies={ownBodies('secAdmin')}
          onClose={() => setRolesOf(null)}
          onChanged={reload}
        />
      )}
    </Card>
  );
}
