// The draft's decisions: a review (pass, or return with reasons), the coordination office's §8
// override with its note, and publication as version 1.
import { Alert, Form, Input, Modal, Radio, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { toast } from '../../../lib/feedback.ts';
import { applyServerErrors } from '../../../lib/forms.ts';
import { CLAUSE_LABEL } from '../labels.ts';
import { listApi, type Draft, type DraftPower } from '../listApi.ts';

const STEP = {
  preliminary: { path: 'preliminary-review', title: '初步审核', who: '协调小组办公室', article: '第十二条' },
  legality: { path: 'legality-review', title: '合法性审查', who: '法制机构', article: '第五条、第十二条' },
} as const;

export function ReviewModal({
  open,
  draft,
  step,
  canPass,
  onClose,
  onDone,
}: {
  open: boolean;
  draft: Draft;
  step: 'preliminary' | 'legality';
  canPass: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ decision: 'pass' | 'return'; reason?: string }>();
  const [saving, setSaving] = useState(false);
  const decision = Form.useWatch('decision', form);
  const s = STEP[step];
  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ decision: canPass ? 'pass' : 'return' });
    }
  }, [open, canPass, form]);

  async function ok() {
    const v = await form.validateFields();
    setSaving(true);
    try {
      await listApi.review(draft.id, s.path, v.decision, v.reason?.trim());
      toast.success(v.decision === 'pass' ? `${s.title}已通过` : '已退回部门修改');
      onDone();
    } catch (e) {
      applyServerErrors(form, e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title={`${s.title} · ${draft.bodyName}`}
      open={open}
      onCancel={onClose}
      onOk={ok}
      confirmLoading={saving}
      okText={decision === 'return' ? '确认退回' : '确认通过'}
      okButtonProps={{ danger: decision === 'return' }}
      cancelText="取消"
      destroyOnHidden
      width={600}
    >
      <Typography.Paragraph type="secondary">
        {s.who}对清单草稿进行{s.title}（{s.article}）。退回须写明理由，部门修改后重新报送。
      </Typography.Paragraph>
      {draft.unresolvedFlags > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`清单中有 ${draft.unresolvedFlags} 项疑似第八条不列入清单的事项尚未处理`}
        />
      )}
      <Form form={form} layout="vertical">
        <Form.Item name="decision" label="审查结论" rules={[{ required: true, message: '请选择审查结论' }]}>
          <Radio.Group
            options={[
              { value: 'pass', label: '通过', disabled: !canPass },
              { value: 'return', label: '退回修改' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={decision === 'return' ? '退回理由' : '审查意见（选填）'}
          rules={
            decision === 'return'
              ? [
                  { required: true, whitespace: true, message: '请填写退回理由' },
                  { min: 2, message: '退回理由至少2个字' },
                  { max: 2000, message: '不能超过2000个字' },
                ]
              : [{ max: 2000, message: '不能超过2000个字' }]
          }
        >
          <Input.TextArea
            rows={5}
            maxLength={2000}
            showCount
            placeholder={decision === 'return' ? '写明需要修改的事项及理由，如：第3项“……”法定依据条款有误' : ''}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function OverrideModal({
  draft,
  power,
  onClose,
  onDone,
}: {
  draft: Draft;
  power: DraftPower | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ note: string }>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (power) form.resetFields();
  }, [power, form]);

  async function ok() {
    if (!power) return;
    const v = await form.validateFields();
    setSaving(true);
    try {
      await listApi.override(draft.id, power.id, v.note.trim());
      toast.success('已记录复核说明，该事项保留在清单中');
      onDone();
    } catch (e) {
      applyServerErrors(form, e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title="排除筛查复核 · 保留该事项"
      open={!!power}
      onCancel={onClose}
      onOk={ok}
      confirmLoading={saving}
      okText="保留并记录说明"
      cancelText="取消"
      destroyOnHidden
      width={620}
    >
      {power && (
        <>
          <Typography.Paragraph>
            <Typography.Text strong>{power.name}</Typography.Text>（<span className="power-code">{power.code}</span>）
          </Typography.Paragraph>
          {power.exclusionFlags.map((f, i) => (
            <Alert
              key={i}
              type="warning"
              showIcon
              style={{ marginBottom: 8 }}
              title={CLAUSE_LABEL[f.clause] ?? f.clause}
              description={`${f.reason}（命中“${f.matched}”）`}
            />
          ))}
          <Form form={form} layout="vertical" style={{ marginTop: 12 }}>
            <Form.Item
              name="note"
              label="复核说明"
              rules={[
                { required: true, whitespace: true, message: '请填写复核说明' },
                { min: 4, message: '复核说明至少4个字' },
                { max: 2000, message: '不能超过2000个字' },
              ]}
              extra="说明该事项为何不属于第八条规定不列入清单的情形，例如：系对外部行政相对人实施的行政处罚"
            >
              <Input.TextArea rows={4} maxLength={2000} showCount />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}

export function PublishModal({
  open,
  draft,
  onClose,
  onDone,
}: {
  open: boolean;
  draft: Draft;
  onClose: () => void;
  onDone: (version: number) => void;
}) {
  const [form] = Form.useForm<{ note?: string }>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  async function ok() {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const r = await listApi.publish(draft.id, v.note?.trim());
      toast.success(`已公布 ${draft.bodyName} 权责清单第 ${r.version} 版（${r.powerCount} 项）`);
      onDone(r.version);
    } catch (e) {
      applyServerErrors(form, e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title={`公布权责清单 · ${draft.bodyName}`}
      open={open}
      onCancel={onClose}
      onOk={ok}
      confirmLoading={saving}
      okText="确认公布"
      cancelText="取消"
      destroyOnHidden
      width={600}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={`清单共 ${draft.powers.length} 项行政职权、${draft.duties.length} 项职责，初步审核和合法性审查均已通过。`}
        description="公布后形成第1版，在门户网站公开，不可更改；此后的变更须通过动态调整程序办理。"
      />
      {draft.unresolvedFlags > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={`还有 ${draft.unresolvedFlags} 项疑似第八条排除事项未复核，不能公布`}
        />
      )}
      <Form form={form} layout="vertical">
        <Form.Item name="note" label="公布说明（选填）" rules={[{ max: 2000, message: '不能超过2000个字' }]}>
          <Input.TextArea rows={3} maxLength={2000} placeholder="如：经市政府同意，首次公布" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
