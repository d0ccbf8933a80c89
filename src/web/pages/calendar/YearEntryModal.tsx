// 录入或更正年度节假日安排: a year's State Council notice (国务院办公厅关于××年部分节假日安排的通知) —
// the holidays and the weekend days worked instead (调休上班) — laid over the shipped data with a
// reason. Nothing is saved in one step: 预览影响 shows which running deadlines would move, and only
// then 确认生效 carries out exactly what was previewed (issue 9.2).
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { toast } from '../../lib/feedback.ts';
import { applyServerErrors } from '../../lib/forms.ts';
import { calendarApi, type OverlayPlan, type YearRow } from './calendarApi.ts';
import OverlayPreview from './OverlayPreview.tsx';

interface Values {
  year: number;
  source: string;
  reason: string;
  holidays: Dayjs[];
  makeupWorkdays: Dayjs[];
}

const iso = (ds: Dayjs[] | undefined) => [...new Set((ds ?? []).map((d) => d.format('YYYY-MM-DD')))].sort();

export default function YearEntryModal({
  open,
  initial,
  suggestedYear,
  onClose,
  onSaved,
}: {
  open: boolean;
  initial?: YearRow;
  suggestedYear: number;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [plan, setPlan] = useState<OverlayPlan | null>(null);
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const year = Form.useWatch('year', form) ?? suggestedYear;
  const holidays = Form.useWatch('holidays', form) ?? [];
  const makeup = Form.useWatch('makeupWorkdays', form) ?? [];

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setRange(null);
    setPlan(null);
    if (!initial) {
      form.setFieldsValue({
        year: suggestedYear,
        source: `国务院办公厅关于${suggestedYear}年部分节假日安排的通知`,
        reason: '',
        holidays: [],
        makeupWorkdays: [],
      });
      return;
    }
    form.setFieldsValue({
      year: initial.year,
      source: initial.shipped && !initial.entered ? '' : initial.source,
      reason: '',
    });
    // start from the arrangement in force (shipped or entered), day by day as the server has it
    void calendarApi.days(`${initial.year}-01-01`, `${initial.year}-12-31`).then((r) =>
      form.setFieldsValue({
        holidays: r.days.filter((d) => d.kind === 'holiday').map((d) => dayjs(d.date)),
        makeupWorkdays: r.days.filter((d) => d.kind === 'makeupWorkday').map((d) => dayjs(d.date)),
      }),
    );
  }, [open, initial, suggestedYear, form]);

  function addRange() {
    if (!range) return;
    const days: Dayjs[] = [];
    for (let d = range[0]; !d.isAfter(range[1], 'day'); d = d.add(1, 'day')) days.push(d);
    form.setFieldValue('holidays', [...(form.getFieldValue('holidays') ?? []), ...days]);
    setPlan(null);
    setRange(null);
  }

  async function send(confirm: boolean) {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    setBusy(true);
    try {
      const body = {
        source: v.source.trim(),
        reason: v.reason.trim(),
        holidays: iso(v.holidays),
        makeupWorkdays: iso(v.makeupWorkdays),
      };
      const r = await calendarApi.setOverlay(v.year, {
        ...body,
        confirm,
        previewDigest: confirm ? plan?.digest : undefined,
      });
      if (!confirm) {
        setPlan(r);
        return;
      }
      toast.success(`${v.year}年节假日安排已生效${r.moved.length ? `，${r.moved.length}个期限已按新安排计算` : ''}`);
      onSaved();
    } catch (e) {
      setPlan(null);
      applyServerErrors(form, e);
    } finally {
      setBusy(false);
    }
  }

  const correcting = initial?.shipped || initial?.entered;
  const inYear = (d: Dayjs) => d.year() !== year;
  return (
    <Modal
      title={correcting ? `更正${initial!.year}年节假日安排` : '录入年度节假日安排'}
      open={open}
      onCancel={onClose}
      destroyOnHidden
      width={760}
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
          danger={!!initial?.shipped}
          disabled={!plan}
          onClick={() => send(true)}
          loading={busy && !!plan}
        >
          确认生效
        </Button>,
      ]}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="按国务院办公厅当年部分节假日安排的通知逐日录入"
        description={
          initial?.shipped
            ? '内置数据不会被改写：更正以附加安排的形式生效，可随时撤销并恢复内置数据。请先预览受影响的期限，核对后再确认。'
            : '放假日期含周末在内的全部放假日；调休上班日期为需要上班的周六、周日。请先预览受影响的期限，核对后再确认。'
        }
      />
      <Form form={form} layout="vertical" autoComplete="off" onValuesChange={() => setPlan(null)}>
        <Space size={16} align="start" wrap>
          <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2000} max={2100} precision={0} disabled={!!initial} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item
            name="source"
            label="依据（通知文号或标题）"
            style={{ minWidth: 480 }}
            rules={[
              { required: true, whitespace: true, message: '请填写依据（国务院办公厅通知文号或标题）' },
              { max: 200, message: '不能超过200个字' },
            ]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Space>
        <Form.Item
          name="reason"
          label="理由"
          rules={[
            { required: true, whitespace: true, message: '请填写理由' },
            { min: 4, message: '理由至少4个字' },
            { max: 500, message: '理由不能超过500个字' },
          ]}
        >
          <Input.TextArea
            rows={2}
            maxLength={500}
            placeholder={
              initial?.shipped
                ? '例如：内置数据与国务院办公厅通知不一致之处及核对情况'
                : '例如：国务院办公厅已发布该年度节假日安排通知'
            }
          />
        </Form.Item>
        <Form.Item label="添加连续放假日期">
          <Space>
            <DatePicker.RangePicker
              value={range}
              onChange={(v) => setRange(v && v[0] && v[1] ? [v[0], v[1]] : null)}
              disabledDate={inYear}
            />
            <Button onClick={addRange} disabled={!range}>
              加入放假日期
            </Button>
          </Space>
        </Form.Item>
        <Form.Item
          name="holidays"
          label="放假日期"
          rules={[{ required: true, type: 'array', min: 1, message: '请至少录入一个放假日期' }]}
        >
          <DatePicker
            multiple
            maxTagCount="responsive"
            style={{ width: '100%' }}
            disabledDate={inYear}
            placeholder="逐日选择放假日期"
          />
        </Form.Item>
        <Form.Item name="makeupWorkdays" label="调休上班日期（周六、周日）">
          <DatePicker
            multiple
            maxTagCount="responsive"
            style={{ width: '100%' }}
            disabledDate={(d) => inYear(d) || (d.day() !== 0 && d.day() !== 6)}
            placeholder="选择需要上班的周末"
          />
        </Form.Item>
        <Typography.Text type="secondary">
          已选放假日期 {holidays.length} 天，调休上班 {makeup.length} 天
        </Typography.Text>
      </Form>
      {plan && (
        <div style={{ marginTop: 16 }}>
          <OverlayPreview plan={plan} />
        </div>
      )}
    </Modal>
  );
}
