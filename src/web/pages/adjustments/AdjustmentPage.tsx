// One application: its content, the field-level difference it proposes, attachments, where it
// stands in the procedure with each step's deadline, its history, and the actions the signed-in
// actor may take now. The clerk edits it here while drafting; every reviewer works here.
import { ArrowLeftOutlined, EditOutlined, LinkOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Result, Row, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api.ts';
import { fmtTime } from '../../lib/format.ts';
import { PageSpin } from '../../lib/PageSpin.tsx';
import { useLoad } from '../../lib/useLoad.ts';
import { useActor } from '../../session.tsx';
import { adjApi } from './adjApi.ts';
import ActionBar from './detail/ActionBar.tsx';
import AttachmentsCard from './detail/AttachmentsCard.tsx';
import ContentCard from './detail/ContentCard.tsx';
import DiffView from './detail/DiffView.tsx';
import DutiesAndScreening from './detail/DutiesAndScreening.tsx';
import DuplicatesCard from './detail/DuplicatesCard.tsx';
import DelegationCard from '../delegation/DelegationCard.tsx';
import PlatformSyncCard from '../regional-platform/PlatformSyncCard.tsx';
import HistoryTimeline from './detail/HistoryTimeline.tsx';
import ItemsEditor from './detail/ItemsEditor.tsx';
import ProcedureSteps from './detail/ProcedureSteps.tsx';
import { KIND_COLORS, statusColor } from './labels.ts';
import type { Adjustment } from './model.ts';
import { stepLabel, useRulebook } from './rulebook.ts';

function ConsultationCard({ a }: { a: Adjustment }) {
  const actor = useActor();
  const c = a.consultation!;
  const phase =
    c.status === 'cancelled'
      ? '已终止'
      : c.status === 'closed' || a.today > c.closesOn
        ? '已结束'
        : a.today < c.opensOn
          ? '未开始'
          : '征求意见中';
  const coordinator = actor.roles.some((g) => g.role === 'coordinator');
  // §12: the applying body reads the comments on its own proposal (the office handles them)
  const applicant = actor.roles.some((g) => (g.role === 'clerk' || g.role === 'leadUnit') && g.bodyId === a.bodyId);
  return (
    <Card
      title="公开征求意见"
      size="small"
      extra={
        <Space>
          {coordinator ? (
            <Link to={`/consultations/${c.id}`}>意见处理</Link>
          ) : (
            applicant && <Link to={`/consultations/${c.id}`}>查看公众意见</Link>
          )}
          <a href={`/consultations/${c.id}`} target="_blank" rel="noreferrer">
            <LinkOutlined /> 门户网站页面
          </a>
        </Space>
      }
    >
      <Descriptions
        size="small"
        column={2}
        items={[
          { key: 'p', label: '期限', children: `${c.opensOn} 至 ${c.closesOn}` },
          {
            key: 's',
            label: '状态',
            children: <Tag color={phase === '征求意见中' ? 'processing' : 'default'}>{phase}</Tag>,
          },
        ]}
      />
    </Card>
  );
}

export default function AdjustmentPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const res = useLoad(() => adjApi.get(id), [id]);
  const a = res.data;
  const rb = useRulebook(a?.rulebookId);
  const [editingItems, setEditingItems] = useState(false);
  const categories = useMemo(() => new Map((rb?.categories ?? []).map((c) => [c.code, c.label])), [rb]);

  if (res.error instanceof ApiError && res.error.status === 404)
    return (
      <Result
        status="404"
        title="调整申请不存在"
        subTitle="该调整申请不存在，或不在您的办理范围内。"
        extra={
          <Button type="primary" onClick={() => navigate('/adjustments')}>
            返回申请列表
          </Button>
        }
      />
    );
  if (!a || !rb) return <PageSpin />;

  const editable = a.can.some((c) => c.action === 'edit');
  const canRebase = a.can.some((c) => c.action === 'rebase');
  const update = (n: Adjustment) => res.setData(n);
  // a return starts a new round at the draft: show why, until it is submitted again
  const lastReturn = a.history.filter((h) => h.action === 'return').at(-1);
  const returned = lastReturn && lastReturn.round === a.round - 1 && a.openSteps.includes('draft') ? lastReturn : null;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <Button type="link" icon={<ArrowLeftOutlined />} style={{ padding: 0 }} onClick={() => navigate(-1)}>
            返回
          </Button>
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
            {a.title}
          </Typography.Title>
          <Space size={6} wrap>
            <Tag color={KIND_COLORS[a.kind]}>{a.kindLabel}</Tag>
            <Tag color={statusColor(a.status, a.statusLabel)} data-testid="status">
              {a.statusLabel}
            </Tag>
            {a.openSteps.map((s) => (
              <Tag key={s} color="processing">
                当前环节：{stepLabel(rb, s)}
              </Tag>
            ))}
            {a.late && <Tag color="volcano">迟报</Tag>}
            {a.filing.missing && <Tag color="red">漏报</Tag>}
            <Typography.Text type="secondary">
              {a.bodyName} · 申请编号 {a.id}
            </Typography.Text>
          </Space>
          <ActionBar a={a} rb={rb} onChanged={update} />
        </Space>
      </Card>

      {returned && (
        <Alert
          type="warning"
          showIcon
          data-testid="returned"
          title={`已被退回修改（${returned.step ? stepLabel(rb, returned.step) : ''}环节，${returned.actorName ?? ''}，${fmtTime(returned.at)}）`}
          description={`理由：${returned.reason}`}
        />
      )}
      {a.closedReason && (
        <Alert
          type={a.status === 'rejected' ? 'error' : 'warning'}
          showIcon
          title={a.status === 'rejected' ? '未予批准' : '已撤回'}
          description={`理由：${a.closedReason}`}
        />
      )}
      {a.stale.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title="拟调整的行政职权已由其他调整公布了新内容"
          description={`涉及：${a.stale.join('、')}。请申请单位“按最新公布版本更新”本申请后再继续办理。`}
          action={canRebase && <Typography.Text type="secondary">可使用上方“按最新公布版本更新”</Typography.Text>}
        />
      )}
      {a.conflicts.length > 0 && (
        <Alert
          type="info"
          showIcon
          title="其他调整申请涉及相同的行政职权"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {a.conflicts.map((c) => (
                <li key={c.id}>
                  <Link to={`/adjustments/${c.id}`}>{c.title}</Link>（{c.codes.join('、')}；
                  {c.openSteps.map((s) => stepLabel(rb, s)).join('、') || '—'}）
                </li>
              ))}
            </ul>
          }
        />
      )}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <ContentCard a={a} rb={rb} onSaved={update} />
            <Card
              title="拟调整事项（原值 → 拟调整为）"
              size="small"
              extra={
                editable && (
                  <Button
                    size="small"
                    type="primary"
                    ghost
                    icon={<EditOutlined />}
                    onClick={() => setEditingItems(true)}
                  >
                    填写拟调整事项
                  </Button>
                )
              }
            >
              <DiffView a={a} categories={categories} />
              <DuplicatesCard a={a} onChanged={update} />
            </Card>
            <DutiesAndScreening a={a} onChanged={update} />
            <AttachmentsCard a={a} onChanged={() => void res.reload()} />
            <DelegationCard id={a.id} kind={a.kind} attachments={a.attachments} />
            <PlatformSyncCard a={a} onChanged={() => void res.reload()} />
            {a.consultation && <ConsultationCard a={a} />}
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <ProcedureSteps a={a} rb={rb} />
            <HistoryTimeline a={a} rb={rb} />
          </Space>
        </Col>
      </Row>
      <ItemsEditor
        a={a}
        rb={rb}
        open={editingItems}
        onClose={() => setEditingItems(false)}
        onSaved={(n) => {
          setEditingItems(false);
          update(n);
        }}
        onRefreshed={update}
      />
    </Space>
  );
}
