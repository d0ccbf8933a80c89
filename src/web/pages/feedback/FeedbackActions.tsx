// The action cards of the feedback detail page; each sends one command and reloads the page.
import { Button, Card, Form, Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { FINDING_KIND_LABELS, OFFICE_FINDING_KINDS } from '../../../contract/supervision.ts';
import { FEEDBACK_OUTCOME_LABELS, type FeedbackDetail, type FeedbackOutcome } from '../../../contract/feedback.ts';
import { showError } from '../../lib/feedback.ts';
import { feedbackApi } from './feedbackApi.ts';

function useSend() {
  const [busy, setBusy] = useState(false);
  const send = async (fn: () => Promise<unknown>, after: () => unknown) => {
    setBusy(true);
    try {
      await fn();
      await after();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, send };
}

type Done = (msg: string) => unknown;

export function ModerateForm({ id, onDone }: { id: number; onDone: Done }) {
  const [reason, setReason] = useState('');
  const { busy, send } = useSend();
  return (
    <Card title="审核（网站收到的事项）" size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input.TextArea
          rows={2}
          placeholder="不予受理时须填写理由（将在查询页面向反映人显示）"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <Space>
          <Button
            type="primary"
            loading={busy}
            onClick={() =>
              send(
                () => feedbackApi.moderate(id, 'accept'),
                () => onDone('已受理'),
              )
            }
          >
            受理
          </Button>
          <Button
            danger
            loading={busy}
            onClick={() =>
              send(
                () => feedbackApi.moderate(id, 'reject', reason),
                () => onDone('已不予受理'),
              )
            }
          >
            不予受理
          </Button>
        </Space>
      </Space>
    </Card>
  );
}

export function AssignForm({ f, onDone }: { f: FeedbackDetail; onDone: Done }) {
  const [handler, setHandler] = useState<number | undefined>(f.handlerId ?? undefined);
  const { busy, send } = useSend();
  return (
    <Card title={f.handlerId ? '更换承办人' : '指定承办人'} size="small">
      <Space wrap>
        <Select
          aria-label="承办人"
          style={{ width: 240 }}
          placeholder="选择承办人"
          value={handler}
          onChange={setHandler}
          options={f.handlers.map((h) => ({ value: h.id, label: h.name }))}
        />
        <Button
          type="primary"
          loading={busy}
          disabled={!handler}
          onClick={() =>
            send(
              () => feedbackApi.assign(f.id, handler!),
              () => onDone('已指定承办人'),
            )
          }
        >
          确定
        </Button>
      </Space>
    </Card>
  );
}

interface AnswerValues {
  outcome: FeedbackOutcome;
  findingKind?: string;
  reasoning: string;
  answer: string;
}

export function AnswerForm({ f, onDone }: { f: FeedbackDetail; onDone: Done }) {
  const [form] = Form.useForm<AnswerValues>();
  const outcome = Form.useWatch('outcome', form);
  const { busy, send } = useSend();
  const found = f.kind !== 'suggestion' && (outcome === 'substantiated' || outcome === 'partlySubstantiated');
  return (
    <Card title="书面答复（第十五条：研究论证，吸收采纳合理内容）" size="small">
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          send(
            () => feedbackApi.answer(f.id, v),
            () => onDone('已答复'),
          )
        }
      >
        <Form.Item name="outcome" label="办理结果" rules={[{ required: true, message: '请选择办理结果' }]}>
          <Select
            aria-label="办理结果"
            options={f.outcomes.map((o) => ({ value: o, label: FEEDBACK_OUTCOME_LABELS[o] }))}
          />
        </Form.Item>
        {found && (
          <Form.Item
            name="findingKind"
            label="查实的问题类型（转督查发现，督促整改）"
            rules={[{ required: true, message: '请选择问题类型' }]}
          >
            <Select
              aria-label="问题类型"
              options={OFFICE_FINDING_KINDS.map((k) => ({ value: k, label: FINDING_KIND_LABELS[k].label }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="reasoning"
          label="研究论证情况"
          rules={[{ required: true, min: 10, message: '请填写研究论证情况（至少10个字）' }]}
        >
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        <Form.Item
          name="answer"
          label="答复内容（反映人凭查询码可见）"
          rules={[{ required: true, min: 10, message: '请填写答复内容（至少10个字）' }]}
        >
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          提交答复
        </Button>
      </Form>
    </Card>
  );
}

export function MergeForm({ id, onDone }: { id: number; onDone: Done }) {
  const [into, setInto] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const { busy, send } = useSend();
  return (
    <Card title="合并重复事项（本件并入另一件办理）" size="small">
      <Space wrap>
        <InputNumber
          aria-label="并入的事项编号"
          placeholder="并入的事项编号"
          min={1}
          value={into}
          onChange={(v) => setInto(v)}
          style={{ width: 180 }}
        />
        <Input
          aria-label="合并理由"
          placeholder="合并理由"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          style={{ width: 280 }}
        />
        <Button
          loading={busy}
          disabled={!into}
          onClick={() =>
            send(
              () => feedbackApi.merge(id, into!, reason),
              () => onDone('已合并'),
            )
          }
        >
          合并
        </Button>
      </Space>
    </Card>
  );
}

export function AdjustmentForm({ id, onDone }: { id: number; onDone: (adjustmentId: number) => unknown }) {
  const [kind, setKind] = useState<'modify' | 'cancel'>('modify');
  const { busy, send } = useSend();
  return (
    <Card title="采纳意见：发起权责清单调整申请" size="small">
      <Space wrap>
        <Select
          aria-label="调整类型"
          style={{ width: 160 }}
          value={kind}
          onChange={setKind}
          options={[
            { value: 'modify', label: '修改要素' },
            { value: 'cancel', label: '取消' },
          ]}
        />
        <Button
          type="primary"
          loading={busy}
          onClick={() =>
            send(
              async () => {
                const r = await feedbackApi.openAdjustment(id, kind);
                onDone(r.adjustmentId);
              },
              () => undefined,
            )
          }
        >
          发起调整申请
        </Button>
      </Space>
    </Card>
  );
}
