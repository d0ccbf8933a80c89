// §13.3 依法委托: a 委托's 法律/法规/规章 basis and, for a 行政处罚, the written instrument (书面委托)
// chosen among the application's attachments; an organisation outside the register as the entrusted
// party when no 受委托机构 is chosen. Without them the application is not submitted.
import { Alert, Button, Descriptions, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ENTRUSTMENT_BASIS_LEVELS, type Delegation, type EntrustmentInput } from '../../../contract/delegation.ts';
import { ApiError } from '../../api.ts';
import { delegationApi } from './delegationApi.ts';

interface Props {
  id: number;
  d: Delegation;
  attachments: { id: number; filename: string }[];
  onChanged: (d: Delegation) => void;
}

export default function EntrustmentPanel({ id, d, attachments, onChanged }: Props) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<EntrustmentInput>();
  const e = d.entrustment;
  const save = async () => {
    const v = await form.validateFields();
    try {
      const o = v.organisation;
      onChanged(
        await delegationApi.entrust(id, {
          ...v,
          instrumentAttachmentId: v.instrumentAttachmentId ?? null,
          organisation: o?.name?.trim() ? { ...o, creditCode: o.creditCode?.trim() || null } : null,
        }),
      );
      setOpen(false);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '保存失败');
    }
  };
  return (
    <div data-testid="delegation-entrustment">
      <Space style={{ marginBottom: 8 }}>
        <Typography.Text strong>委托依据与书面委托书</Typography.Text>
        {!e && <Tag color="orange">尚未填写，不能报送</Tag>}
        {d.can.entrust && (
          <Button size="small" onClick={() => setOpen(true)}>
            {e ? '修改' : '填写'}
          </Button>
        )}
      </Space>
      {e && (
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label="委托依据">
            {e.basisLevel}：{e.basisDocument}
            {e.basisArticle}
          </Descriptions.Item>
          <Descriptions.Item label="书面委托书">
            {e.instrument?.filename ?? '未上传（行政处罚事项必须上传）'}
          </Descriptions.Item>
          {e.organisation && (
            <Descriptions.Item label="受委托组织">
              {e.organisation.name}（统一社会信用代码：{e.organisation.creditCode ?? '未登记'}）
              <br />
              {e.organisation.publicFunction}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      {open && (
        <Modal
          open
          title="委托依据（第十三条第3项）"
          okText="保存"
          cancelText="取消"
          onOk={save}
          onCancel={() => setOpen(false)}
        >
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <Form
            form={form}
            layout="vertical"
            initialValues={e ? { ...e, instrumentAttachmentId: e.instrument?.id ?? null } : undefined}
          >
            <Form.Item
              name="basisLevel"
              label="依据的效力层级"
              rules={[{ required: true, message: '请选择法律、法规或规章' }]}
            >
              <Select options={ENTRUSTMENT_BASIS_LEVELS.map((l) => ({ value: l, label: l }))} />
            </Form.Item>
            <Form.Item
              name="basisDocument"
              label="法律文件名称"
              rules={[{ required: true, whitespace: true, message: '请填写法律文件名称' }]}
            >
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item
              name="basisArticle"
              label="条款"
              rules={[{ required: true, whitespace: true, message: '请填写条款' }]}
            >
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="instrumentAttachmentId" label="书面委托书（本申请的附件）">
              <Select allowClear options={attachments.map((f) => ({ value: f.id, label: f.filename }))} />
            </Form.Item>
            <Typography.Paragraph type="secondary">
              受委托方不在机构名录中（具有管理公共事务职能的组织）时填写以下各项，并清空申请的“受委托机构”；行政许可只能委托行政机关。
            </Typography.Paragraph>
            <Form.Item name={['organisation', 'name']} label="受委托组织名称">
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name={['organisation', 'creditCode']} label="统一社会信用代码（18位，不详可空）">
              <Input maxLength={18} />
            </Form.Item>
            <Form.Item name={['organisation', 'publicFunction']} label="该组织管理公共事务的职能及其依据">
              <Input.TextArea maxLength={500} autoSize />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </div>
  );
}
