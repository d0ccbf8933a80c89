// Two parts of an application shown under its diff: the §8 screening of an 增加 or a renaming 修改
// (the coordination office keeps a flagged item with a note, as at first compilation), and the
// 职责 the application adds, changes or removes (§6 ¶2), which the clerk fills in while drafting.
import { Alert, Button, Card, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../api.ts';
import { isStaleSave, StaleNotice } from '../../../lib/stale.tsx';
import { useActor } from '../../../session.tsx';
import { adjApi } from '../adjApi.ts';
import type { Adjustment, DutyItem, DutyItemInput } from '../model.ts';

const OP: Record<DutyItem['op'], { label: string; color: string }> = {
  add: { label: '增加职责', color: 'green' },
  change: { label: '修改职责', color: 'blue' },
  remove: { label: '删除职责', color: 'red' },
};

function OverrideButton({
  a,
  itemId,
  onChanged,
}: {
  a: Adjustment;
  itemId: number;
  onChanged: (a: Adjustment) => void;
}) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ note: string }>();
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const v = await form.validateFields();
    try {
      onChanged(await adjApi.overrideExclusion(a.id, itemId, v.note.trim()));
      setOpen(false);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '保存失败');
    }
  };
  return (
    <>
      <Button
        size="small"
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        复核后保留
      </Button>
      <Modal
        open={open}
        title="排除筛查复核（第八条）"
        okText="保留并记录说明"
        cancelText="取消"
        onOk={save}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical">
          <Form.Item
            name="note"
            label="复核说明"
            rules={[
              { required: true, whitespace: true, message: '请填写复核说明' },
              { min: 4, message: '复核说明至少4个字' },
            ]}
          >
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function DutiesModal({
  a,
  open,
  onClose,
  onSaved,
  onRefreshed,
}: {
  a: Adjustment;
  open: boolean;
  onClose: () => void;
  onSaved: (a: Adjustment) => void;
  onRefreshed: (a: Adjustment) => void;
}) {
  const [form] = Form.useForm<{ duties: DutyItemInput[] }>();
  const [current, setCurrent] = useState<{ name: string; content: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState<ApiError | null>(null);
  useEffect(() => {
    if (!open) return;
    setError(null);
    setStale(null);
    adjApi
      .bodyList(a.bodyId)
      .then((l) => setCurrent(l.duties ?? []))
      .catch(() => setCurrent([]));
    form.setFieldsValue({
      duties: a.dutyItems.map((d) => ({
        op: d.op,
        targetName: d.base?.name,
        name: d.proposed?.name,
        content: d.proposed?.content,
      })),
    });
  }, [open, a, form]);
  const save = async () => {
    const v = await form.validateFields();
    // issue 10.8: the version read with the application; 刷新 after a refused save shows the duties as saved now
    try {
      onSaved(await adjApi.setDuties(a.id, v.duties ?? [], a.version));
    } catch (e) {
      if (isStaleSave(e)) setStale(e);
      else setError(e instanceof ApiError ? e.message : '保存失败');
    }
  };
  return (
    <Modal
      open={open}
      width={760}
      title="拟调整的职责（第六条）"
      okText="保存"
      cancelText="取消"
      onOk={save}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <StaleNotice error={stale} mode="reload" onRefresh={async () => onRefreshed(await adjApi.get(a.id))} />
      <Form form={form} layout="vertical">
        <Form.List name="duties">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {fields.map((f) => (
                <Card
                  key={f.key}
                  size="small"
                  extra={
                    <Button type="link" danger onClick={() => remove(f.name)}>
                      移除
                    </Button>
                  }
                >
                  <Form.Item
                    name={[f.name, 'op']}
                    label="调整方式"
                    rules={[{ required: true, message: '请选择调整方式' }]}
                  >
                    <Select options={Object.entries(OP).map(([value, o]) => ({ value, label: o.label }))} />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() => {
                      const op = form.getFieldValue(['duties', f.name, 'op']) as DutyItem['op'] | undefined;
                      return (
                        <>
                          {op && op !== 'add' && (
                            <Form.Item
                              name={[f.name, 'targetName']}
                              label="现行职责"
                              rules={[{ required: true, message: '请选择现行职责' }]}
                            >
                              <Select showSearch options={current.map((d) => ({ value: d.name, label: d.name }))} />
                            </Form.Item>
                          )}
                          {op && op !== 'remove' && (
                            <>
                              <Form.Item
                                name={[f.name, 'name']}
                                label="职责名称"
                                rules={[
                                  { required: true, whitespace: true, message: '请填写职责名称' },
                                  { min: 2, message: '至少2个字' },
                                ]}
                              >
                                <Input maxLength={200} />
                              </Form.Item>
                              <Form.Item name={[f.name, 'content']} label="职责内容">
                                <Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} />
                              </Form.Item>
                            </>
                          )}
                        </>
                      );
                    }}
                  </Form.Item>
                </Card>
              ))}
              <Button type="dashed" block onClick={() => add({ op: 'add' })}>
                添加一项职责调整
              </Button>
            </Space>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

export default function DutiesAndScreening({ a, onChanged }: { a: Adjustment; onChanged: (a: Adjustment) => void }) {
  const actor = useActor();
  const [editing, setEditing] = useState(false);
  const coordinator = actor.roles.some((g) => g.role === 'coordinator');
  const flagged = a.items.filter((i) => i.exclusionFlags?.length);
  const canEdit = a.can.some((c) => c.action === 'edit');
  const live = a.status === 'open' && !a.publishedAt;
  return (
    <>
      {flagged.map((i) => (
        <Alert
          key={i.id}
          type={i.exclusionOverride ? 'info' : 'warning'}
          showIcon
          data-testid="exclusion-flag"
          title={`“${i.proposed?.name ?? ''}”：${i.exclusionFlags![0].reason}`}
          description={
            i.exclusionOverride
              ? `协调小组办公室已复核保留：${i.exclusionOverride.note}（${i.exclusionOverride.byName}）`
              : '须由协调小组办公室复核说明后方可通过初步审核，或退回修改。'
          }
          action={
            !i.exclusionOverride && coordinator && live ? (
              <OverrideButton a={a} itemId={i.id} onChanged={onChanged} />
            ) : undefined
          }
        />
      ))}
      {(a.dutyItems.length > 0 || canEdit) && (
        <Card
          size="small"
          type="inner"
          title="拟调整的职责"
          data-testid="duty-items"
          extra={
            canEdit && (
              <Button size="small" onClick={() => setEditing(true)}>
                填写职责调整
              </Button>
            )
          }
        >
          {a.dutyItems.length === 0 ? (
            <Typography.Text type="secondary">本申请不调整职责</Typography.Text>
          ) : (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {a.dutyItems.map((d, k) => (
                <div key={k}>
                  <Tag color={OP[d.op].color}>{OP[d.op].label}</Tag>
                  {d.base && <span className={d.op === 'add' ? '' : 'diff-before'}>{d.base.name}</span>}
                  {d.base && d.proposed && ' → '}
                  {d.proposed && <span className="diff-after">{d.proposed.name}</span>}
                  {d.proposed?.content && (
                    <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                      {d.proposed.content}
                    </Typography.Paragraph>
                  )}
                </div>
              ))}
            </Space>
          )}
        </Card>
      )}
      <DutiesModal
        a={a}
        open={editing}
        onClose={() => setEditing(false)}
        onSaved={(n) => {
          setEditing(false);
          onChanged(n);
        }}
        onRefreshed={onChanged}
      />
    </>
  );
}
