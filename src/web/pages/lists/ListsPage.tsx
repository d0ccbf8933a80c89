// 权责清单: where each role starts. A body's clerk and lead unit see their body's list — the
// draft being compiled, or the published version; the coordination office, the legal office and
// the government see the drafts of their level to review; everyone can open any body's
// published list with its versions.
import { CloudUploadOutlined, EyeOutlined, FileAddOutlined, FormOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Empty,
  Input,
  Row,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api.ts';
import { showError, toast } from '../../lib/feedback.ts';
import { fmtTime } from '../../lib/format.ts';
import { bodyOptions, filterByLabel } from '../../lib/options.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { useActor, useSession } from '../../session.tsx';
import { ownBodies } from './access.ts';
import ImportWizard from './import/ImportWizard.tsx';
import { DRAFT_STATUS, DRAFT_STATUS_OPTIONS } from './labels.ts';
import { listApi, type DraftRow, type DraftStatus } from './listApi.ts';
import './lists.css';

const OPEN: DraftStatus[] = ['drafting', 'submitted', 'returned', 'reviewed'];

function OwnBodyCard({
  body,
  drafts,
  onChanged,
}: {
  body: ReturnType<typeof ownBodies>[number];
  drafts: DraftRow[];
  onChanged: () => void;
}) {
  const navigate = useNavigate();
  const versions = useLoad(() => listApi.versions(body.bodyId), [body.bodyId]);
  const [importing, setImporting] = useState(false);
  const [creating, setCreating] = useState(false);
  const [imported, setImported] = useState<number | null>(null);
  const draft = drafts.find((d) => d.bodyId === body.bodyId && OPEN.includes(d.status));
  const current = versions.data?.[0];

  async function create() {
    setCreating(true);
    try {
      const d = await listApi.createDraft(body.bodyId);
      toast.success('已新建清单草稿');
      navigate(`/lists/drafts/${d.id}`);
    } catch (e) {
      showError(e);
    } finally {
      setCreating(false);
    }
  }

  return (
    <Card
      title={body.bodyName}
      loading={versions.loading}
      data-testid="own-body"
      extra={
        <Space size={4}>
          {body.clerk && <Tag color="blue">部门经办人</Tag>}
          {body.lead && <Tag color="purple">部门牵头机构</Tag>}
        </Space>
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <div>
          <Typography.Text type="secondary">已公布清单：</Typography.Text>
          {current ? (
            <>
              第{current.version}版 · {current.powerCount}项 · {current.effectiveDate} 起施行
            </>
          ) : (
            <Typography.Text>尚未公布</Typography.Text>
          )}
        </div>
        <div>
          <Typography.Text type="secondary">清单草稿：</Typography.Text>
          {draft ? (
            <Space size={6}>
              <Tag color={DRAFT_STATUS[draft.status].color}>{DRAFT_STATUS[draft.status].label}</Tag>
              {draft.powerCount}项 · 最近修改 {fmtTime(draft.updatedAt)}
            </Space>
          ) : (
            <Typography.Text>无</Typography.Text>
          )}
        </div>
        <Space wrap>
          {draft && (
            <Button type="primary" icon={<FormOutlined />} onClick={() => navigate(`/lists/drafts/${draft.id}`)}>
              {body.clerk && (draft.status === 'drafting' || draft.status === 'returned')
                ? '编辑清单草稿'
                : '查看清单草稿'}
            </Button>
          )}
          {!draft && !current && body.clerk && (
            <>
              <Button type="primary" icon={<FileAddOutlined />} loading={creating} onClick={create}>
                新建清单草稿
              </Button>
              <Button icon={<CloudUploadOutlined />} onClick={() => setImporting(true)}>
                导入职权信息表
              </Button>
            </>
          )}
          {!draft && !current && !body.clerk && (
            <Typography.Text type="secondary">等待本部门经办人编制清单</Typography.Text>
          )}
          {current && (
            <Button icon={<EyeOutlined />} onClick={() => navigate(`/lists/bodies/${body.bodyId}`)}>
              查看已公布清单
            </Button>
          )}
        </Space>
      </Space>
      <ImportWizard
        open={importing}
        bodyId={body.bodyId}
        bodyName={body.bodyName}
        existing={0}
        hasDraft={false}
        onClose={() => {
          setImporting(false);
          if (imported) navigate(`/lists/drafts/${imported}`);
          else onChanged();
        }}
        onImported={(r) => setImported(r.draftId)}
      />
    </Card>
  );
}

function ReviewQueue({ drafts, loading, reload }: { drafts: DraftRow[]; loading: boolean; reload: () => void }) {
  const navigate = useNavigate();
  const [status, setStatus] = useState<DraftStatus[]>(['submitted', 'reviewed', 'returned']);
  const [q, setQ] = useState('');
  const rows = drafts.filter(
    (d) => (!status.length || status.includes(d.status)) && (!q.trim() || d.bodyName.includes(q.trim())),
  );
  const columns: TableColumnsType<DraftRow> = [
    { title: '职权行使机构', dataIndex: 'bodyName' },
    {
      title: '状态',
      dataIndex: 'status',
      width: 110,
      render: (s: DraftStatus) => <Tag color={DRAFT_STATUS[s].color}>{DRAFT_STATUS[s].label}</Tag>,
    },
    { title: '行政职权', dataIndex: 'powerCount', width: 100, align: 'right', render: (n: number) => `${n} 项` },
    { title: '报送时间', dataIndex: 'submittedAt', width: 170, render: fmtTime },
    { title: '最近更新', dataIndex: 'updatedAt', width: 170, render: fmtTime },
    { title: '公布', dataIndex: 'publishedVersion', width: 90, render: (v: number | null) => (v ? `第${v}版` : '—') },
    {
      title: '操作',
      key: 'op',
      width: 110,
      fixed: 'right',
      render: (_, d) => (
        <Button type="link" size="small" onClick={() => navigate(`/lists/drafts/${d.id}`)}>
          {d.status === 'submitted' || d.status === 'reviewed' ? '审查' : '查看'}
        </Button>
      ),
    },
  ];
  return (
    <>
      <div className="page-toolbar">
        <Space wrap>
          <Select
            mode="multiple"
            style={{ minWidth: 300 }}
            allowClear
            placeholder="全部状态"
            value={status}
            onChange={setStatus}
            options={DRAFT_STATUS_OPTIONS}
            aria-label="草稿状态"
          />
          <Input.Search
            style={{ width: 260 }}
            allowClear
            placeholder="输入机构名称"
            onSearch={setQ}
            enterButton="查询"
            maxLength={40}
          />
          <Button icon={<ReloadOutlined />} onClick={reload}>
            刷新
          </Button>
        </Space>
      </div>
      <Table<DraftRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={loading}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description="没有符合条件的清单草稿" /> }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (t) => `共 ${t} 份` }}
      />
    </>
  );
}

