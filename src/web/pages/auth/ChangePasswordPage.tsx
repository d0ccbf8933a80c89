// 修改密码 at first sign-in: an account from the one-time setup must choose its own password
// before anything else (the server refuses every other call until then). This page stands
// alone, without the menu; after the change the user goes to their 工作台.
import { Alert, Button, Card, Form, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router-dom';
import {
  PasswordFields,
  PasswordRulesNote,
  changePassword,
  usePasswordRules,
  type PasswordValues,
} from '../../layout/PasswordFields.tsx';
import { toast } from '../../lib/feedback.ts';
import { useActor, useSession } from '../../session.tsx';

export default function ChangePasswordPage() {
  const { refresh, logout } = useSession();
  const actor = useActor();
  const navigate = useNavigate();
  const [form] = Form.useForm<PasswordValues>();
  const [saving, setSaving] = useState(false);
  const rules = usePasswordRules();

  if (!actor.mustChangePassword) return <Navigate to="/" replace />;

  async function onFinish(v: PasswordValues) {
    setSaving(true);
    try {
      if (!(await changePassword(form, v))) return;
      await refresh();
      toast.success('密码已修改，欢迎使用');
      navigate('/', { replace: true });
    } finally {
      setSaving(false);
    }
  }

  async function onLogout() {
    await logout();
    navigate('/login', { replace: true });
  }

  return (
    <div className="login-bg">
      <Card className="login-card" variant="borderless" style={{ width: 480 }}>
        <Typography.Title level={1} style={{ fontSize: 24, textAlign: 'center', marginBottom: 4 }}>
          修改密码
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {actor.user.displayName}（{actor.user.username}）
        </Typography.Paragraph>
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="首次登录须先修改初始密码，修改后方可使用平台。"
        />
        <PasswordRulesNote rules={rules} />
        <Form form={form} layout="vertical" requiredMark={false} autoComplete="off" onFinish={onFinish}>
          <PasswordFields rules={rules} />
          <Button type="primary" htmlType="submit" block loading={saving}>
            确认修改
          </Button>
        </Form>
        <Button type="link" block style={{ marginTop: 8 }} onClick={onLogout}>
          退出登录
        </Button>
      </Card>
    </div>
  );
}
