// 新增 / 编辑机构. The region of an existing body cannot be changed (the server keeps it).
import { Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useEffect, useState } from 'react';
import { api, type BodyInput } from '../../api.ts';
import { toast } from '../../lib/feedback.ts';
import { applyServerErrors } from '../../lib/forms.ts';
import type { RegionNode } from '../../lib/regions.ts';
import { BODY_KINDS } from '../../labels.ts';
import type { Body } from '../../types.ts';

interface Props {
  open: boolean;
  /** the body being edited; undefined = new */
  body?: Body;
  regions: RegionNode[];
  defaultRegion?: string;
  onClose: () => void;
  onSaved: (b: Body) => void;
}

const kindOptions = (current?: string) => [
  ...BODY_KINDS.map((k) => ({ value: k as string, label: k as string })),
  ...(current && !(BODY_KINDS as readonly string[]).includes(current)
    ? [{ value: current, label: `${current}（原有类型）` }]
    : []),
];

export default function BodyFormModal({ open, body, regions, defaultRegion, onClose, onSaved }: Props) {
  const [form] = Form.useForm<BodyInput>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (body)
      form.setFieldsValue({
        regionCode: body.regionCode,
        name: body.name,
        shortName: body.shortName ?? undefined,
        // a kind from before the contract's list is shown as 原有类型 (kindOptions); the server keeps it unless changed
        kind: body.kind as BodyInput['kind'],
      });
    else form.setFieldsValue({ regionCode: defaultRegion, kind: '政府工作部门' });
  }, [open, body, defaultRegion, form]);

  async function submit() {
    const v = await form.validateFields();
    const shortName = v.shortName?.trim() || undefined;
    setSaving(true);
    try {
      const saved = body
        ? // an unchanged kind is not sent: some seeded bodies carry a kind outside today's list
          // a cleared short name is sent as '' (the API has no null for it)
          await api.updateBody(body.id, {
            name: v.name.trim(),
            shortName: shortName ?? '',
            kind: v.kind === body.kind ? undefined : v.kind,
          })
        : await api.createBody({ regionCode: v.regionCode, name: v.name.trim(), shortName, kind: v.kind });
      toast.success(body ? '机构信息已保存' : `已新增机构“${v.name.trim()}”`);
      onSaved(saved);
    } catch (e) {
      applyServerErrors(form, e, { CONFLICT: 'name' });
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title={body ? '编辑机构' : '新增机构'}
      open={open}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      okText="保存"
      cancelText="取消"
      destroyOnHidden
      width={520}
    >
      <Form form={form} layout="vertical" autoComplete="off">
        <Form.Item
          name="regionCode"
          label="所属区划"
          rules={[{ required: true, message: '请选择所属区划' }]}
          extra={body ? '机构所属区划创建后不可修改' : undefined}
        >
          <TreeSelect
            treeData={regions}
            disabled={!!body}
            showSearch
            treeNodeFilterProp="title"
            treeDefaultExpandAll={false}
            placeholder="请选择市、旗县区或苏木乡镇（街道）"
          />
        </Form.Item>
        <Form.Item
          name="name"
          label="机构名称"
          rules={[
            { required: true, whitespace: true, message: '请输入机构名称' },
            { min: 2, message: '机构名称至少2个字' },
            { max: 60, message: '机构名称不能超过60个字' },
          ]}
        >
          <Input placeholder="如：包头市市场监督管理局" maxLength={60} showCount />
        </Form.Item>
        <Form.Item name="shortName" label="简称" rules={[{ max: 20, message: '简称不能超过20个字' }]}>
          <Input placeholder="如：市市场监管局（选填）" maxLength={20} />
        </Form.Item>
        <Form.Item name="kind" label="机构类型" rules={[{ required: true, message: '请选择机构类型' }]}>
          <Select options={kindOptions(body?.kind)} placeholder="请选择机构类型" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
