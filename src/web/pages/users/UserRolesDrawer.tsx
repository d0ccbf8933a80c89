// 角色授权 (安全管理员): the roles a user holds per body; grant and revoke. 三员分立 is enforced
// by the server, whose message is shown as is; a change concerning an administrator is only
// filed (202) until another administrator confirms it.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Empty, Form, Popconfirm, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, isPending } from '../../api.ts';
import { bodyOptions, filterByLabel } from '../../lib/options.ts';
import { showError, toast } from '../../lib/feedback.ts';
import { applyServerErrors } from '../../lib/forms.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { ROLE_LABELS, ROLE_OPTIONS, roleColor } from '../../labels.ts';
import type { Body, Role, UserDetail } from '../../types.ts';

interface Props {
  userId: number;
  bodies?: Body[];
  onClose: () => void;
  onChanged: () => void;
}

export default function UserRolesDrawer({ userId, bodies, onClose, onChanged }: Props) {
  const detail = useLoad(() => api.user(userId), [userId]);
  const [form] = Form.useForm<{ bodyId: number; role: Role }>();
  const [busy, setBusy] = useState(false);
  const u = detail.data;

  async function grant() {
    const v = await form.validateFields().catch(() => null); // the form shows what is missing
    if (!v) return;
    setBusy(true);
    try {
      const r = await api.grantRole(userId, v.bodyId, v.role);
      if (isPending(r)) toast.info(`授予“${ROLE_LABELS[v.role]}”角色已提交，待另一名管理员确认后生效`);
      else {
        detail.setData(r);
        toast.success(`已授予“${ROLE_LABELS[v.role]}”角色`);
      }
      form.resetFields(['role']);
      onChanged();
    } catch (e) {
      applyServerErrors(form, e);
    } finally {
      setBusy(false);
    }
  }

  async function revoke(r: UserDetail['roles'][number]) {
    try {
      const res = await api.revokeRole(userId, r.bodyId, r.role);
      if (isPending(res)) toast.info(`撤销“${ROLE_LABELS[r.role]}”角色已提交，待另一名管理员确认后生效`);
      else {
        detail.setData(res);
        toast.success(`已撤销“${ROLE_LABELS[r.role]}”角色`);
      }
      onChanged();
    } catch (e) {
      showError(e);
    }
  }

  return (
    <Drawer
      title={u ? `角色授权 — ${u.displayName}` : '角色授权'}
      open
      size={640}
      onClose={onClose}
      destroyOnHidden
      loading={detail.loading && !u}
    >
      {u && (
        <>
          <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label="用户名">{u.username}</Descriptions.Item>
            <Descriptions.Item label="姓名">{u.displayName}</Descriptions.Item>
            <Descriptions.Item label="所属机构" span={2}>
              {u.homeBodyName}
            </Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            rowKey={(r) => `${r.role}@${r.bodyId}`}
            dataSource={u.roles}
            pagination={false}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未授予任何角色" /> }}
            columns={[
              {
                title: '角色',
                dataIndex: 'role',
                width: 150,
                render: (r: Role) => <Tag color={roleColor(r)}>{ROLE_LABELS[r] ?? r}</Tag>,
              },
              { title: '履职机构', dataIndex: 'bodyName' },
              {
                title: '操作',
                key: 'op',
                width: 90,
                render: (_, r) => (
                  <Popconfirm
                    title="确认撤销该角色？"
                    description={`撤销后，${u.displayName}将不能再以“${ROLE_LABELS[r.role]}”身份在${r.bodyName}办理业务。`}
                    okText="撤销"
                    okButtonProps={{ danger: true }}
                    cancelText="取消"
                    onConfirm={() => revoke(r)}
                  >
                    <Button type="link" danger size="small" icon={<DeleteOutlined />}>
                      撤销
                    </Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
          <Alert
            style={{ margin: '20px 0 12px' }}
            type="info"
            showIcon
            title="三员分立：系统管理员、安全管理员、审计管理员不得由同一人兼任。"
          />
          <Form form={form} layout="vertical" initialValues={{ bodyId: u.homeBodyId }}>
            <Form.Item name="bodyId" label="履职机构" rules={[{ required: true, message: '请选择履职机构' }]}>
              <Select
                showSearch={{ filterOption: filterByLabel }}
                options={bodyOptions(bodies)}
                placeholder="请选择机构"
                loading={!bodies}
              />
            </Form.Item>
            <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
              <Select options={ROLE_OPTIONS} placeholder="请选择要授予的角色" />
            </Form.Item>
            <Button type="primary" icon={<PlusOutlined />} loading={busy} onClick={grant}>
              授予角色
            </Button>
          </Form>
        </>
      )}
    </Drawer>
  );
}
