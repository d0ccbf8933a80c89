// The form behind each action button: a reason where the regulation wants one (退回修改, 不予批准,
// 撤回), the normative document's number for 批准, the period for 开始征求意见, an optional
// opinion for the rest. One request; the server decides and says why in Chinese.
import { Alert, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../api.ts';
import { toast } from '../../../lib/feedback.ts';
import { applyServerErrors } from '../../../lib/forms.ts';
import { adjApi } from '../adjApi.ts';
import { actionLabel } from '../labels.ts';
import type { Ability, Adjustment } from '../model.ts';
import { findStepDef, useCite, type RulebookData } from '../rulebook.ts';

interface Props {
  a: Adjustment;
  rb: RulebookData;
  ability: Ability | null;
  onClose: () => void;
  onDone: (a: Adjustment) => void;
  /** a refusal that no field of this dialog can fix: the dialog closes and the page shows it in place */
  onRefused?: (e: ApiError) => void;
}

interface Values {
  note?: string;
  reason?: string;
  normativeDocumentNumber?: string;
  opensOn?: Dayjs;
  closesOn?: Dayjs;
}

const REASON_ACTIONS = ['return', 'reject', 'withdraw', 'revoke'];

export default function ActionModal({ a, rb, ability, onClose, onDone, onRefused }: Props) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const action = ability?.action;
  const step = ability?.step ?? null;
  const def = step ? findStepDef(rb, a.kind, step) : undefined;
  const clock = step === 'consultation' ? findStepDef(rb, a.kind, 'consultation')?.clock : undefined;
  const today = dayjs(a.today);
  const cite = useCite(rb);

  useEffect(() => {
    if (!ability) return;
    form.resetFields();
    // §12: at least N days (the rulebook's clock), counted from the day after opening
    if (action === 'openConsultation' && clock)
      form.setFieldsValue({ opensOn: today, closesOn: today.add(clock.amount, 'day') });
  }, [ability]); // eslint-disable-line react-hooks/exhaustive-deps

  async function submit() {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    if (!ability) return;
    setSaving(true);
    try {
      let next: Adjustment;
      if (action === 'withdraw') next = await adjApi.withdraw(a.id, v.reason!.trim());
      else if (action === 'revoke') next = await adjApi.revoke(a.id, v.reason!.trim());
      else if (action === 'return') next = await adjApi.returnStep(a.id, step!, v.reason!.trim());
      else if (action === 'reject') next = await adjApi.reject(a.id, step!, v.reason!.trim());
      else if (action === 'start') next = await adjApi.start(a.id);
      else if (action === 'rebase') next = (await adjApi.rebase(a.id)).adjustment;
      else if (action === 'openConsultation')
        next = await adjApi.openConsultation(a.id, v.opensOn!.format('YYYY-MM-DD'), v.closesOn!.format('YYYY-MM-DD'));
      else
        next = await adjApi.complete(a.id, step!, {
          note: v.note?.trim() || undefined,
          normativeDocumentNumber: v.normativeDocumentNumber?.trim() || undefined,
        });
      toast.success(`${actionLabel(ability.action, step)}：已办理`);
      onDone(next);
    } catch (e) {
      // what the dialog cannot fix (an empty application, a missing reason) must not float over
      // the page's buttons that fix it: close the dialog and let the page show it in its flow
      const known = new Set(form.getFieldsError().map((f) => f.name.join('.')));
      if (e instanceof ApiError && onRefused && !e.details.some((d) => d.field && known.has(d.field))) {
        onClose();
        onRefused(e);
      } else applyServerErrors(form, e);
    } finally {
      setSaving(false);
    }
  }

  const title = ability ? `${actionLabel(ability.action, step)}${def ? `（${def.label}环节）` : ''}` : '';
  const danger = action === 'return' || action === 'reject' || action === 'withdraw' || action === 'revoke';
  return (
    <Modal
      title={title}
      open={!!ability}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      width={560}
      okText={ability ? actionLabel(ability.action, step) : '确定'}
      cancelText="取消"
      okButtonProps={{ danger }}
    >
      <Typography.Paragraph>
        调整申请：<Typography.Text strong>{a.title}</Typography.Text>
      </Typography.Paragraph>
      {def && (def.articleText || def.clock) && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={cite(def.clock?.article ?? def.article, def.clock?.inherited2023 ?? def.inherited2023)}
          description={def.articleText ?? def.clock?.articleText}
        />
      )}
      <Form form={form} layout="vertical" autoComplete="off">
        {REASON_ACTIONS.includes(action ?? '') && (
          <Form.Item
            name="reason"
            label={
              action === 'withdraw'
                ? '撤回理由'
                : action === 'revoke'
                  ? '撤销审定决定的理由'
                  : action === 'reject'
                    ? '不予批准的理由'
                    : '退回理由及修改意见'
            }
            rules={[
              { required: true, whitespace: true, message: '请填写理由' },
              { min: 2, message: '请填写理由（至少2个字）' },
              { max: 2000, message: '不能超过2000个字' },
            ]}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount placeholder="请写明理由，申请单位将据此修改" />
          </Form.Item>
        )}
        {action === 'openConsultation' && (
          <>
            <Form.Item name="opensOn" label="开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
              <DatePicker style={{ width: 220 }} disabledDate={(d) => d.isBefore(today, 'day')} />
            </Form.Item>
            <Form.Item
              name="closesOn"
              label="截止日期"
              rules={[{ required: true, message: '请选择截止日期' }]}
              extra={
                clock &&
                `征求意见期限不少于${clock.amount}${clock.unit === 'workday' ? '个工作日' : '日'}（${cite(clock.article, clock.inherited2023)}），开始当日不计入`
              }
            >
              <DatePicker style={{ width: 220 }} disabledDate={(d) => d.isBefore(today, 'day')} />
            </Form.Item>
          </>
        )}
        {action === 'complete' && step === 'approval' && (
          <Form.Item
            name="normativeDocumentNumber"
            label="规范性文件文号"
            rules={[
              { required: true, whitespace: true, message: '请填写政府审定制发的规范性文件文号' },
              { max: 100, message: '不能超过100个字' },
            ]}
          >
            <Input placeholder="如：包府发〔2026〕12号" maxLength={100} />
          </Form.Item>
        )}
        {action === 'complete' && step !== 'draft' && (
          <Form.Item
            name="note"
            label={step === 'platformSync' || step === 'filing' ? '办理情况说明' : '审核意见'}
            rules={[{ max: 2000, message: '不能超过2000个字' }]}
          >
            <Input.TextArea rows={3} maxLength={2000} placeholder="选填" />
          </Form.Item>
        )}
        {action === 'complete' && step === 'draft' && (
          <Typography.Paragraph>
            提交后，申请将送本部门牵头机构审核报送，起草内容不能再修改（退回后可修改）。
          </Typography.Paragraph>
        )}
        {action === 'rebase' && (
          <Typography.Paragraph>
            将以本部门最新公布的权责清单为基础重新核对本申请拟调整的行政职权。
          </Typography.Paragraph>
        )}
        {action === 'start' && <Typography.Paragraph>开始起草本应调整事项的调整申请。</Typography.Paragraph>}
      </Form>
    </Modal>
  );
}