function PublishedFinder() {
  const navigate = useNavigate();
  const bodies = useLoad(() => api.bodies());
  const [bodyId, setBodyId] = useState<number>();
  const options = useMemo(() => bodyOptions((bodies.data ?? []).filter((b) => !b.office)), [bodies.data]);
  return (
    <Space wrap>
      <Select
        showSearch
        style={{ width: 420 }}
        placeholder="输入或选择职权行使机构"
        loading={bodies.loading}
        value={bodyId}
        options={options}
        filterOption={filterByLabel}
        onChange={setBodyId}
        aria-label="选择机构"
      />
      <Button
        type="primary"
        icon={<EyeOutlined />}
        disabled={!bodyId}
        onClick={() => navigate(`/lists/bodies/${bodyId}`)}
      >
        查看清单及版本
      </Button>
    </Space>
  );
}

export default function ListsPage() {
  const actor = useActor();
  const { can } = useSession();
  const mine = ownBodies(actor);
  const reviewer = can(['review', 'legalReview', 'approve']);
  const drafts = useLoad(() => listApi.drafts(), []);
  const all = drafts.data ?? [];

  const tabs = [
    ...(mine.length
      ? [
          {
            key: 'own',
            label: '本部门清单',
            children: (
              <Row gutter={[16, 16]}>
                {mine.map((b) => (
                  <Col key={b.bodyId} xs={24} lg={12}>
                    <OwnBodyCard body={b} drafts={all} onChanged={() => void drafts.reload()} />
                  </Col>
                ))}
              </Row>
            ),
          },
        ]
      : []),
    ...(reviewer
      ? [
          {
            key: 'review',
            label: '清单审查',
            children: <ReviewQueue drafts={all} loading={drafts.loading} reload={() => void drafts.reload()} />,
          },
        ]
      : []),
    { key: 'published', label: '已公布清单查询', children: <PublishedFinder /> },
  ];

  return (
    <Card
      title="权责清单"
      extra={
        <Typography.Text type="secondary">
          编制公布：部门编制 → 牵头机构报送 → 初步审核、合法性审查 → 公布
        </Typography.Text>
      }
    >
      <Tabs items={tabs} />
    </Card>
  );
}
