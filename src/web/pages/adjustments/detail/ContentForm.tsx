// Editing the application's own text while the draft step is open (PATCH). The cause and its
// date are fixed once filed or when the platform opened the application on a law change.
import { Alert, Button, Card, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { toast } from '../../../lib/feedback.ts';
import type { ApiError } from '../../../api.ts';
import { applyServerErrors } from '../../../lib/forms.ts';
import { isStaleSave, StaleNotice, takeUntouched } from '../../../lib/stale.tsx';
import { useLoad } from '../../../lib/useLoad.ts';
import { adjApi } from '../adjApi.ts';
import { batchApi, type Batch } from '../batches.ts';
import type { Adjustment, AdjustmentKind, TriggerKind } from '../model.ts';
import ReceivingBodySelect from '../ReceivingBodySelect.tsx';
import type { RulebookData } from '../rulebook.ts';

interface Values {
  title: string;
  kind: AdjustmentKind;
  triggerKind: TriggerKind;
  triggerDate: Dayjs;
  reason: string;
  legalBasis: string;
  takeover: string;
  specialNotes: string;
  receivingBodyId?: number | null;
  batchId?: number | null;
}

const valuesOf = (a: Adjustment): Values => ({
  title: a.title,
  kind: a.kind,
  // the server stores only a trigger of the contract's list
  triggerKind: a.triggerKind as TriggerKind,
  triggerDate: dayjs(a.triggerDate),
  reason: a.reason,
  legalBasis: a.legalBasis,
  takeover: a.takeover,
  specialNotes: a.specialNotes,
  receivingBodyId: a.receivingBodyId ?? undefined,
  batchId: a.batchId ?? undefined,
});

/** `onRefreshed`: the page takes the current application (and its version) while this form stays open with what was typed. */
export default function ContentForm({
  a,
  rb,
  onCancel,
  onSaved,
  onRefreshed,
}: {
  a: Adjustment;
  rb: RulebookData;
  onCancel: () => void;
  onSaved: (a: Adjustment) => void;
  onRefreshed: (a: Adjustment) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [stale, setStale] = useState<ApiError | null>(null);
  const kind = Form.useWatch('kind', form) ?? a.kind;
  const fixedCause = !!a.firstSubmittedAt || !!a.lawChangeId;
  const handsOver = kind === 'delegate' || kind === 'entrust';
  // 2025 rulebook: an application may join a 集中调整 batch of its level
  const batched = rb.batchKinds.some((b) => b.id === 'batch');
  const batches = useLoad(() => (batched ? batchApi.list() : Promise.resolve({ items: [] as Batch[] })), [batched]);

  async function save() {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    setSaving(true);
    try {
      const n = await adjApi.update(
        a.id,
        {
          title: v.title.trim(),
          kind: v.kind,
          reason: v.reason ?? '',
          legalBasis: v.legalBasis ?? '',
          takeover: v.takeover ?? '',
          specialNotes: v.specialNotes ?? '',
          receivingBodyId: handsOver ? (v.receivingBodyId ?? null) : null,
          ...(batched ? { batchId: v.batchId ?? null } : {}),
          ...(fixedCause ? {} : { triggerKind: v.triggerKind, triggerDate: v.triggerDate.format('YYYY-MM-DD') }),
        },
        a.version,
      );
      toast.success('申请内容已保存');
      onSaved(n);
    } catch (e) {
      if (isStaleSave(e)) setStale(e);
      else applyServerErrors(form, e);
    } finally {
      setSaving(false);
    }
  }

  const text = (name: keyof Values, label: string, placeholder: string, required = false) => (
    <Form.Item
      name={name}
      label={label}
      rules={[
        { max: 4000, message: `${label}不能超过4000个字` },
        ...(required ? [{ required: true, whitespace: true, message: `请填写${label}` }] : []),
      ]}
    >
      <Input.TextArea rows={3} maxLength={4000} showCount placeholder={placeholder} />
    </Form.Item>
  );

  return (
    <Card
      title="编辑申请内容"
      size="small"
      extra={
        <Space>
          <Button onClick={onCancel}>取消</Button>
          <Button type="primary" loading={saving} onClick={save}>
            保存
          </Button>
        </Space>
      }
    >
      <StaleNotice
        error={stale}
        mode="merge"
        onRefresh={async () => {
          const n = await adjApi.get(a.id);
          takeUntouched(form, valuesOf(n));
          onRefreshed(n);
          setStale(null);
        }}
      />
      <Form form={form} layout="vertical" autoComplete="off" initialValues={valuesOf(a)}>
        <Form.Item
          name="title"
          label="申请事项名称"
          rules={[
            { required: true, whitespace: true, message: '请填写申请事项名称' },
            { min: 2, message: '至少2个字' },
            { max: 100, message: '不能超过100个字' },
          ]}
        >
          <Input maxLength={100} showCount />
        </Form.Item>
        <Space wrap size={16} align="start">
          <Form.Item name="kind" label="调整类型" style={{ width: 200 }}>
            <Select options={rb.adjustmentKinds.map((k) => ({ value: k.kind, label: k.label }))} />
          </Form.Item>
          <Form.Item
            name="triggerKind"
            label="调整事由"
            style={{ width: 320 }}
            extra={fixedCause ? '已报送或由法律文件立改废生成，不能修改' : undefined}
          >
            <Select disabled={fixedCause} options={rb.triggerKinds.map((t) => ({ value: t.kind, label: t.label }))} />
          </Form.Item>
          <Form.Item
            name="triggerDate"
            label="事由发生之日"
            rules={[{ required: true, message: '请选择事由发生之日' }]}
          >
            <DatePicker disabled={fixedCause} />
          </Form.Item>
        </Space>
        {kind !== a.kind && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="更改调整类型将清空已填写的拟调整事项，保存后请重新填写。"
          />
        )}
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
            <ReceivingBodySelect kind={kind} bodyId={a.bodyId} regionPath={a.regionPath} />
          </Form.Item>
        )}
        {batched && (
          <Form.Item name="batchId" label="调整方式" extra="编入集中调整批次的，与同批次申请一并办理；不选为个别调整">
            <Select
              allowClear
              placeholder="个别调整"
              loading={batches.loading}
              options={(batches.data?.items ?? [])
                .filter((b) => b.region_code === a.regionCode)
                .map((b) => ({ value: b.id, label: `集中调整：${b.title}` }))}
            />
          </Form.Item>
        )}
        {text('reason', '调整理由', '说明拟调整的理由')}
        {text('legalBasis', '调整依据', '法律法规规章名称、文号及条款')}
        {(kind === 'delegate' || a.takeover) &&
          text('takeover', '下级承接情况', '承接部门的承接能力、人员、设备、监管措施等评估情况', kind === 'delegate')}
        {text('specialNotes', '需要特别说明的情况', '选填')}
      </Form>
    </Card>
  );
}
