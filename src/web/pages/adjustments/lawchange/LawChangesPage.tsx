// 法律文件立改废 (§10.1, §11.1): the coordination office records that a law, regulation or rule was
// issued, revised or repealed; the platform finds every published power citing it and opens a
// due adjustment for each affected body, with its filing deadline counted from that date.
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Radio,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { http } from '../../../api.ts';
import { toast } from '../../../lib/feedback.ts';
import { fmtTime } from '../../../lib/format.ts';
import { applyServerErrors } from '../../../lib/forms.ts';
import { useLoad } from '../../../lib/useLoad.ts';
import { Citation, Provisional } from '../DueText.tsx';
import { loadRulebookIndex, stepsOf, useCite, useRulebook } from '../rulebook.ts';

type ChangeKind = 'issued' | 'revised' | 'repealed';
const KINDS: Record<ChangeKind, { label: string; color: string }> = {
  issued: { label: '颁布', color: 'green' },
  revised: { label: '修订', color: 'blue' },
  repealed: { label: '废止', color: 'red' },
};

interface LawChangeRow {
  id: number;
  change_kind: ChangeKind;
  change_date: string;
  note: string;
  recorded_at: string;
  document: string;
  region: string;
  recorded_by: string;
  adjustments: number;
}
interface Recorded {
  changeKind?: ChangeKind;
  id: number;
  document: string;
  filingDue: string;
  filingDueProvisional: boolean;
  affectedPowers: number;
  opened: { adjustmentId: number; bodyName: string; powers: number }[];
}
interface Doc {
  id: number;
  name: string;
  level: string;
  document_number?: string | null;
  documentNumber?: string | null;
}

function RecordModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (r: Recorded) => void }) {
  const [form] = Form.useForm<{ legalDocumentId: number; changeKind: ChangeKind; changeDate: Dayjs; note?: string }>();
  const [q, setQ] = useState('');
  const [saving, setSaving] = useState(false);
  const docs = useLoad(
    () =>
      open
        ? http.get<{ items: Doc[] }>('/api/legal-documents', { q: q || undefined, limit: 50 })
        : Promise.resolve({ items: [] }),
    [open, q],
  );
  useEffect(() => {
    if (open) {
      form.resetFields();
      setQ('');
    }
  }, [open, form]);

  async function submit() {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    setSaving(true);
    try {
      const r = await http.post<Recorded>('/api/law-changes', {
        legalDocumentId: v.legalDocumentId,
        changeKind: v.changeKind,
        changeDate: v.changeDate.format('YYYY-MM-DD'),
        note: v.note?.trim() || undefined,
      });
      toast.success(`已登记，生成应调整事项${r.opened.length}件`);
      onDone({ ...r, changeKind: v.changeKind });
    } catch (e) {
      applyServerErrors(form, e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title="登记法律文件立改废"
      open={open}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      okText="登记并生成应调整事项"
      cancelText="取消"
      destroyOnHidden
      width={620}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="登记后，平台将查找以该文件为法定依据的已公布行政职权，为涉及的职权行使机构生成应调整事项，报送期限自生效（废止）之日起计算。"
      />
      <Form form={form} layout="vertical" autoComplete="off" initialValues={{ changeKind: 'revised' }}>
        <Form.Item name="legalDocumentId" label="法律文件" rules={[{ required: true, message: '请选择法律文件' }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            loading={docs.loading}
            placeholder="输入文件名称或文号查找"
            options={(docs.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.name}（${d.level}）` }))}
            notFoundContent={docs.loading ? '正在查找…' : '没有找到，可在法律文件库中先录入'}
          />
        </Form.Item>
        <Form.Item name="changeKind" label="变化情况" rules={[{ required: true, message: '请选择变化情况' }]}>
          <Radio.Group
            optionType="button"
            options={(Object.keys(KINDS) as ChangeKind[]).map((k) => ({ value: k, label: KINDS[k].label }))}
          />
        </Form.Item>
        <Form.Item name="changeDate" label="生效（废止）日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="note" label="说明" rules={[{ max: 2000, message: '不能超过2000个字' }]}>
          <Input.TextArea rows={3} maxLength={2000} placeholder="选填，如修订涉及的条款" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The filing deadline's article: the response names none, so it is read from the rulebook in force. */
function FilingRule({ r }: { r: Recorded }) {
  const index = useLoad(() => loadRulebookIndex());
  const rb = useRulebook(index.data?.current);
  const cite = useCite(rb);
  // the server opens a cancellation for a repealed basis, a modification otherwise (law-change.command.ts)
  const clock =
    rb && stepsOf(rb, r.changeKind === 'repealed' ? 'cancel' : 'modify').find((s) => s.id === 'submit')?.clock;
  return clock ? (
    <Citation
      citation={`${cite(clock.article, clock.inherited2023)}（自生效（废止）之日起${clock.amount}${clock.unit === 'workday' ? '个工作日' : '日'}内）`}
      text={clock.articleText}
    />
  ) : null;
}

export default function LawChangesPage() {
  const list = useLoad(() => http.get<{ items: LawChangeRow[] }>('/api/law-changes'));
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<Recorded | null>(null);
  return (
    <Card
      title="法律文件立改废"
      extra={
        <>
          <Button icon={<ReloadOutlined />} onClick={() => void list.reload()} style={{ marginInlineEnd: 8 }}>
            刷新
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            登记立改废
          </Button>
        </>
      }
    >
      {result && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setResult(null)}
          style={{ marginBottom: 16 }}
          title={`${result.document}：涉及已公布的行政职权${result.affectedPowers}项，已为${result.opened.length}个单位生成应调整事项`}
          description={
            result.opened.length ? (
              <>
                <div>
                  报送期限：{result.filingDue} 前 {result.filingDueProvisional && <Provisional />}{' '}
                  <FilingRule r={result} />
                </div>
                <List
                  size="small"
                  dataSource={result.opened}
                  renderItem={(o) => (
                    <List.Item>
                      <Link to={`/adjustments/${o.adjustmentId}`}>{o.bodyName}</Link>（{o.powers}项职权）
                    </List.Item>
                  )}
                />
              </>
            ) : (
              '没有以该文件为法定依据的已公布行政职权。'
            )
          }
        />
      )}
      <Table<LawChangeRow>
        rowKey="id"
        size="middle"
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        pagination={{ defaultPageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description="暂无登记" /> }}
        columns={[
          { title: '法律文件', dataIndex: 'document' },
          {
            title: '变化',
            dataIndex: 'change_kind',
            width: 80,
            render: (k: ChangeKind) => <Tag color={KINDS[k]?.color}>{KINDS[k]?.label ?? k}</Tag>,
          },
          { title: '生效（废止）日期', dataIndex: 'change_date', width: 140 },
          { title: '生成应调整事项', dataIndex: 'adjustments', width: 130, render: (n: number) => `${n}件` },
          { title: '区划', dataIndex: 'region', width: 100 },
          {
            title: '登记',
            key: 'by',
            width: 220,
            render: (_, r) => (
              <Typography.Text type="secondary">
                {r.recorded_by} {fmtTime(r.recorded_at)}
              </Typography.Text>
            ),
          },
        ]}
      />
      <RecordModal
        open={open}
        onClose={() => setOpen(false)}
        onDone={(r) => {
          setOpen(false);
          setResult(r);
          void list.reload();
        }}
      />
    </Card>
  );
}
