// One opinion, complaint or report (§15 ¶1–2): what was said, by which channel, its clock, and
// the actions the server offers this actor — moderate, assign, answer (研究论证 and outcome),
// merge a duplicate, read the contact in full (handler only; audited), open an adjustment.
import { Alert, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  FEEDBACK_CHANNEL_LABELS,
  FEEDBACK_KIND_LABELS,
  FEEDBACK_OUTCOME_LABELS,
  FEEDBACK_STATUS_LABELS,
  ROUTED_LABELS,
} from '../../../contract/feedback.ts';
import { showError, toast } from '../../lib/feedback.ts';
import { fmtTime } from '../../lib/format.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { AnswerForm, AssignForm, MergeForm, ModerateForm, AdjustmentForm } from './FeedbackActions.tsx';
import { feedbackApi } from './feedbackApi.ts';
import { STATUS_COLORS } from './FeedbackPage.tsx';

export default function FeedbackDetailPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const res = useLoad(() => feedbackApi.get(id), [id]);
  const [contact, setContact] = useState<{ name: string | null; contact: string | null } | null>(null);
  const f = res.data;
  if (!f) return <Card loading={res.loading} />;
  const done = async (msg: string) => {
    toast.success(msg);
    await res.reload();
  };
  const showContact = async () => {
    try {
      setContact(await feedbackApi.contact(id));
    } catch (e) {
      showError(e);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card title={`${FEEDBACK_KIND_LABELS[f.kind]}（编号 ${f.id}）`} extra={<Link to="/feedback">返回列表</Link>}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label="状态">
            <Tag color={STATUS_COLORS[f.status]} data-testid="feedback-status">
              {FEEDBACK_STATUS_LABELS[f.status]}
            </Tag>
            {f.overdue && <Tag color="red">已逾期</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="来源">{FEEDBACK_CHANNEL_LABELS[f.channel]}</Descriptions.Item>
          <Descriptions.Item label="反映对象">
            {f.bodyName}
            {f.powerName && `：${f.powerName}（${f.powerCode}）`}
          </Descriptions.Item>
          <Descriptions.Item label="办理单位">
            {f.routedTo === 'office' ? f.officeName : f.bodyName}（{ROUTED_LABELS[f.routedTo]}）
          </Descriptions.Item>
          <Descriptions.Item label="收到时间">{fmtTime(f.receivedAt)}</Descriptions.Item>
          <Descriptions.Item label="答复期限">
            {f.dueOn} <Typography.Text type="secondary">{f.dueCitation}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="承办人">{f.handlerName ?? '未指定'}</Descriptions.Item>
          <Descriptions.Item label="反映人">
            {contact ? (
              <span data-testid="contact-full">
                {[contact.name, contact.contact].filter(Boolean).join('，') || '未留联系方式'}
              </span>
            ) : (
              <>
                {f.contactMasked ?? '未留联系方式'}{' '}
                {f.can.readContact && f.contactMasked && (
                  <Button size="small" onClick={showContact}>
                    查看完整联系方式
                  </Button>
                )}
              </>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="内容" span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{f.content}</Typography.Paragraph>
          </Descriptions.Item>
          {f.attachments.length > 0 && (
            <Descriptions.Item label="附件" span={2}>
              <Space wrap>
                {f.attachments.map((a) => (
                  <a key={a.id} href={feedbackApi.attachmentUrl(f.id, a.id)}>
                    {a.filename}
                  </a>
                ))}
              </Space>
            </Descriptions.Item>
          )}
          {f.decisionReason && (
            <Descriptions.Item label={f.status === 'merged' ? '合并理由' : '不予受理理由'} span={2}>
              {f.decisionReason}
            </Descriptions.Item>
          )}
          {f.mergedInto && (
            <Descriptions.Item label="合并到" span={2}>
              <Link to={`/feedback/${f.mergedInto.id}`}>编号 {f.mergedInto.id}</Link>
            </Descriptions.Item>
          )}
          {f.merged.length > 0 && (
            <Descriptions.Item label="合并办理的重复事项" span={2}>
              {f.merged.map((m) => (
                <Link key={m.id} to={`/feedback/${m.id}`} style={{ marginRight: 8 }}>
                  编号 {m.id}
                </Link>
              ))}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {f.answer && f.outcome && (
        <Card title="书面答复" size="small">
          <p>
            办理结果：<Tag color="green">{FEEDBACK_OUTCOME_LABELS[f.outcome]}</Tag>（{fmtTime(f.answeredAt)}）
          </p>
          <Typography.Title level={5}>研究论证情况</Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{f.reasoning}</Typography.Paragraph>
          <Typography.Title level={5}>答复内容</Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{f.answer}</Typography.Paragraph>
          {f.findingId && (
            <Alert
              type="warning"
              showIcon
              title={<Link to={`/supervision/findings/${f.findingId}`}>已转为督查发现，督促整改（第十六条）</Link>}
            />
          )}
          {f.adjustmentId && (
            <Alert type="info" showIcon title={<Link to={`/adjustments/${f.adjustmentId}`}>已据此发起调整申请</Link>} />
          )}
        </Card>
      )}
      {f.can.moderate && <ModerateForm id={f.id} onDone={done} />}
      {f.can.assign && <AssignForm f={f} onDone={done} />}
      {f.can.answer && <AnswerForm f={f} onDone={done} />}
      {f.can.merge && <MergeForm id={f.id} onDone={done} />}
      {f.can.openAdjustment && (
        <AdjustmentForm id={f.id} onDone={(adjustmentId) => navigate(`/adjustments/${adjustmentId}`)} />
      )}
    </Space>
  );
}
