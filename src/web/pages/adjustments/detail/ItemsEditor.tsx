// 拟调整的行政职权 (§13.1): the powers an application touches, chosen from the body's current
// published list, with their proposed values; new powers for add / merge / split. What the
// kind needs is checked again by the server, which names each problem.
import { Alert, Button, Card, Drawer, Empty, Form, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { toast } from '../../../lib/feedback.ts';
import type { ApiError } from '../../../api.ts';
import { applyServerErrors } from '../../../lib/forms.ts';
import { isStaleSave, StaleNotice } from '../../../lib/stale.tsx';
import { filterByLabel } from '../../../lib/options.ts';
import { useLoad } from '../../../lib/useLoad.ts';
import { adjApi } from '../adjApi.ts';
import type { Adjustment, AdjustmentKind, ItemInput, Power } from '../model.ts';
import type { RulebookData } from '../rulebook.ts';
import { ChangeTable } from './DiffView.tsx';
import PowerFields from './PowerFields.tsx';
import { changedFields, contentOf, normalize, previewChanges, type Values } from './powerValues.ts';
import { pathWords, valueText } from '../labels.ts';

/** What each kind lists (mirrors the server's rules, for the form's hints and limits). */
const SHAPE: Record<
  AdjustmentKind,
  { targets: [number, number]; fresh: [number, number]; values: boolean; hint: string }
> = {
  add: { targets: [0, 0], fresh: [1, 50], values: false, hint: '列出拟增加的行政职权，公布时赋予权力编码。' },
  cancel: { targets: [1, 500], fresh: [0, 0], values: false, hint: '选择拟取消的现有行政职权。' },
  delegate: {
    targets: [1, 500],
    fresh: [0, 0],
    values: false,
    hint: '选择拟下放的现有行政职权；经承接部门确认后公布，列入承接部门的权责清单。',
  },
  entrust: {
    targets: [1, 500],
    fresh: [0, 0],
    values: false,
    hint: '选择拟委托的现有行政职权；经承接部门确认后公布。',
  },
  takeBack: { targets: [1, 500], fresh: [0, 0], values: false, hint: '选择拟收回委托的行政职权（须为已委托的职权）。' },
  modify: {
    targets: [1, 500],
    fresh: [0, 0],
    values: true,
    hint: '选择拟修改的现有行政职权，并填写修改后的内容（只提交有变化的字段）。',
  },
  merge: {
    targets: [2, 50],
    fresh: [1, 1],
    values: false,
    hint: '选择至少两项拟合并的现有行政职权，并填写合并后的行政职权（赋新编码）。',
  },
  split: {
    targets: [1, 1],
    fresh: [2, 100],
    values: false,
    hint: '选择一项拟分设的现有行政职权，并填写分设后的各子项（至少两项）。',
  },
};

interface FormShape {
  targets: string[];
  values: Record<string, Values>;
  fresh: Values[];
}

function LivePreview({ base, code }: { base: Power; code: string }) {
  const v = Form.useWatch(['values', code]) as Values | undefined;
  const changes = v ? previewChanges(base, v) : [];
  if (!changes.length) return <Typography.Text type="secondary">尚未修改任何字段</Typography.Text>;
  return (
    <ChangeTable
      rows={changes.map((c) => ({
        key: c.path,
        label: pathWords(c),
        before: valueText(c.field, c.before),
        after: valueText(c.field, c.after),
      }))}
    />
  );
}

/** `onRefreshed`: the page takes the current application (and its version); the drawer stays open with what was chosen. */
export default function ItemsEditor({
  a,
  rb,
  open,
  onClose,
  onSaved,
  onRefreshed,
}: {
  a: Adjustment;
  rb: RulebookData;
  open: boolean;
  onClose: () => void;
  onSaved: (a: Adjustment) => void;
  onRefreshed: (a: Adjustment) => void;
}) {
  const [form] = Form.useForm<FormShape>();
  const [saving, setSaving] = useState(false);
  const [stale, setStale] = useState<ApiError | null>(null);
  const shape = SHAPE[a.kind];
  const list = useLoad(() => (open ? adjApi.bodyList(a.bodyId) : Promise.resolve(undefined)), [open, a.bodyId]);
  const active = useMemo(() => (list.data?.powers ?? []).filter((p) => p.status === 'active'), [list.data]);
  const byCode = useMemo(() => new Map(active.map((p) => [p.code, p])), [active]);
  const targets = (Form.useWatch('targets', form) as string[] | undefined) ?? [];

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setStale(null);
    const values: Record<string, Values> = {};
    for (const i of a.items) if (i.targetCode && i.base) values[i.targetCode] = contentOf(i.proposed ?? i.base);
    form.setFieldsValue({
      targets: a.items.filter((i) => i.targetCode).map((i) => i.targetCode!),
      values,
      fresh: a.items.filter((i) => !i.targetCode && i.proposed).map((i) => contentOf(i.proposed!)),
    });
    if (shape.fresh[0] > 0 && !a.items.some((i) => !i.targetCode)) {
      form.setFieldValue(
        'fresh',
        Array.from({ length: shape.fresh[0] }, () => ({
          responsibleSubject: a.bodyName,
          implementingAgency: a.bodyName,
          legalBases: [],
          responsibilities: [],
          accountabilityCases: [],
        })),
      );
    }
  }, [open]); // eslint-disable-line react-hooks/exhaustive-deps

  function onTargets(codes: string[]) {
    if (!shape.values) return;
    for (const c of codes)
      if (!form.getFieldValue(['values', c]) && byCode.get(c))
        form.setFieldValue(['values', c], contentOf(byCode.get(c)!));
  }

  async function save() {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    const items: ItemInput[] = [
      ...(v.targets ?? []).map((code) => ({
        targetCode: code,
        ...(shape.values ? { values: changedFields(byCode.get(code)!, form.getFieldValue(['values', code])) } : {}),
      })),
      ...(v.fresh ?? []).map((f) => ({ values: normalize(f) })),
    ];
    setSaving(true);
    try {
      const n = await adjApi.setItems(a.id, items, a.version);
      toast.success('拟调整事项已保存');
      onSaved(n);
    } catch (e) {
      if (isStaleSave(e)) setStale(e);
      else applyServerErrors(form, e);
    } finally {
      setSaving(false);
    }
  }

  const targetLimit = shape.targets[1];
  return (
    <Drawer
      title="填写拟调整的行政职权"
      open={open}
      onClose={onClose}
      size={980}
      destroyOnHidden
      rootClassName="items-editor"
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={save}>
            保存
          </Button>
        </Space>
      }
    >
      <StaleNotice
        error={stale}
        mode="keep"
        onRefresh={async () => {
          onRefreshed(await adjApi.get(a.id));
          setStale(null);
        }}
      />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`${a.kindLabel}：${shape.hint}`}
        description={
          list.data
            ? `对比基础：${list.data.body.name}现行权责清单第${list.data.version}版（${list.data.effectiveDate} 起施行，在用事项${active.length}项）`
            : undefined
        }
      />
      {list.error !== null && !list.loading && (
        <Alert
          type="warning"
          showIcon
          title="本部门尚无已公布的权责清单，无法选择现有行政职权"
          style={{ marginBottom: 16 }}
        />
      )}
      <Form form={form} layout="vertical" autoComplete="off">
        {targetLimit > 0 && (
          <Form.Item
            name="targets"
            label={a.kind === 'split' ? '拟分设的行政职权' : '拟调整的现有行政职权'}
            getValueProps={(v: string[] | undefined) => ({ value: targetLimit > 1 ? v : v?.[0] })}
            normalize={(v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : [])}
            rules={[
              { type: 'array', min: shape.targets[0], message: `请至少选择${shape.targets[0]}项` },
              { type: 'array', max: targetLimit, message: `最多选择${targetLimit}项` },
            ]}
          >
            <Select
              mode={targetLimit > 1 ? 'multiple' : undefined}
              showSearch={{ filterOption: filterByLabel }}
              loading={list.loading}
              allowClear
              placeholder="输入职权名称或编码查找"
              onChange={(v: string | string[]) => onTargets(Array.isArray(v) ? v : v ? [v] : [])}
              options={active.map((p) => ({ value: p.code, label: `${p.name}（${p.code}）` }))}
            />
          </Form.Item>
        )}
        {shape.values &&
          targets.map(
            (code) =>
              byCode.get(code) && (
                <Card
                  key={code}
                  size="small"
                  style={{ marginBottom: 16 }}
                  title={`修改：${byCode.get(code)!.name}（${code}）`}
                >
                  <PowerFields prefix={['values', code]} categories={rb.categories} />
                  <Typography.Text strong>修改前后对比</Typography.Text>
                  <LivePreview base={byCode.get(code)!} code={code} />
                </Card>
              ),
          )}
        {shape.fresh[1] > 0 && (
          <Form.List name="fresh">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Card
                    key={f.key}
                    size="small"
                    style={{ marginBottom: 16 }}
                    title={
                      a.kind === 'merge'
                        ? '合并后的行政职权'
                        : a.kind === 'split'
                          ? `分设后的子项 ${i + 1}`
                          : `拟增加的行政职权 ${i + 1}`
                    }
                    extra={
                      fields.length > shape.fresh[0] && (
                        <Button size="small" danger onClick={() => remove(f.name)}>
                          删除
                        </Button>
                      )
                    }
                  >
                    <PowerFields prefix={[f.name]} categories={rb.categories} />
                  </Card>
                ))}
                {fields.length < shape.fresh[1] && (
                  <Button
                    type="dashed"
                    block
                    onClick={() =>
                      add({
                        responsibleSubject: a.bodyName,
                        implementingAgency: a.bodyName,
                        legalBases: [],
                        responsibilities: [],
                        accountabilityCases: [],
                      })
                    }
                  >
                    {a.kind === 'split' ? '添加子项' : '添加行政职权'}
                  </Button>
                )}
              </>
            )}
          </Form.List>
        )}
        {!targetLimit && shape.fresh[1] === 0 && <Empty />}
      </Form>
    </Drawer>
  );
}
