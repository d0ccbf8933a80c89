// 撤销录入的安排: a year's overlay is removed with a reason, after a preview of the deadlines
// that move back; the shipped data (or, for a year never shipped, the provisional calculation)
// applies again (issue 9.2).
import { Alert, Button, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { toast } from '../../lib/feedback.ts';
import { applyServerErrors } from '../../lib/forms.ts';
import { calendarApi, type OverlayPlan, type YearRow } from './calendarApi.ts';
import OverlayPreview from './OverlayPreview.tsx';

export default function RemoveOverlayModal({
  row,
  onClose,
  onDone,
}: {
  row: YearRow | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const [plan, setPlan] = useState<OverlayPlan | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    form.resetFields();
    setPlan(null);
  }, [row, form]);

  async function send(confirm: boolean) {
    if (!row) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      const r = await calendarApi.removeOverlay(row.year, {
        reason: v.reason.trim(),
        confirm,
        previewDigest: confirm ? plan?.digest : undefined,
      });
      if (!confirm) {
        setPlan(r);
        return;
      }
      toast.success(`已撤销${row.year}年录入的安排，${row.shipped ? '恢复内置数据' : '该年度期限恢复为暂定'}`);
      onDone();
    } catch (e) {
      setPlan(null);
      applyServerErrors(form, e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      title={row ? `撤销${row.year}年录入的节假日安排` : ''}
      open={!!row}
      onCancel={onClose}
      destroyOnHidden
      width={720}
      footer={[
        <Button key="cancel" onClick={onClose}>
          取消
        </Button>,
        <Button key="preview" onClick={() => send(false)} loading={busy && !plan}>
          预览影响
        </Button>,
        <Button
          key="confirm"
          type="primary"
          danger
          disabled={!plan}
          onClick={() => send(true)}
          loading={busy && !!plan}
        >
          确认撤销
        </Button>,
      ]}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={
          row?.shipped
            ? '撤销后恢复内置数据（国务院办公厅通知）'
            : '撤销后该年度按法定节假日暂定推算，相关期限重新标注“暂定”'
        }
      />
      <Form form={form} layout="vertical" onValuesChange={() => setPlan(null)}>
        <Form.Item
          name="reason"
          label="理由"
          rules={[
            { required: true, whitespace: true, message: '请填写理由' },
            { min: 4, message: '理由至少4个字' },
            { max: 500, message: '理由不能超过500个字' },
          ]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
      {plan && <OverlayPreview plan={plan} />}
    </Modal>
  );
}
