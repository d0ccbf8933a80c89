// 登录. Stable selectors for browser tests: #username, #password, a button reading exactly 登录.
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../../api.ts';
import { PageSpin } from '../../lib/PageSpin.tsx';
import { toast } from '../../lib/feedback.ts';
import { useSession } from '../../session.tsx';

interface Values {
  username: string;
  password: string;
}

const HINT: Record<string, 'warning' | 'error'> = { ACCOUNT_LOCKED: 'warning', RATE_LIMITED: 'warning' };

export default function LoginPage() {
  const { session, login } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const target = from && !from.startsWith('/login') ? from : '/';
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();

  if (session === undefined) return <PageSpin />;
  if (session) return <Navigate to={target} replace />;

  async function onFinish(v: Values) {
    setBusy(true);
    setError(null);
    try {
      const s = await login(v.username.trim(), v.password);
      if (s.mustChangePassword) {
        toast.warning('首次登录，请先修改初始密码');
        navigate('/password', { replace: true });
        return;
      }
      toast.success(`欢迎您，${s.user.displayName}`);
      navigate(target, { replace: true });
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', '登录失败，请稍后重试');
      setError(err);
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login-bg">
      <Card className="login-card" variant="borderless">
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <Typography.Title level={3} style={{ marginBottom: 4 }}>
            包头市权责清单管理平台
          </Typography.Title>
          <Typography.Text type="secondary">工作人员登录</Typography.Text>
        </div>
        {error && (
          <Alert
            role="alert"
            type={HINT[error.code] ?? 'error'}
            showIcon
            title={error.message}
            style={{ marginBottom: 16 }}
            closable={{ onClose: () => setError(null) }}
          />
        )}
        <Form form={form} layout="vertical" size="large" onFinish={onFinish} requiredMark={false} autoComplete="on">
          <Form.Item
            name="username"
            label="用户名"
            rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
          >
            <Input
              prefix={<UserOutlined />}
              placeholder="请输入用户名"
              autoComplete="username"
              autoFocus
              maxLength={64}
            />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password
              prefix={<LockOutlined />}
              placeholder="请输入密码"
              autoComplete="current-password"
              maxLength={128}
            />
          </Form.Item>
          <Form.Item style={{ marginBottom: 8 }}>
            <Button type="primary" htmlType="submit" block loading={busy}>
              登录
            </Button>
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0, marginTop: 12 }}>
          连续多次输入错误密码，账户将被临时锁定。忘记密码请联系本单位系统管理员。 公众查询权责清单请访问{' '}
          <a href="/">公开门户</a>。
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
