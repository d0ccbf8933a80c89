// 新建用户 / 编辑用户 (系统管理员). Only the name can be changed later; roles are the
// security admin's (三员分立).
import { Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { api, http, isPending, type NewUser } from '../../api.ts';
import { bodyOptions, filterByLabel } from '../../lib/options.ts';
import { toast } from '../../lib/feedback.ts';
import { applyServerErrors } from '../../lib/forms.ts';
import type { Body, UserRow } from '../../types.ts';

interface Props {
  open: boolean;
  user?: UserRow;
  bodies?: Body[];
  defaultBodyId?: number;
  onClose: () => void;
  onSaved: () => void;
}

// email (issue 12.6): where the user's inbox notices are also mailed; empty = in-app only
type Values = NewUser & { confirm: string; email?: string };

export default function UserFormModal({ open, user, bodies, defaultBodyId, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (user) {
      form.setFieldsValue({ username: user.username, displayName: user.displayName, homeBodyId: user.homeBodyId });
      http
        .get<{ email: string | null }>(`/api/users/${user.id}/email`)
        .then((r) => form.setFieldsValue({ email: r.email ?? '' }))
        .catch(() => undefined);
    } else if (defaultBodyId) form.setFieldsValue({ homeBodyId: defaultBodyId });
  }, [open, user, defaultBodyId, form]);

  async function submit() {
    const v = await form.validateFields().catch(() => null); // the form shows what is missing
    if (!v) return;
    setSaving(true);
    try {
      if (user) {
        await http.put(`/api/users/${user.id}/email`, { email: v.email?.trim() || null });
        const r = await api.updateUser(user.id, { displayName: v.displayName.trim() });
        if (isPending(r)) toast.info('已提交，待另一名管理员确认后生效');
        else toast.success('用户信息已保存');
      } else {
        await api.createUser({
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          homeBodyId: v.homeBodyId,
          password: v.password,
        });
        toast.success(`已创建用户“${v.displayName.trim()}”，请由安全管理员为其分配角色`);
      }
      onSaved();
    } catch (e) {
      applyServerErrors(form, e, { CONFLICT: 'username', PASSWORD_POLICY: 'password' });
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title={user ? '编辑用户' : '新建用户'}
      open={open}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      okText="保存"
      cancelText="取消"
      destroyOnHidden
      width={520}
    >
      <Form form={form} layout="vertical" autoComplete="off">
        <Form.Item
          name="username"
          label="用户名"
          rules={[
            { required: true, whitespace: true, message: '请输入用户名' },
            {
              pattern: /^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/,
              message: '用户名须以字母开头，由3-32位字母、数字、下划线、点或连字符组成',
            },
          ]}
          extra={user ? '用户名创建后不可修改' : '用于登录，如 zhang.san'}
        >
          <Input disabled={!!user} placeholder="请输入用户名" maxLength={32} />
        </Form.Item>
        <Form.Item
          name="displayName"
          label="姓名"
          rules={[
            { required: true, whitespace: true, message: '请输入姓名' },
            { min: 2, message: '姓名至少2个字' },
            { max: 30, message: '姓名不能超过30个字' },
          ]}
        >
          <Input placeholder="请输入真实姓名" maxLength={30} />
        </Form.Item>
        {user && (
          <Form.Item
            name="email"
            label="通知邮箱"
            extra="待办与提醒除站内消息外，也发送到此邮箱（服务器配置 SMTP_URL 后生效）；留空则不发邮件"
            rules={[{ type: 'email', message: '邮箱格式不正确' }]}
          >
            <Input placeholder="例如 zhangsan@baotou.gov.cn" maxLength={254} />
          </Form.Item>
        )}
        <Form.Item name="homeBodyId" label="所属机构" rules={[{ required: true, message: '请选择所属机构' }]}>
          <Select
            disabled={!!user}
            showSearch={{ filterOption: filterByLabel }}
            options={bodyOptions(bodies)}
            placeholder="请选择所属机构"
            loading={!bodies}
          />
        </Form.Item>
        {!user && (
          <>
            <Form.Item
              name="password"
              label="初始密码"
              rules={[
                { required: true, message: '请输入初始密码' },
                { min: 8, message: '密码至少8位' },
              ]}
              extra="须符合密码策略；请通知用户首次登录后及时修改"
            >
              <Input.Password autoComplete="new-password" placeholder="请输入初始密码" maxLength={128} />
            </Form.Item>
            <Form.Item
              name="confirm"
              label="确认密码"
              dependencies={['password']}
              rules={[
                { required: true, message: '请再次输入初始密码' },
                ({ getFieldValue }) => ({
                  validator: (_, v: string) =>
                    !v || v === getFieldValue('password')
                      ? Promise.resolve()
                      : Promise.reject(new Error('两次输入的密码不一致')),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" placeholder="请再次输入初始密码" maxLength={128} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
