// §13(五): a delegated power that the receiving body's list already has (same name and category)
// is resolved in the application — merged into the existing one, replacing its content, or kept
// beside it with a reason — by the clerk while drafting or by the receiving body while it
// confirms. The server decides who may; the buttons show only where the actions allow it.
import { Alert, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../api.ts';
import { adjApi } from '../adjApi.ts';
import type { Adjustment, DuplicateChoice } from '../model.ts';

function KeepBoth({ onReason }: { onReason: (reason: string) => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const save = async () => {
    const v = await form.validateFields();
    await onReason(v.reason.trim());
    setOpen(false);
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        两项并存
      </Button>
      <Modal
        open={open}
        title="两项并存（须说明理由）"
        okText="保存"
        cancelText="取消"
        onOk={save}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label="两项并存的理由"
            rules={[
              { required: true, whitespace: true, message: '请说明两项并存的理由' },
              { min: 2, message: '理由至少2个字' },
            ]}
          >
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export default function DuplicatesCard({ a, onChanged }: { a: Adjustment; onChanged: (a: Adjustment) => void }) {
  const [error, setError] = useState<string | null>(null);
  const dups = a.duplicates ?? [];
  if (!dups.length) return null;
  const may = a.can.some((c) => c.action === 'edit' || (c.action === 'complete' && c.step === 'receivingConfirm'));
  const resolve = async (ord: number, choice: DuplicateChoice, reason?: string) => {
    try {
      setError(null);
      onChanged(await adjApi.resolveDuplicate(a.id, ord, choice, reason));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '保存失败');
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="duplicates">
      {error && <Alert type="error" showIcon title={error} />}
      {dups.map((d) => (
        <Alert
          key={d.ord}
          type={d.resolution ? 'info' : 'warning'}
          showIcon
          title={`“${d.name}”与承接部门清单中的“${d.existingName}”（${d.existingCode}）名称、类别相同（第十三条第五项）`}
          description={
            d.resolution
              ? `已处理：${d.resolution.choiceLabel}${d.resolution.reason ? `（理由：${d.resolution.reason}）` : ''}（${d.resolution.byName}）`
              : '请选择并入现有事项、以下放事项替换现有事项内容，或两项并存并说明理由；处理前不能提交或确认承接。'
          }
          action={
            may ? (
              <Space size={4} wrap>
                <Button size="small" onClick={() => void resolve(d.ord, 'merge')}>
                  并入现有事项
                </Button>
                <Button size="small" onClick={() => void resolve(d.ord, 'replace')}>
                  替换现有事项内容
                </Button>
                <KeepBoth onReason={(r) => resolve(d.ord, 'keepBoth', r)} />
              </Space>
            ) : undefined
          }
        />
      ))}
    </Space>
  );
}
