// §13.2 ¶1: the prior assessment inside a 下放 or 委托 application — 承接能力 (staff, qualifications,
// equipment, systems), 落实状态, 日常监管, each with its assessor and evidence (the application's
// attachments), and the three refusals answered 是/否 with reasons. A "是" blocks submission.
import { Alert, Button, Descriptions, Form, Input, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  ASSESSMENT_SECTIONS,
  REFUSAL_LABELS,
  REFUSAL_QUESTIONS,
  REFUSALS,
  SECTION_LABELS,
  type AssessmentInput,
  type Delegation,
} from '../../../contract/delegation.ts';
import { ApiError } from '../../api.ts';
import { delegationApi } from './delegationApi.ts';

interface Props {
  id: number;
  d: Delegation;
  attachments: { id: number; filename: string }[];
  onChanged: (d: Delegation) => void;
}

function AssessmentForm({ id, d, attachments, onChanged, onClose }: Props & { onClose: () => void }) {
  const [form] = Form.useForm<AssessmentInput>();
  const [error, setError] = useState<string | null>(null);
  const a = d.assessment;
  const initial = a && {
    sections: Object.fromEntries(
      ASSESSMENT_SECTIONS.map((k) => [
        k,
        { ...a.sections[k], attachmentIds: a.sections[k].attachments.map((f) => f.id) },
      ]),
    ),
    refusals: a.refusals,
    assessedOn: a.assessedOn,
    conclusion: a.conclusion,
  };
  const save = async () => {
    const v = await form.validateFields();
    try {
      onChanged(await delegationApi.assess(id, v));
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '保存失败');
    }
  };
  const files = attachments.map((f) => ({ value: f.id, label: f.filename }));
  return (
    <Modal
      open
      title="事前调研评估（第十三条第2项）"
      width={760}
      okText="保存"
      cancelText="取消"
      onOk={save}
      onCancel={onClose}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={initial ?? undefined}>
        {ASSESSMENT_SECTIONS.map((k) => (
          <fieldset key={k} style={{ border: '1px solid #f0f0f0', padding: 8, marginBottom: 8 }}>
            <legend style={{ fontSize: 14, width: 'auto' }}>{SECTION_LABELS[k]}</legend>
            <Form.Item
              name={['sections', k, 'finding']}
              label="评估情况"
              rules={[{ required: true, whitespace: true, message: '请填写评估情况' }]}
            >
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Space wrap>
              <Form.Item
                name={['sections', k, 'assessor']}
                label="评估人"
                rules={[{ required: true, whitespace: true, message: '请填写评估人' }]}
              >
                <Input maxLength={50} />
              </Form.Item>
              <Form.Item name={['sections', k, 'attachmentIds']} label="证明材料（本申请的附件）" initialValue={[]}>
                <Select mode="multiple" options={files} style={{ minWidth: 280 }} placeholder="先在“附件”中上传" />
              </Form.Item>
            </Space>
          </fieldset>
        ))}
        {REFUSALS.map((r) => (
          <Space key={r} align="start" wrap>
            <Form.Item
              name={['refusals', r, 'answer']}
              label={`${REFUSAL_QUESTIONS[r]}（${REFUSAL_LABELS[r]}）`}
              rules={[{ required: true, message: '请回答“是”或“否”' }]}
            >
              <Radio.Group
                options={[
                  { value: 'no', label: '否' },
                  { value: 'yes', label: '是' },
                ]}
              />
            </Form.Item>
            <Form.Item
              name={['refusals', r, 'reason']}
              label="理由"
              rules={[{ required: true, whitespace: true, message: '请填写理由' }]}
            >
              <Input style={{ width: 320 }} maxLength={2000} />
            </Form.Item>
          </Space>
        ))}
        <Space wrap>
          <Form.Item name="assessedOn" label="评估日期" rules={[{ required: true, message: '请填写评估日期' }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item
            name="conclusion"
            label="评估结论"
            rules={[{ required: true, whitespace: true, message: '请填写评估结论' }]}
          >
            <Input style={{ width: 420 }} maxLength={2000} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

export default function AssessmentPanel(props: Props) {
  const { d } = props;
  const [editing, setEditing] = useState(false);
  const a = d.assessment;
  return (
    <div data-testid="delegation-assessment">
      <Space style={{ marginBottom: 8 }}>
        <Typography.Text strong>事前调研评估</Typography.Text>
        {a ? (
          a.permitsSubmission ? (
            <Tag color="green">具备下放条件</Tag>
          ) : (
            <Tag color="red">不具备下放条件，不能报送</Tag>
          )
        ) : (
          <Tag color="orange">尚未评估，不能报送</Tag>
        )}
        {d.can.assess && (
          <Button size="small" type="primary" ghost onClick={() => setEditing(true)}>
            {a ? '修改评估' : '填写评估'}
          </Button>
        )}
      </Space>
      {a && (
        <Descriptions size="small" column={1} bordered>
          {ASSESSMENT_SECTIONS.map((k) => (
            <Descriptions.Item key={k} label={SECTION_LABELS[k]}>
              {a.sections[k].finding}（评估人：{a.sections[k].assessor}
              {a.sections[k].attachments.length
                ? `；证明材料：${a.sections[k].attachments.map((f) => f.filename).join('、')}`
                : ''}
              ）
            </Descriptions.Item>
          ))}
          {REFUSALS.map((r) => (
            <Descriptions.Item key={r} label={REFUSAL_LABELS[r]}>
              <Tag color={a.refusals[r].answer === 'yes' ? 'red' : 'green'}>
                {a.refusals[r].answer === 'yes' ? '是' : '否'}
              </Tag>
              {a.refusals[r].reason}
            </Descriptions.Item>
          ))}
          <Descriptions.Item label="评估结论">
            {a.conclusion}（{a.assessedOn}，{a.recordedBy}填报）
          </Descriptions.Item>
        </Descriptions>
      )}
      {editing && <AssessmentForm {...props} onClose={() => setEditing(false)} />}
    </div>
  );
}
