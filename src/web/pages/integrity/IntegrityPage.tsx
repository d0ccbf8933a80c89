// 网站完整性 (§15 ¶3): the city office sees whether the public portal is open, the integrity
// monitor's latest runs and what they found, closes the portal with a reason, reopens it with a
// reason, and runs a check now. The server decides who may (canGuard) and checks again.
import { LockOutlined, SafetyCertificateOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import {
  CHECK_TRIGGER_LABELS,
  MISMATCH_LABELS,
  type integrityCheckSchema,
  type integrityStatusSchema,
} from '../../../contract/integrity.ts';
import { http } from '../../api.ts';
import { showError, toast } from '../../lib/feedback.ts';
import { fmtTime } from '../../lib/format.ts';
import { useLoad } from '../../lib/useLoad.ts';

type Status = z.input<typeof integrityStatusSchema>;
const GUIDE =
  '依据第十五条，发布网站遭非法入侵、篡改、内容异常等突发情况时，由协调小组办公室暂时关闭网站。完整性监测每小时比对一次：各机构现行清单由数据重新计算的 SM3 摘要、公开数据文件和清单页面，须与公布时的摘要一致；不一致即自动关闭网站，须由办公室核查后填写理由重新开放。';
type Check = z.input<typeof integrityCheckSchema>;

function ReasonModal({
  mode,
  onClose,
  onDone,
}: {
  mode: 'close' | 'reopen' | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);
  const closing = mode === 'close';
  async function submit() {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      await http.post(`/api/integrity/${mode}`, { reason: v.reason.trim() });
      toast.success(closing ? '网站已暂时关闭' : '网站已重新开放');
      form.resetFields();
      onDone();
    } catch (e) {
      showError(e);
    } finally {
      setSaving(false);
    }
  }
  return (
    <Modal
      title={closing ? '暂时关闭权责清单发布网站' : '重新开放权责清单发布网站'}
      open={!!mode}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      okText={closing ? '确认关闭' : '确认开放'}
      okButtonProps={{ danger: closing }}
      cancelText="取消"
      destroyOnHidden
    >
      <Alert
        type={closing ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        title={
          closing
            ? '关闭后，公众访问门户的所有页面和公开数据接口都将看到关闭公告和下面填写的原因；工作台不受影响。'
            : '请确认已核查并处置了异常情况。重新开放后，下一次完整性检查仍会比对全部公开内容。'
        }
      />
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={closing ? '关闭原因（将向公众公告）' : '重新开放的理由'}
          rules={[
            { required: true, whitespace: true, message: '请填写原因' },
            { min: 2, message: '至少2个字' },
            { max: 500, message: '不能超过500个字' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const checkColumns = [
  { title: '时间', dataIndex: 'at', render: (v: string) => fmtTime(v), width: 170 },
  { title: '方式', dataIndex: 'trigger', render: (v: Check['trigger']) => CHECK_TRIGGER_LABELS[v], width: 120 },
  {
    title: '结果',
    dataIndex: 'ok',
    width: 100,
    render: (ok: boolean) => (ok ? <Tag color="success">一致</Tag> : <Tag color="error">不一致</Tag>),
  },
  {
    title: '比对范围',
    render: (_: unknown, c: Check) =>
      c.served ? `${c.bodies} 个机构，${c.resources} 个页面和文件` : `${c.bodies} 个机构（网站关闭中，仅比对清单数据）`,
  },
  { title: '用时', dataIndex: 'durationMs', width: 100, render: (v: number) => `${(v / 1000).toFixed(1)} 秒` },
];

function Mismatches({ c }: { c: Check }) {
  return (
    <Table
      size="small"
      rowKey={(_, i) => String(i)}
      pagination={false}
      dataSource={c.mismatches}
      columns={[
        { title: '机构', dataIndex: 'bodyName' },
        { title: '版本', dataIndex: 'version', width: 70 },
        { title: '问题', dataIndex: 'kind', render: (k: keyof typeof MISMATCH_LABELS) => MISMATCH_LABELS[k] },
        { title: '地址', dataIndex: 'path', render: (p: string | null) => p ?? '—' },
        {
          title: '应为 / 实为',
          render: (_: unknown, m: Check['mismatches'][number]) => (
            <Typography.Text code style={{ fontSize: 12, wordBreak: 'break-all' }}>
              {m.expected ?? '—'} / {m.found ?? '—'}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}

export default function IntegrityPage() {
  const s = useLoad(() => http.get<Status>('/api/integrity'));
  const [mode, setMode] = useState<'close' | 'reopen' | null>(null);
  const [checking, setChecking] = useState(false);
  const d = s.data;
  async function checkNow() {
    setChecking(true);
    try {
      const c = await http.post<Check>('/api/integrity/checks');
      if (c.ok) toast.success('检查完毕：公开内容与权责清单一致');
      else toast.error(`发现 ${c.mismatches.length} 处不一致${c.served ? '，网站已关闭' : ''}`);
      await s.reload();
    } catch (e) {
      showError(e);
    } finally {
      setChecking(false);
    }
  }
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="权责清单发布网站"
        loading={!d}
        extra={
          d?.canGuard && (
            <Space>
              <Button icon={<SafetyCertificateOutlined />} loading={checking} onClick={checkNow}>
                立即检查
              </Button>
              {d.closed ? (
                <Button type="primary" icon={<UnlockOutlined />} onClick={() => setMode('reopen')}>
                  重新开放网站
                </Button>
              ) : (
                <Button danger icon={<LockOutlined />} onClick={() => setMode('close')}>
                  暂时关闭网站
                </Button>
              )}
            </Space>
          )
        }
      >
        {d?.closed && d.closure ? (
          <Alert
            type="error"
            showIcon
            title={`网站已于 ${fmtTime(d.closure.closedAt)} 暂时关闭（${d.closure.source === 'monitor' ? '完整性监测自动关闭' : `由${d.closure.closedBy ?? '协调小组办公室'}关闭`}）`}
            description={`原因：${d.closure.reason}`}
          />
        ) : (
          <Alert type="success" showIcon title="网站正常开放" />
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {GUIDE}
        </Typography.Paragraph>
      </Card>
      <Card title="完整性监测记录" loading={!d}>
        <Table
          size="small"
          rowKey="id"
          dataSource={d?.checks ?? []}
          columns={checkColumns}
          pagination={false}
          expandable={{ rowExpandable: (c) => c.mismatches.length > 0, expandedRowRender: (c) => <Mismatches c={c} /> }}
        />
      </Card>
      <Card title="关闭与重新开放记录" loading={!d}>
        <Table
          size="small"
          rowKey="id"
          dataSource={d?.closures ?? []}
          pagination={false}
          columns={[
            { title: '关闭时间', dataIndex: 'closedAt', render: (v: string) => fmtTime(v), width: 170 },
            {
              title: '关闭人',
              render: (_: unknown, c: Status['closures'][number]) =>
                c.source === 'monitor' ? '完整性监测' : (c.closedBy ?? '—'),
            },
            { title: '关闭原因', dataIndex: 'reason' },
            { title: '重新开放', dataIndex: 'reopenedAt', render: (v: string | null) => fmtTime(v), width: 170 },
            { title: '开放人', dataIndex: 'reopenedBy', render: (v: string | null) => v ?? '—' },
            { title: '开放理由', dataIndex: 'reopenReason', render: (v: string | null) => v ?? '—' },
          ]}
        />
      </Card>
      <ReasonModal
        mode={mode}
        onClose={() => setMode(null)}
        onDone={() => {
          setMode(null);
          void s.reload();
        }}
      />
    </Space>
  );
}
