// 起草调整申请: the applying body, the kind, the cause and its date. The filing deadline is shown
// as soon as the date is chosen — computed by the server's working-day calendar from the
// rulebook in force (§12: 15 working days from the cause, the day itself not counted).
import { DatePicker, Form, Input, Modal, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { toast } from '../../lib/feedback.ts';
import { applyServerErrors } from '../../lib/forms.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { useActor } from '../../session.tsx';
import { adjApi } from './adjApi.ts';
import { Citation, Provisional } from './DueText.tsx';
import type { Adjustment, AdjustmentKind, TriggerKind } from './model.ts';
import ReceivingBodySelect from './ReceivingBodySelect.tsx';
import { articleWords, loadRulebookIndex, stepsOf, useCite, useRulebook } from './rulebook.ts';

interface Values {
  bodyId?: number;
  title: string;
  kind: AdjustmentKind;
  triggerKind: TriggerKind;
  triggerDate: Dayjs;
  receivingBodyId?: number | null;
}

export default function NewAdjustmentModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (a: Adjustment) => void;
}) {
  const actor = useActor();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const index = useLoad(() => (open ? loadRulebookIndex() : Promise.resolve(undefined)), [open]);
  const rb = useRulebook(index.data?.current);
  const cite = useCite(rb);
  const kind = Form.useWatch('kind', form);
  const date = Form.useWatch('triggerDate', form);
  const [due, setDue] = useState<{ date: string; provisional: boolean } | null>(null);
  const clerkAt = [...new Map(actor.roles.filter((g) => g.role === 'clerk').map((g) => [g.bodyId, g])).values()];
  const bodies = clerkAt.map((g) => [g.bodyId, g.bodyName] as const);
  const chosenBody = Form.useWatch('bodyId', form) ?? clerkAt[0]?.bodyId;
  const applicant = clerkAt.find((g) => g.bodyId === chosenBody);
  const handsOver = kind === 'delegate' || kind === 'entrust';
  const submitClock = rb && kind ? stepsOf(rb, kind).find((s) => s.id === 'submit')?.clock : undefined;

  useEffect(() => {
    if (open) {
      form.resetFields();
      setDue(null);
    }
  }, [open, form]);

  useEffect(() => {
    setDue(null);
    if (!date || !submitClock || submitClock.unit !== 'workday') return;
    let live = true;
    adjApi
      .workdays(date.format('YYYY-MM-DD'), submitClock.amount)
      .then((r) => live && setDue(r))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [date, submitClock]);

  async function submit() {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    setSaving(true);
    try {
      const a = await adjApi.create({
        bodyId: v.bodyId ?? bodies[0]?.[0],
        title: v.title.trim(),
        kind: v.kind,
        triggerKind: v.triggerKind,
        triggerDate: v.triggerDate.format('YYYY-MM-DD'),
        ...(handsOver ? { receivingBodyId: v.receivingBodyId ?? null } : {}),
      });
      toast.success('调整申请已创建，请继续填写拟调整事项');
      onCreated(a);
    } catch (e) {
      applyServerErrors(form, e);
    } finally {
      setSaving(false);
    }
  }

  const kindDef = rb?.adjustmentKinds.find((k) => k.kind === kind);
  return (
    <Modal
      title="起草调整申请"
      open={open}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      okText="创建并填写"
      cancelText="取消"
      destroyOnHidden
      width={620}
    >
      {rb && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          适用规则：{rb.label}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" autoComplete="off">
        {bodies.length > 1 && (
          <Form.Item name="bodyId" label="申请单位" rules={[{ required: true, message: '请选择申请单位' }]}>
            <Select options={bodies.map(([value, label]) => ({ value, label }))} placeholder="请选择申请单位" />
          </Form.Item>
        )}
        <Form.Item
          name="title"
          label="申请事项名称"
          rules={[
            { required: true, whitespace: true, message: '请填写申请事项名称' },
            { min: 2, message: '至少2个字' },
            { max: 100, message: '不能超过100个字' },
          ]}
        >
          <Input placeholder="如：取消“××备案核查”" maxLength={100} showCount />
        </Form.Item>
        <Form.Item
          name="kind"
          label="调整类型"
          rules={[{ required: true, message: '请选择调整类型' }]}
          extra={kindDef && <Citation citation={cite(kindDef.article, kindDef.inherited2023)} />}
        >
          <Select
            placeholder="请选择调整类型"
            loading={!rb}
            options={(rb?.adjustmentKinds ?? []).map((k) => ({ value: k.kind, label: k.label }))}
          />
        </Form.Item>
        {handsOver && (
          <Form.Item
            name="receivingBodyId"
            label={kind === 'delegate' ? '承接部门（下级行政区域）' : '受委托机构'}
            rules={[{ required: kind === 'delegate', message: '请选择承接部门' }]}
            extra={
              kind === 'entrust'
                ? '委托名录外具有管理公共事务职能的组织时留空，在“下放与委托”中填写受委托组织（第十三条第3项）'
                : undefined
            }
          >
            <ReceivingBodySelect kind={kind} bodyId={applicant?.bodyId} regionPath={applicant?.regionPath} />
          </Form.Item>
        )}
        <Form.Item name="triggerKind" label="调整事由" rules={[{ required: true, message: '请选择调整事由' }]}>
          <Select
            placeholder="请选择调整事由"
            loading={!rb}
            showSearch={{ optionFilterProp: 'label' }}
            listHeight={320}
            optionRender={(o) => (
              <Space orientation="vertical" size={0}>
                <span>{o.label}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {String(o.data.articles ?? '')}
                </Typography.Text>
              </Space>
            )}
            options={(rb?.triggerKinds ?? []).map((t) => ({
              value: t.kind,
              label: t.label,
              articles: t.articles.map(articleWords).join('、'),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="triggerDate"
          label="事由发生之日"
          rules={[{ required: true, message: '请选择事由发生之日' }]}
          extra="如法律法规生效之日、职责调整确定之日；报送期限自次日起计算"
        >
          <DatePicker style={{ width: 220 }} placeholder="请选择日期" />
        </Form.Item>
        {submitClock && (
          <div className="filing-due" data-testid="filing-due">
            <Typography.Text strong>报送期限：</Typography.Text>
            {due ? (
              <Space size={6}>
                <span>{due.date} 前报送</span>
                {due.provisional && <Provisional />}
              </Space>
            ) : (
              <Typography.Text type="secondary">选择事由发生之日后自动计算</Typography.Text>
            )}
            <div>
              <Citation
                citation={`${cite(submitClock.article, submitClock.inherited2023)}（${submitClock.amount}${submitClock.unit === 'workday' ? '个工作日' : '日'}内）`}
                text={submitClock.articleText}
              />
            </div>
          </div>
        )}
      </Form>
    </Modal>
  );
}
