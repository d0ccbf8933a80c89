// One finding: what was found, its rectification orders with the body's report and evidence,
// and its 通报批评. The buttons are the ones the server says this user may press (`can`).
import { Button, Card, Descriptions, Empty, List, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  FINDING_KIND_LABELS,
  FINDING_SOURCE_LABELS,
  FINDING_STATUS_LABELS,
  ORDER_STATUS_LABELS,
  REPRIMAND_STATUS_LABELS,
  type OrderView,
} from '../../../contract/supervision.ts';
import { PageSpin } from '../../lib/PageSpin.tsx';
import { showError, toast } from '../../lib/feedback.ts';
import { fmtTime } from '../../lib/format.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { FINDING_STATUS_COLORS, ORDER_STATUS_COLORS, REPRIMAND_STATUS_COLORS } from './labels.ts';
import { supervisionApi } from './supervisionApi.ts';
import TextModal, { type Field } from './TextModal.tsx';

type Dialog = 'order' | 'dismiss' | 'report' | 'accept' | 'reject' | 'reprimand' | null;

function OrderCard({ o, canUpload, onUploaded }: { o: OrderView; canUpload: boolean; onUploaded: () => void }) {
  return (
    <Card size="small" style={{ marginBottom: 12 }} title={`督促整改通知（${fmtTime(o.issuedAt)}，${o.issuedByName}）`}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label="整改要求">{o.requirement}</Descriptions.Item>
        <Descriptions.Item label="整改期限">
          {o.dueOn}
          {o.dueProvisional ? '（暂定：所涉年度节假日安排尚未公布）' : ''}（{o.dueCitation}）
        </Descriptions.Item>
        <Descriptions.Item label="状态">
          <Tag color={ORDER_STATUS_COLORS[o.status]}>{ORDER_STATUS_LABELS[o.status]}</Tag>
        </Descriptions.Item>
        {o.reportText && (
          <Descriptions.Item label="整改情况">
            {o.reportText}（{o.reportedByName}，{fmtTime(o.reportedAt)}）
          </Descriptions.Item>
        )}
        <Descriptions.Item label="佐证材料">
          <Space direction="vertical">
            {o.evidence.length === 0 && '—'}
            {o.evidence.map((e) => (
              <a key={e.id} href={supervisionApi.evidenceUrl(o.id, e.id)}>
                {e.filename}
              </a>
            ))}
            {canUpload && (
              <Upload
                showUploadList={false}
                customRequest={async ({ file }) => {
                  try {
                    await supervisionApi.upload(o.id, file as File);
                    toast.success('已上传佐证材料');
                    onUploaded();
                  } catch (e) {
                    showError(e);
                  }
                }}
              >
                <Button size="small">上传佐证材料</Button>
              </Upload>
            )}
          </Space>
        </Descriptions.Item>
        {o.decidedAt && (
          <Descriptions.Item label="验收意见">
            {o.decisionNote || '—'}（{o.decidedByName}，{fmtTime(o.decidedAt)}）
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

export default function FindingPage() {
  const id = Number(useParams().id);
  const f = useLoad(() => supervisionApi.finding(id), [id]);
  const [dialog, setDialog] = useState<Dialog>(null);
  if (!f.data) return f.loading ? <PageSpin /> : <Empty description="督查发现不存在或您无权查看" />;
  const d = f.data;
  const last = d.orders.at(-1);
  const r = d.reprimand;
  const done = (text: string) => {
    toast.success(text);
    void f.reload();
  };
  const act = async (call: () => Promise<unknown>, text: string) => {
    try {
      await call();
      done(text);
    } catch (e) {
      showError(e);
    }
  };
  const dialogs: Record<
    Exclude<Dialog, null>,
    {
      title: string;
      ok: string;
      fields: Field[];
      submit: (v: Record<string, string>) => Promise<unknown>;
      danger?: boolean;
      text: string;
    }
  > = {
    order: {
      title: '下达督促整改通知',
      ok: '确认下达',
      fields: [{ name: 'requirement', label: '整改要求', required: true, rows: 4, max: 2000 }],
      submit: (v) => supervisionApi.issueOrder(id, v.requirement!),
      text: '已下达督促整改通知',
    },
    dismiss: {
      title: '核销督查发现',
      ok: '确认核销',
      danger: true,
      fields: [{ name: 'reason', label: '核销理由', required: true, rows: 3, max: 1000 }],
      submit: (v) => supervisionApi.dismiss(id, v.reason!),
      text: '已核销',
    },
    report: {
      title: '报送整改情况',
      ok: '确认报送',
      fields: [{ name: 'text', label: '整改情况', required: true, rows: 6, max: 5000 }],
      submit: (v) => supervisionApi.report(last!.id, v.text!),
      text: '已报送整改情况',
    },
    accept: {
      title: '整改验收通过',
      ok: '验收通过',
      fields: [{ name: 'note', label: '验收意见', rows: 3, max: 1000 }],
      submit: (v) => supervisionApi.decide(last!.id, 'accept', v.note ?? ''),
      text: '整改验收通过',
    },
    reject: {
      title: '整改验收不通过（转通报批评）',
      ok: '不通过',
      danger: true,
      fields: [{ name: 'note', label: '不通过理由', required: true, rows: 3, max: 1000 }],
      submit: (v) => supervisionApi.decide(last!.id, 'reject', v.note!),
      text: '已认定整改不合格',
    },
    reprimand: {
      title: '起草通报批评',
      ok: '提交审核',
      fields: [
        {
          name: 'title',
          label: '通报标题',
          required: true,
          max: 200,
          initial: `关于对${d.bodyName}不按要求整改的通报批评`,
        },
        { name: 'text', label: '通报正文', required: true, rows: 8, max: 5000 },
      ],
      submit: (v) => supervisionApi.draftReprimand(id, { title: v.title!, text: v.text! }),
      text: '已起草通报批评，待协调小组办公室其他人员审核',
    },
  };
  const current = dialog ? dialogs[dialog] : null;
  return (
    <Card title={`督查发现 #${d.id}`} extra={<Link to="/supervision">返回监督管理</Link>}>
      <Descriptions column={2} bordered size="small">
        <Descriptions.Item label="被督查机构">{`${d.bodyName}（${d.regionName}）`}</Descriptions.Item>
        <Descriptions.Item label="状态">
          <Tag color={FINDING_STATUS_COLORS[d.status]}>{FINDING_STATUS_LABELS[d.status]}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="问题类型">{FINDING_KIND_LABELS[d.kind].label}</Descriptions.Item>
        <Descriptions.Item label="依据">{FINDING_KIND_LABELS[d.kind].article}</Descriptions.Item>
        <Descriptions.Item label="来源">{FINDING_SOURCE_LABELS[d.source]}</Descriptions.Item>
        <Descriptions.Item label="开立">{`${fmtTime(d.openedAt)}${d.openedByName ? `，${d.openedByName}` : ''}`}</Descriptions.Item>
        {d.adjustmentId && (
          <Descriptions.Item label="调整申请">
            <Link to={`/adjustments/${d.adjustmentId}`}>查看调整申请</Link>
          </Descriptions.Item>
        )}
        {d.powerCode && <Descriptions.Item label="权力编码">{d.powerCode}</Descriptions.Item>}
        <Descriptions.Item label="问题描述" span={2}>
          {d.description}
        </Descriptions.Item>
        {d.closeReason && (
          <Descriptions.Item label="办结说明" span={2}>
            {d.closeReason}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Space wrap style={{ margin: '16px 0' }}>
        {d.can.issueOrder && (
          <Button type="primary" onClick={() => setDialog('order')}>
            下达督促整改通知
          </Button>
        )}
        {d.can.dismiss && <Button onClick={() => setDialog('dismiss')}>核销</Button>}
        {d.can.report && (
          <Button type="primary" onClick={() => setDialog('report')}>
            报送整改情况
          </Button>
        )}
        {d.can.decide && (
          <Button type="primary" onClick={() => setDialog('accept')}>
            验收通过
          </Button>
        )}
        {d.can.decide && (
          <Button danger onClick={() => setDialog('reject')}>
            验收不通过
          </Button>
        )}
        {d.can.draftReprimand && (
          <Button danger onClick={() => setDialog('reprimand')}>
            起草通报批评
          </Button>
        )}
        {d.can.approveReprimand && r && (
          <Button type="primary" onClick={() => act(() => supervisionApi.approveReprimand(r.id), '已审核通过通报批评')}>
            审核通过通报批评
          </Button>
        )}
        {d.can.publishReprimand && r && (
          <Button type="primary" onClick={() => act(() => supervisionApi.publishReprimand(r.id), '已在门户网站公布')}>
            在门户网站公布
          </Button>
        )}
      </Space>
      <Typography.Title level={5}>督促整改</Typography.Title>
      {d.orders.length === 0 ? (
        <Typography.Paragraph type="secondary">尚未下达整改通知。</Typography.Paragraph>
      ) : (
        d.orders.map((o) => (
          <OrderCard
            key={o.id}
            o={o}
            canUpload={d.can.report && o.id === last?.id}
            onUploaded={() => void f.reload()}
          />
        ))
      )}
      {r && (
        <>
          <Typography.Title level={5}>通报批评</Typography.Title>
          <List bordered>
            <List.Item>
              <List.Item.Meta
                title={
                  <Space>
                    {r.title}
                    <Tag color={REPRIMAND_STATUS_COLORS[r.status]}>{REPRIMAND_STATUS_LABELS[r.status]}</Tag>
                  </Space>
                }
                description={`起草：${r.draftedByName}（${fmtTime(r.draftedAt)}）${r.approvedByName ? `；审核：${r.approvedByName}（${fmtTime(r.approvedAt)}）` : ''}${r.publishedAt ? `；公布：${fmtTime(r.publishedAt)}` : ''}`}
              />
            </List.Item>
            <List.Item style={{ whiteSpace: 'pre-wrap' }}>{r.text}</List.Item>
          </List>
        </>
      )}
      {current && (
        <TextModal
          open
          title={current.title}
          okText={current.ok}
          danger={current.danger}
          fields={current.fields}
          onClose={() => setDialog(null)}
          onSubmit={async (v) => {
            await current.submit(v);
            done(current.text);
          }}
        />
      )}
    </Card>
  );
}
