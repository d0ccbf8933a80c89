// 开放数据订阅 (issue 14.3, §15 ¶2): the city's office or the system administrator registers the
// consumers that receive every publication by signed webhook, sends a test push, disables one, and
// reads its delivery log. The signing secret is shown once, right after registration.
import { ApiOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import {
  REGION_LEVEL_LABELS,
  WEBHOOK_EVENT_LABELS,
  WEBHOOK_EVENTS,
  type ConsumerBody,
} from '../../../contract/open-data.ts';
import { ApiError } from '../../api.ts';
import { showError, toast } from '../../lib/feedback.ts';
import { applyServerErrors } from '../../lib/forms.ts';
import { fmtTime } from '../../lib/format.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { DeliveryLog } from './DeliveryLog.tsx';
import { type Consumer, webhooksApi } from './webhooksApi.ts';

/** the form's values: 范围 0 is 全市 (the API's null) */
type FormValues = Omit<ConsumerBody, 'regionLevel'> & { regionLevel: number };

export default function WebhooksPage() {
  const list = useLoad(() => webhooksApi.list());
  const [form] = Form.useForm<FormValues>();
  const [adding, setAdding] = useState(false);
  const [saving, setSaving] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [log, setLog] = useState<Consumer | null>(null);

  async function register() {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const level = values.regionLevel;
      const r = await webhooksApi.register({
        ...values,
        regionLevel: level === 1 || level === 2 || level === 3 ? level : null,
      });
      setAdding(false);
      form.resetFields();
      setSecret(r.secret);
      await list.reload();
    } catch (e) {
      if (!applyServerErrors(form, e)) showError(e);
    } finally {
      setSaving(false);
    }
  }
  async function act(fn: () => Promise<unknown>, done: string) {
    try {
      await fn();
      toast.success(done);
      await list.reload();
    } catch (e) {
      showError(e);
    }
  }

  // the menu shows the page to every office and system administrator; the server admits the city's only
  if (list.error instanceof ApiError && list.error.status === 403)
    return (
      <Card title="开放数据订阅（Webhook）">
        <Alert type="info" showIcon message={list.error.message} />
      </Card>
    );
  return (
    <Card
      title="开放数据订阅（Webhook）"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          登记订阅方
        </Button>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="每次公布权责清单新版本，平台向订阅方的接收地址推送一条签名消息（HMAC-SHA256，请求头 X-QZQD-Signature）。"
        description={
          <span>
            推送由定时巡查发送，失败自动重试。接口说明见 <a href="/api/docs/public">开放数据接口 v1</a>
            ，签名校验方法见仓库 docs/OPEN-DATA.md。
          </span>
        }
      />
      <Table<Consumer>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        columns={[
          { title: '订阅方', dataIndex: 'name' },
          { title: '接收地址', dataIndex: 'url', render: (u: string) => <Typography.Text code>{u}</Typography.Text> },
          {
            title: '范围',
            render: (_, c) => (c.regionLevel ? REGION_LEVEL_LABELS[c.regionLevel] : '全市'),
          },
          {
            title: '状态',
            render: (_, c) => (c.active ? <Tag color="green">启用</Tag> : <Tag>已停用</Tag>),
          },
          {
            title: '投递',
            render: (_, c) => `已送达 ${c.sent} · 待发送 ${c.pending} · 已放弃 ${c.failed}`,
          },
          { title: '登记', render: (_, c) => `${c.createdByName} ${fmtTime(c.createdAt)}` },
          {
            title: '操作',
            render: (_, c) => (
              <Space>
                <Button size="small" onClick={() => setLog(c)}>
                  投递记录
                </Button>
                <Button
                  size="small"
                  icon={<ApiOutlined />}
                  disabled={!c.active}
                  onClick={() => act(() => webhooksApi.ping(c.id), '测试推送已发送，结果见投递记录')}
                >
                  测试推送
                </Button>
                <Popconfirm
                  title="停用后不再向该订阅方推送，待发送的消息也将放弃。确定停用？"
                  disabled={!c.active}
                  onConfirm={() => act(() => webhooksApi.disable(c.id), '已停用')}
                >
                  <Button size="small" danger disabled={!c.active}>
                    停用
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={adding}
        title="登记订阅方"
        okText="登记"
        confirmLoading={saving}
        onOk={register}
        onCancel={() => setAdding(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ events: ['list.published'], regionLevel: 0 }}>
          <Form.Item name="name" label="订阅方名称" rules={[{ required: true, message: '请输入订阅方名称' }]}>
            <Input maxLength={100} placeholder="如：包头市政务数据开放平台" />
          </Form.Item>
          <Form.Item
            name="url"
            label="接收地址"
            extra="仅限 http 或 https；不允许内部网络地址（除非在 WEBHOOK_ALLOW_PRIVATE 中列出）"
            rules={[{ required: true, message: '请输入接收地址' }]}
          >
            <Input placeholder="https://example.gov.cn/hooks/qzqd" />
          </Form.Item>
          <Form.Item name="events" label="事件" rules={[{ required: true, message: '请至少选择一种事件' }]}>
            <Checkbox.Group options={WEBHOOK_EVENTS.map((e) => ({ value: e, label: WEBHOOK_EVENT_LABELS[e] }))} />
          </Form.Item>
          <Form.Item name="regionLevel" label="范围">
            <Select
              options={[
                { value: 0, label: '全市' },
                ...[1, 2, 3].map((l) => ({ value: l, label: REGION_LEVEL_LABELS[l] })),
              ]}
            />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={secret !== null}
        title="签名密钥（只显示这一次）"
        onOk={() => setSecret(null)}
        onCancel={() => setSecret(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
        okText="我已保存"
      >
        <Alert
          type="warning"
          showIcon
          message="请立即复制并交给订阅方保管。关闭后无法再次查看；如遗失，请停用后重新登记。"
        />
        <Typography.Paragraph copyable code style={{ marginTop: 16 }}>
          {secret}
        </Typography.Paragraph>
      </Modal>
      {log && <DeliveryLog consumer={log} onClose={() => setLog(null)} />}
    </Card>
  );
}
