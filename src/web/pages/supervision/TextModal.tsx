// One text field and a confirm button: the order's requirement, a report, a reason, a notice.
import { Form, Input, Modal } from 'antd';
import type { ReactNode } from 'react';
import { showError } from '../../lib/feedback.ts';
import { applyServerErrors } from '../../lib/forms.ts';

export interface Field {
  name: string;
  label: string;
  required?: boolean;
  rows?: number;
  max: number;
  initial?: string;
}

export default function TextModal(props: {
  title: string;
  open: boolean;
  fields: Field[];
  okText: string;
  danger?: boolean;
  extra?: ReactNode;
  onClose: () => void;
  onSubmit: (values: Record<string, string>) => Promise<unknown>;
}) {
  const [form] = Form.useForm<Record<string, string>>();
  async function ok() {
    const v = await form.validateFields();
    try {
      await props.onSubmit(v);
      props.onClose();
    } catch (e) {
      if (!applyServerErrors(form, e)) showError(e);
    }
  }
  return (
    <Modal
      title={props.title}
      open={props.open}
      onCancel={props.onClose}
      onOk={ok}
      okText={props.okText}
      okButtonProps={{ danger: props.danger }}
      destroyOnHidden
      width={640}
    >
      {props.extra}
      <Form
        form={form}
        layout="vertical"
        initialValues={Object.fromEntries(props.fields.map((f) => [f.name, f.initial ?? '']))}
      >
        {props.fields.map((f) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={f.label}
            rules={f.required ? [{ required: true, whitespace: true, message: `请填写${f.label}` }] : []}
          >
            {f.rows ? <Input.TextArea rows={f.rows} maxLength={f.max} showCount /> : <Input maxLength={f.max} />}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
