// 意见处理: one consultation for the coordination office — the proposal in plain words as the
// portal shows it, the period and phase, every comment with its contact (never public), and
// moderation: hide / restore with a reason, the disposition of each visible comment.
import { ArrowLeftOutlined, LinkOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Result,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../../api.ts';
import { fmtTime } from '../../../lib/format.ts';
import { PageSpin } from '../../../lib/PageSpin.tsx';
import { useLoad } from '../../../lib/useLoad.ts';
import { useSession } from '../../../session.tsx';
import { Citation } from '../DueText.tsx';
import { consultationApi, DISPOSITIONS, PHASES, type StaffComment } from './consultationApi.ts';
import ModerationModal, { type Moderation } from './ModerationModal.tsx';

export default function ConsultationPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const c = useLoad(() => consultationApi.get(id), [id]);
  const comments = useLoad(() => consultationApi.comments(id), [id]);
  const [task, setTask] = useState<Moderation | null>(null);
  const { can } = useSession();

  if (c.error instanceof ApiError && c.error.status === 404)
    return (
      <Result
        status="404"
        title="征求意见不存在"
        subTitle="该征求意见不存在，或不在您的办理范围内。"
        extra={
          <Button type="primary" onClick={() => navigate('/consultations')}>
            返回列表
          </Button>
        }
      />
    );
  if (!c.data) return <PageSpin />;
  const d = c.data;
  const reload = () => {
    void c.reload();
    void comments.reload();
  };

  const columns: TableColumnsType<StaffComment> = [
    { title: '序号', dataIndex: 'seq', width: 64, align: 'center' },
    {
      title: '意见内容',
      dataIndex: 'content',
      render: (t: string, k) => (
        <div>
          <div style={{ whiteSpace: 'pre-wrap', color: k.hidden ? '#8c8c8c' : undefined }}>{t}</div>
          {k.hidden && (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              已隐藏：{k.hiddenReason}（{k.hiddenByName}，{fmtTime(k.hiddenAt)}）
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: '提交人 / 联系方式',
      key: 'who',
      width: 180,
      render: (_, k) => (
        <div>
          <div>{k.authorName || <Typography.Text type="secondary">匿名</Typography.Text>}</div>
          {k.contact && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} title="联系方式仅工作人员可见，不在门户网站公开">
              {k.contact}
            </Typography.Text>
          )}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {fmtTime(k.createdAt)}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: '处理结果',
      key: 'disp',
      width: 260,
      render: (_, k) =>
        k.hidden ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : k.disposition ? (
          <div>
            <Tag color={DISPOSITIONS[k.disposition].color}>{DISPOSITIONS[k.disposition].label}</Tag>
            <div style={{ fontSize: 12 }}>{k.dispositionReason}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {k.disposedByName}，{fmtTime(k.disposedAt)}
            </Typography.Text>
          </div>
        ) : (
          <Tag color="warning">待处理</Tag>
        ),
    },
    {
      title: '操作',
      key: 'op',
      width: 150,
      fixed: 'right',
      render: (_, k) =>
        d.canModerate && (
          <Space size={0} wrap>
            {!k.hidden && (
              <Button type="link" size="small" onClick={() => setTask({ kind: 'dispose', comment: k })}>
                {k.disposition ? '修改处理结果' : '处理'}
              </Button>
            )}
            {k.hidden ? (
              <Button type="link" size="small" onClick={() => setTask({ kind: 'restore', comment: k })}>
                恢复显示
              </Button>
            ) : (
              <Button type="link" size="small" danger onClick={() => setTask({ kind: 'hide', comment: k })}>
                隐藏
              </Button>
            )}
          </Space>
        ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        {can('review') ? (
          <Button
            type="link"
            icon={<ArrowLeftOutlined />}
            style={{ padding: 0 }}
            onClick={() => navigate('/consultations')}
          >
            返回征求意见列表
          </Button>
        ) : (
          <Button
            type="link"
            icon={<ArrowLeftOutlined />}
            style={{ padding: 0 }}
            onClick={() => navigate(`/adjustments/${d.adjustmentId}`)}
          >
            返回调整申请
          </Button>
        )}
        <Typography.Title level={1} style={{ fontSize: 20, margin: '8px 0' }}>
          {d.title}
        </Typography.Title>
        <Space wrap size={6} style={{ marginBottom: 12 }}>
          <Tag color={PHASES[d.phase].color}>{PHASES[d.phase].label}</Tag>
          <Typography.Text type="secondary">{d.bodyName}</Typography.Text>
          <Link to={`/adjustments/${d.adjustmentId}`}>查看调整申请</Link>
          <a href={d.portalUrl} target="_blank" rel="noreferrer">
            <LinkOutlined /> 门户网站页面
          </a>
        </Space>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'p', label: '征求意见期限', children: `${d.opensOn} 至 ${d.closesOn}` },
            { key: 'b', label: '依据', children: <Citation citation={d.basis.citation} text={d.basis.text} /> },
          ]}
        />
        <Space size={48} style={{ marginTop: 8 }}>
          <Statistic title="收到意见" value={d.counts.total} suffix="条" />
          <Statistic title="已隐藏" value={d.counts.hidden} suffix="条" />
          <Statistic
            title="待处理"
            value={d.counts.undisposed}
            suffix="条"
            styles={{ content: { color: d.counts.undisposed ? '#d48806' : undefined } }}
          />
        </Space>
      </Card>
      <Card title="拟调整内容（门户网站公布的表述）" size="small">
        {d.changes.map((ch, i) => (
          <div key={`${ch.code}:${i}`} style={{ marginBottom: 8 }}>
            <Typography.Text strong>{ch.headline}</Typography.Text>
            {ch.code && <Typography.Text type="secondary">（{ch.code}）</Typography.Text>}
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {ch.details.map((t) => (
                <li key={t}>{t}</li>
              ))}
            </ul>
          </div>
        ))}
      </Card>
      <Card title="公众意见" size="small">
        {!d.canModerate && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title="意见由申请单位所在层级的协调小组办公室审核处理，您可查阅。"
          />
        )}
        {d.canModerate && d.counts.undisposed > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={`尚有${d.counts.undisposed}条公开的意见未填写处理结果；处理结果将与调整结果一并在门户网站公开。`}
          />
        )}
        <Table<StaffComment>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={comments.data ?? []}
          loading={comments.loading}
          scroll={{ x: 900 }}
          rowClassName={(k) => (k.hidden ? 'comment-hidden' : '')}
          locale={{ emptyText: '暂未收到公众意见' }}
          pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
        />
      </Card>
      <ModerationModal
        consultationId={id}
        task={task}
        onClose={() => setTask(null)}
        onDone={() => {
          setTask(null);
          reload();
        }}
      />
    </Space>
  );
}
