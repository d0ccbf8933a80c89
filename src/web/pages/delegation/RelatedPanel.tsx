// §13.2 ¶2: the related bodies (关联部门) asked at the same time; each answers 同意 / 有条件同意 /
// 不同意 with reasons and says whether its own approval moves down too (同级审批); the office may
// record why the application need not wait for one. The application goes to the government only then.
import { Alert, Button, Checkbox, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import {
  RELATED_ANSWER_LABELS,
  RELATED_ANSWERS,
  type Delegation,
  type RelatedAnswer,
  type RelatedConsultation,
} from '../../../contract/delegation.ts';
import { api, ApiError } from '../../api.ts';
import { bodyOptions, filterByLabel } from '../../lib/options.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { delegationApi } from './delegationApi.ts';

interface Props {
  id: number;
  d: Delegation;
  onChanged: (d: Delegation) => void;
}

function AnswerModal({
  r,
  onDone,
  onClose,
}: {
  r: RelatedConsultation;
  onDone: (d: Delegation) => void;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ answer: RelatedAnswer; reason: string; ownApprovalMovesDown: boolean }>();
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const v = await form.validateFields();
    try {
      onDone(
        await delegationApi.answer(r.id, {
          ...v,
          reason: v.reason ?? '',
          ownApprovalMovesDown: !!v.ownApprovalMovesDown,
        }),
      );
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '保存失败');
    }
  };
  return (
    <Modal open title={`回复意见：${r.bodyName}`} okText="提交意见" cancelText="取消" onOk={save} onCancel={onClose}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="answer" label="意见" rules={[{ required: true, message: '请选择意见' }]}>
          <Radio.Group options={RELATED_ANSWERS.map((v) => ({ value: v, label: RELATED_ANSWER_LABELS[v] }))} />
        </Form.Item>
        <Form.Item name="reason" label="理由（有条件同意或不同意的必填）">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="ownApprovalMovesDown" valuePropName="checked">
          <Checkbox>本部门相关审批权限同步下放（同级审批）</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function RelatedPanel({ id, d, onChanged }: Props) {
  const [answering, setAnswering] = useState<RelatedConsultation | null>(null);
  const [picked, setPicked] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  const bodies = useLoad(() => (d.can.nameRelated ? api.bodies() : Promise.resolve([])), [d.can.nameRelated]);
  const options = useMemo(
    () => bodyOptions((bodies.data ?? []).filter((b) => !b.office && !d.related.some((r) => r.bodyId === b.id))),
    [bodies.data, d.related],
  );
  const run = async (p: Promise<Delegation>) => {
    try {
      setError(null);
      onChanged(await p);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '操作失败');
    }
  };
  const waive = (r: RelatedConsultation) => {
    let reason = '';
    Modal.confirm({
      title: `不再等待${r.bodyName}的意见`,
      content: <Input.TextArea rows={3} placeholder="请说明理由" onChange={(e) => (reason = e.target.value)} />,
      okText: '确定',
      cancelText: '取消',
      onOk: () => run(delegationApi.waive(r.id, reason)),
    });
  };
  return (
    <div data-testid="delegation-related">
      <Typography.Text strong>关联部门意见（同步征求）</Typography.Text>
      {error && <Alert type="error" showIcon title={error} style={{ margin: '8px 0' }} />}
      <Table<RelatedConsultation>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={d.related}
        locale={{ emptyText: '未征求关联部门意见' }}
        columns={[
          { title: '关联部门', dataIndex: 'bodyName' },
          { title: '回复期限', render: (_, r) => `${r.dueOn}（${r.dueCitation}）` },
          {
            title: '意见',
            render: (_, r) =>
              r.answer ? (
                <Space orientation="vertical" size={0}>
                  <Tag color={r.answer === 'disagree' ? 'red' : r.answer === 'agree' ? 'green' : 'gold'}>
                    {RELATED_ANSWER_LABELS[r.answer]}
                  </Tag>
                  {r.reason && <span>{r.reason}</span>}
                  <span>
                    同级审批：{r.ownApprovalMovesDown ? '本部门审批权限同步下放' : '不涉及'}（{r.answeredBy}）
                  </span>
                </Space>
              ) : r.waivedReason ? (
                <span>
                  不再等待：{r.waivedReason}（{r.waivedBy}）
                </span>
              ) : (
                <Tag>待回复</Tag>
              ),
          },
          {
            title: '',
            render: (_, r) => (
              <Space>
                {r.canAnswer && (
                  <Button size="small" type="primary" onClick={() => setAnswering(r)}>
                    回复意见
                  </Button>
                )}
                {d.can.waive && !r.answer && !r.waivedReason && (
                  <Button size="small" onClick={() => waive(r)}>
                    不再等待
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {d.can.nameRelated && (
        <Space style={{ marginTop: 8 }} wrap>
          <Select
            mode="multiple"
            style={{ minWidth: 320 }}
            placeholder="选择关联部门"
            value={picked}
            onChange={setPicked}
            options={options}
            showSearch={{ filterOption: filterByLabel }}
            aria-label="关联部门"
          />
          <Button
            disabled={!picked.length}
            onClick={() => void run(delegationApi.nameRelated(id, picked)).then(() => setPicked([]))}
          >
            征求意见
          </Button>
        </Space>
      )}
      {answering && <AnswerModal r={answering} onDone={onChanged} onClose={() => setAnswering(null)} />}
    </div>
  );
}
