// 职责 (§6): the duties from the body's 三定 regulation that face citizens and organisations,
// ordered; the clerk edits them as a whole, everyone else reads them.
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { Button, Empty, Form, Input, List, Space, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { toast } from '../../../lib/feedback.ts';
import type { ApiError } from '../../../api.ts';
import { applyServerErrors } from '../../../lib/forms.ts';
import { isStaleSave, StaleNotice } from '../../../lib/stale.tsx';
import { listApi, type Duty } from '../listApi.ts';

export function DutiesList({ duties }: { duties: Duty[] }) {
  if (duties.length === 0) return <Empty description="暂无职责" />;
  return (
    <List
      dataSource={duties}
      renderItem={(d, i) => (
        <List.Item>
          <List.Item.Meta
            title={`${i + 1}. ${d.name}`}
            description={<span className="pre-wrap">{d.content || '—'}</span>}
          />
        </List.Item>
      )}
    />
  );
}

/** `version`: the duties list's version read with the draft (issue 10.8), sent back with the save. */
export default function DutiesPanel({
  draftId,
  duties,
  version,
  editable,
  onSaved,
}: {
  draftId: number;
  duties: Duty[];
  version: number;
  editable: boolean;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<{ duties: { name: string; content: string }[] }>();
  const [saving, setSaving] = useState(false);
  const [stale, setStale] = useState<ApiError | null>(null);
  useEffect(() => {
    form.setFieldsValue({ duties: duties.map(({ name, content }) => ({ name, content })) });
    setStale(null);
  }, [duties, form]);
  if (!editable) return <DutiesList duties={duties} />;

  async function save() {
    const v = await form.validateFields();
    setSaving(true);
    try {
      await listApi.saveDuties(
        draftId,
        (v.duties ?? []).map((d) => ({ name: d.name.trim(), content: (d.content ?? '').trim() })),
        version,
      );
      toast.success('职责已保存');
      onSaved();
    } catch (e) {
      if (isStaleSave(e)) setStale(e);
      else applyServerErrors(form, e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Form form={form} layout="vertical" autoComplete="off">
      {/* the list is the form: 刷新 shows the duties as saved by the other user */}
      <StaleNotice error={stale} mode="reload" onRefresh={async () => onSaved()} />
      <Typography.Paragraph type="secondary">
        按本部门“三定”规定填写面向公民、法人和其他组织的职责，按顺序排列。
      </Typography.Paragraph>
      <Form.List name="duties">
        {(fields, { add, remove, move }) => (
          <>
            {fields.map((f, i) => (
              <div key={f.key} className="list-field-row">
                <Typography.Text className="list-field-no">{i + 1}</Typography.Text>
                <div style={{ flex: 1 }}>
                  <Form.Item
                    name={[f.name, 'name']}
                    style={{ marginBottom: 6 }}
                    rules={[
                      { required: true, whitespace: true, message: '请输入职责名称' },
                      { max: 200, message: '职责名称不能超过200个字' },
                    ]}
                  >
                    <Input placeholder="职责名称" maxLength={200} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'content']}
                    style={{ marginBottom: 0 }}
                    rules={[{ max: 4000, message: '职责内容不能超过4000个字' }]}
                  >
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder="职责内容" maxLength={4000} />
                  </Form.Item>
                </div>
                <Space size={0}>
                  <Tooltip title="上移">
                    <Button
                      type="text"
                      size="small"
                      icon={<ArrowUpOutlined />}
                      disabled={i === 0}
                      onClick={() => move(i, i - 1)}
                      aria-label="上移"
                    />
                  </Tooltip>
                  <Tooltip title="下移">
                    <Button
                      type="text"
                      size="small"
                      icon={<ArrowDownOutlined />}
                      disabled={i === fields.length - 1}
                      onClick={() => move(i, i + 1)}
                      aria-label="下移"
                    />
                  </Tooltip>
                  <Tooltip title="删除">
                    <Button
                      type="text"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove(i)}
                      aria-label="删除"
                    />
                  </Tooltip>
                </Space>
              </div>
            ))}
            <Space>
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', content: '' })}>
                添加职责
              </Button>
              <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={save}>
                保存职责
              </Button>
            </Space>
          </>
        )}
      </Form.List>
    </Form>
  );
}
