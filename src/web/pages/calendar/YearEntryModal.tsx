// 录入年度节假日安排: a year's State Council notice (国务院办公厅关于××年部分节假日安排的通知) —
// the holidays and the weekend days worked instead (调休上班). Deadlines in that year that were
// provisional become exact once it is saved.
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { toast } from '../../lib/feedback.ts';
import { applyServerErrors } from '../../lib/forms.ts';
import { calendarApi, type YearRow } from './calendarApi.ts';

interface Values { year: number; source: string; holidays: Dayjs[]; makeupWorkdays: Dayjs[] }

const iso = (ds: Dayjs[] | undefined) => [...new Set((ds ?? []).map((d) => d.format('YYYY-MM-DD')))].sort();

export default function YearEntryModal({ open, initial, suggestedYear, onClose, onSaved }: {
  open: boolean; initial?: YearRow; suggestedYear: number; onClose: () => void; onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const year = Form.useWatch('year', form) ?? suggestedYear;
  const holidays = Form.useWatch('holidays', form) ?? [];
  const makeup = Form.useWatch('makeupWorkdays', form) ?? [];

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setRange(null);
    form.setFieldsValue(initial
      ? { year: initial.year, source: initial.source, holidays: (initial.holidays ?? []).map((d) => dayjs(d)), makeupWorkdays: (initial.makeupWorkdays ?? []).map((d) => dayjs(d)) }
      : { year: suggestedYear, source: `国务院办公厅关于${suggestedYear}年部分节假日安排的通知`, holidays: [], makeupWorkdays: [] });
  }, [open, initial, suggestedYear, form]);

  function addRange() {
    if (!range) return;
    const days: Dayjs[] = [];
    for (let d = range[0]; !d.isAfter(range[1], 'day'); d = d.add(1, 'day')) days.push(d);
    form.setFieldValue('holidays', [...(form.getFieldValue('holidays') ?? []), ...days]);
    setRange(null);
  }

  async function submit() {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    setSaving(true);
    try {
      const r = await calendarApi.saveYear(v.year, { source: v.source.trim(), holidays: iso(v.holidays), makeupWorkdays: iso(v.makeupWorkdays) });
      toast.success(`${v.year}年节假日安排已保存${r.refreshedDeadlines ? `，${r.refreshedDeadlines}项暂定期限已更正` : ''}`);
      onSaved();
    } catch (e) {
      applyServerErrors(form, e);
    } finally {
      setSaving(false);
    }
  }

  const inYear = (d: Dayjs) => d.year() !== year;
  return (
    <Modal title={initial ? `修改${initial.year}年节假日安排` : '录入年度节假日安排'} open={open} onOk={submit} onCancel={onClose} confirmLoading={saving}
      okText="保存" cancelText="取消" destroyOnHidden width={680}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title="按国务院办公厅当年部分节假日安排的通知逐日录入"
        description="放假日期含周末在内的全部放假日；调休上班日期为需要上班的周六、周日。保存后，落在该年度的暂定期限将按新安排重新计算。" />
      <Form form={form} layout="vertical" autoComplete="off">
        <Space size={16} align="start" wrap>
          <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2000} max={2100} precision={0} disabled={!!initial} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="source" label="依据（通知文号或标题）" style={{ minWidth: 420 }} rules={[{ required: true, whitespace: true, message: '请填写依据（国务院办公厅通知文号或标题）' }, { max: 200, message: '不能超过200个字' }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Space>
        <Form.Item label="添加连续放假日期">
          <Space>
            <DatePicker.RangePicker value={range} onChange={(v) => setRange(v && v[0] && v[1] ? [v[0], v[1]] : null)} disabledDate={inYear} />
            <Button onClick={addRange} disabled={!range}>加入放假日期</Button>
          </Space>
        </Form.Item>
        <Form.Item name="holidays" label="放假日期" rules={[{ required: true, type: 'array', min: 1, message: '请至少录入一个放假日期' }]}>
          <DatePicker multiple maxTagCount="responsive" style={{ width: '100%' }} disabledDate={inYear} placeholder="逐日选择放假日期" />
        </Form.Item>
        <Form.Item name="makeupWorkdays" label="调休上班日期（周六、周日）">
          <DatePicker multiple maxTagCount="responsive" style={{ width: '100%' }} disabledDate={(d) => inYear(d) || (d.day() !== 0 && d.day() !== 6)} placeholder="选择需要上班的周末" />
        </Form.Item>
        <Typography.Text type="secondary">已选放假日期 {holidays.length} 天，调休上班 {makeup.length} 天</Typography.Text>
      </Form>
    </Modal>
  );
}
