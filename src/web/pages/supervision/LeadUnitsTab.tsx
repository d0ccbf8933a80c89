// §14 ¶2: each body names its 牵头机构; the office checks its level and opens a finding for a body without one.
import { Button, Form, Input, Modal, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { LeadUnitView } from '../../../contract/supervision.ts';
import { showError, toast } from '../../lib/feedback.ts';
import { applyServerErrors } from '../../lib/forms.ts';
import { fmtTime } from '../../lib/format.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { supervisionApi } from './supervisionApi.ts';

export default function LeadUnitsTab() {
  const list = useLoad(() => supervisionApi.leadUnits());
  const [editing, setEditing] = useState<LeadUnitView | null>(null);
  const [form] = Form.useForm<{ unitName: string; contactPerson?: string }>();
  const items = list.data?.items ?? [];
  const office = items.some((b) => b.supervisable);

  async function check() {
    try {
      const r = await supervisionApi.checkLeadUnits();
      toast.success(`已检查本级 ${r.checked} 个部门，新开立督查发现 ${r.opened} 件`);
    } catch (e) {
      showError(e);
    }
  }
  async function save() {
    const v = await form.validateFields();
    try {
      await supervisionApi.designate(editing!.bodyId, v);
      toast.success('已登记牵头机构');
      setEditing(null);
      void list.reload();
    } catch (e) {
      if (!applyServerErrors(form, e)) showError(e);
    }
  }
  const columns: TableColumnsType<LeadUnitView> = [
    { title: '部门', render: (_, b) => `${b.bodyName}（${b.regionName}）` },
    { title: '牵头机构', render: (_, b) => b.unitName ?? <Tag color="red">未明确</Tag> },
    { title: '联系人', render: (_, b) => b.contactPerson ?? '—', width: 120 },
    { title: '登记时间', render: (_, b) => fmtTime(b.designatedAt), width: 170 },
    {
      title: '',
      width: 90,
      render: (_, b) =>
        b.own && (
          <Button
            size="small"
            onClick={() => {
              form.setFieldsValue({ unitName: b.unitName ?? '', contactPerson: b.contactPerson ?? '' });
              setEditing(b);
            }}
          >
            登记
          </Button>
        ),
    },
  ];
  return (
    <>
      {office && (
        <Space style={{ marginBottom: 12 }}>
          <Button onClick={check}>检查本级未明确牵头机构的部门</Button>
        </Space>
      )}
      <Table rowKey="bodyId" size="middle" loading={list.loading} dataSource={items} columns={columns} />
      <Modal
        title={`登记牵头机构：${editing?.bodyName ?? ''}`}
        open={!!editing}
        onCancel={() => setEditing(null)}
        onOk={save}
        okText="保存"
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="unitName"
            label="牵头机构（内设机构名称）"
            rules={[{ required: true, message: '请填写牵头机构名称' }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="contactPerson" label="联系人">
            <Input maxLength={50} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
