// 安全策略 (安全管理员): password, lockout and session rules. Saving asks for confirmation,
// since the change applies to every account at once.
import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Divider, Form, InputNumber, Row, Space } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api.ts';
import { modal, toast } from '../../lib/feedback.ts';
import { applyServerErrors } from '../../lib/forms.ts';
import { useLoad } from '../../lib/useLoad.ts';
import type { SecurityPolicy } from '../../types.ts';
import { POLICY_BOUNDS } from '../../../contract/accounts.ts';

interface FieldSpec {
  name: keyof SecurityPolicy;
  label: string;
  unit: string;
  /** the field's explanation, with the contract's bounds */
  help: (b: { min: number; max: number }) => string;
}

const SPECS: { title: string; fields: FieldSpec[] }[] = [
  {
    title: '密码策略',
    fields: [
      {
        name: 'passwordMinLength',
        label: '密码最小长度',
        unit: '位',
        help: (b) => `不少于${b.min}位，不超过${b.max}位`,
      },
      {
        name: 'passwordMinClasses',
        label: '字符类别下限',
        unit: '类',
        help: (b) => `大写字母、小写字母、数字、特殊字符中至少包含的类别数（${b.min}或${b.max}）`,
      },
    ],
  },
  {
    title: '登录锁定',
    fields: [
      {
        name: 'maxFailedLogins',
        label: '连续登录失败次数',
        unit: '次',
        help: (b) => `达到该次数后锁定账户（${b.min}至${b.max}次）`,
      },
      {
        name: 'lockoutMinutes',
        label: '锁定时长',
        unit: '分钟',
        help: (b) => `锁定期间不能登录，安全管理员可提前解锁（${b.min}至${b.max}分钟）`,
      },
    ],
  },
  {
    title: '会话超时',
    fields: [
      {
        name: 'sessionIdleMinutes',
        label: '空闲超时',
        unit: '分钟',
        help: (b) => `无操作超过该时长需重新登录（${b.min}至${b.max}分钟）`,
      },
      {
        name: 'sessionAbsoluteMinutes',
        label: '会话最长时长',
        unit: '分钟',
        help: (b) => `自登录起超过该时长需重新登录（${b.min}至${b.max}分钟）`,
      },
    ],
  },
];
// the bounds are the contract's (the server refuses the same values)
const GROUPS = SPECS.map((g) => ({ ...g, fields: g.fields.map((f) => ({ ...f, ...POLICY_BOUNDS[f.name] })) }));

export default function SecurityPolicyPage() {
  const policy = useLoad(() => api.policy());
  const [form] = Form.useForm<SecurityPolicy>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (policy.data) form.setFieldsValue(policy.data);
  }, [policy.data, form]);

  async function save(v: SecurityPolicy) {
    setSaving(true);
    try {
      policy.setData(await api.savePolicy(v));
      toast.success('安全策略已保存，新策略立即生效');
    } catch (e) {
      applyServerErrors(form, e);
    } finally {
      setSaving(false);
    }
  }

  async function onSubmit() {
    const v = await form.validateFields();
    const m = modal();
    if (!m) return save(v);
    m.confirm({
      title: '确认保存安全策略？',
      content: '新策略将立即对全部用户生效，并记入审计日志。',
      okText: '确认保存',
      cancelText: '取消',
      onOk: () => save(v),
    });
  }

  return (
    <Card title="安全策略" loading={policy.loading && !policy.data}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 24 }}
        title="依据网络安全等级保护要求设置。修改将记入审计日志；密码策略对此后设置的密码生效，会话超时对全部会话生效。"
      />
      <Form form={form} layout="vertical" style={{ maxWidth: 760 }} disabled={!policy.data}>
        {GROUPS.map((g) => (
          <div key={g.title}>
            <Divider titlePlacement="start">{g.title}</Divider>
            <Row gutter={24}>
              {g.fields.map(({ min, max, ...f }) => (
                <Col key={f.name} xs={24} md={12}>
                  <Form.Item
                    name={f.name}
                    label={f.label}
                    extra={f.help({ min, max })}
                    rules={[
                      { required: true, message: `请输入${f.label}` },
                      {
                        type: 'integer',
                        min,
                        max,
                        message: `${f.label}应为${min}至${max}之间的整数`,
                      },
                    ]}
                  >
                    <InputNumber style={{ width: '100%' }} min={min} max={max} precision={0} suffix={f.unit} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </div>
        ))}
        <Space>
          <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={onSubmit}>
            保存
          </Button>
          <Button icon={<UndoOutlined />} onClick={() => policy.data && form.setFieldsValue(policy.data)}>
            恢复
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
