// Hide or restore a comment (with a reason; the portal shows only how many are hidden), or
// record its disposition: 采纳 / 部分采纳 / 不予采纳 with the reason published beside it (§15).
import { Form, Input, Modal, Radio, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { toast } from '../../../lib/feedback.ts';
import { applyServerErrors } from '../../../lib/forms.ts';
import { consultationApi, DISPOSITIONS, type Disposition, type StaffComment } from './consultationApi.ts';

export type Moderation = { kind: 'hide' | 'restore' | 'dispose'; comment: StaffComment };

export default function ModerationModal({
  consultationId,
  task,
  onClose,
  onDone,
}: {
  consultationId: number;
  task: Moderation | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ reason: string; disposition: Disposition }>();
  const [saving, setSaving] = useState(false);
  const kind = task?.kind;

  useEffect(() => {
    if (!task) return;
    form.resetFields();
    if (task.kind === 'dispose' && task.comment.disposition)
      form.setFieldsValue({ disposition: task.comment.disposition, reason: task.comment.dispositionReason ?? '' });
  }, [task, form]);

  async function submit() {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    if (!task) return;
    setSaving(true);
    try {
      const c = task.comment;
      if (kind === 'hide') await consultationApi.hide(consultationId, c.id, v.reason.trim());
      else if (kind === 'restore') await consultationApi.restore(consultationId, c.id, v.reason.trim());
      else await consultationApi.dispose(consultationId, c.id, v.disposition, v.reason.trim());
      toast.success(kind === 'hide' ? '意见已隐藏' : kind === 'restore' ? '意见已恢复显示' : '处理结果已保存');
      onDone();
    } catch (e) {
      applyServerErrors(form, e);
    } finally {
      setSaving(false);
    }
  }

  const title = kind === 'hide' ? '隐藏意见' : kind === 'restore' ? '恢复显示' : '意见处理结果';
  const max = kind === 'dispose' ? 1000 : 200;
  return (
    <Modal
      title={title}
      open={!!task}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      okText="保存"
      cancelText="取消"
      destroyOnHidden
      width={560}
      okButtonProps={{ danger: kind === 'hide' }}
    >
      {task && (
        <Typography.Paragraph className="comment-quote">
          第{task.comment.seq}条：{task.comment.content}
        </Typography.Paragraph>
      )}
      {kind === 'hide' && (
        <Typography.Paragraph type="secondary">
          隐藏后，门户网站不再显示该意见内容，只显示被隐藏意见的数量。
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" autoComplete="off">
        {kind === 'dispose' && (
          <Form.Item name="disposition" label="处理结果" rules={[{ required: true, message: '请选择处理结果' }]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={(Object.keys(DISPOSITIONS) as Disposition[]).map((d) => ({
                value: d,
                label: DISPOSITIONS[d].label,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={kind === 'dispose' ? '理由（将在门户网站公开）' : kind === 'hide' ? '隐藏理由' : '恢复理由'}
          rules={[
            { required: true, whitespace: true, message: '请填写理由' },
            { min: 2, message: '请填写理由（至少2个字）' },
            { max, message: `不能超过${max}个字` },
          ]}
        >
          <Input.TextArea
            rows={4}
            maxLength={max}
            showCount
            placeholder={kind === 'hide' ? '如：含有与调整事项无关的广告内容' : '说明采纳情况或不予采纳的原因'}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
