// 新增 / 编辑行政职权: every 职权信息表 field (§6). The 权力编码 is issued by the platform on save
// and shown read-only after; category and 主项/子项 are part of the code, so they are fixed once
// issued. §8 screening flags and the 临时性行政许可 lapse warning are shown at the top.
import { Alert, Button, Col, Drawer, Form, Input, Popconfirm, Radio, Row, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../../api.ts';
import { toast } from '../../../lib/feedback.ts';
import { applyServerErrors } from '../../../lib/forms.ts';
import { isStaleSave, StaleNotice, takeUntouched } from '../../../lib/stale.tsx';
import { POWER_STATUS_OPTIONS } from '../labels.ts';
import {
  listApi,
  type Category,
  type Citation,
  type Draft,
  type DraftPower,
  type PowerInput,
  type PowerStatus,
} from '../listApi.ts';
import { PowerAlerts } from '../PowerDetail.tsx';
import LegalBasisField from './LegalBasisField.tsx';
import { CasesField, ResponsibilitiesField } from './ListFields.tsx';
import { RESPONSIBILITY_TEMPLATES } from '../../../../contract/responsibility-templates.ts';

interface Values {
  kind: 'main' | 'sub';
  parentCode?: string;
  name: string;
  category?: string;
  responsibleSubject: string;
  implementingAgency: string;
  legalBases: Citation[];
  responsibilities: { name: string; content: string }[];
  accountabilityCases: string[];
  accountabilityBasis: string;
  remarks: string;
  status: PowerStatus;
}

interface Props {
  open: boolean;
  draft: Draft;
  /** the power being edited; undefined = new */
  power?: DraftPower;
  categories: readonly Category[];
  onClose: () => void;
  onSaved: () => void;
  /** the page reloads its data behind the open drawer (after a refused stale save) */
  onRefreshed?: () => void;
}

/** Server field paths onto the form's: a citation's problem belongs to the 法定依据 field. */
function mapFields(err: unknown): unknown {
  if (!(err instanceof ApiError)) return err;
  const details = err.details.map((d) => (d.field?.startsWith('legalBases.') ? { ...d, field: 'legalBases' } : d));
  return new ApiError(err.status, err.code, err.message, details);
}

const valuesOf = (power: DraftPower): Values => ({
  kind: power.parentCode ? 'sub' : 'main',
  parentCode: power.parentCode ?? undefined,
  name: power.name,
  category: power.category,
  responsibleSubject: power.responsibleSubject,
  implementingAgency: power.implementingAgency,
  legalBases: power.legalBases,
  responsibilities: power.responsibilities.map(({ name, content }) => ({ name, content })),
  accountabilityCases: power.accountabilityCases,
  accountabilityBasis: power.accountabilityBasis,
  remarks: power.remarks,
  status: power.status,
});

export default function PowerEditorDrawer({ open, draft, power, categories, onClose, onSaved, onRefreshed }: Props) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  // issue 10.8: the version this form is based on, and a save refused because someone saved meanwhile
  const [version, setVersion] = useState<number | undefined>(power?.version);
  const [stale, setStale] = useState<ApiError | null>(null);
  const kind = Form.useWatch('kind', form);
  const category = Form.useWatch('category', form);
  const mains = useMemo(() => draft.powers.filter((p) => !p.parentCode && p.status === 'active'), [draft.powers]);
  const catLabel = (code?: string) => categories.find((c) => c.code === code)?.label ?? code ?? '';

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setVersion(power?.version);
    setStale(null);
    if (power) {
      form.setFieldsValue(valuesOf(power));
    } else {
      form.setFieldsValue({
        kind: 'main',
        responsibleSubject: draft.bodyName,
        implementingAgency: draft.bodyName,
        legalBases: [],
        responsibilities: [],
        accountabilityCases: [],
        accountabilityBasis: '',
        remarks: '',
        status: 'active',
      });
    }
  }, [open, power, draft.bodyName, form]);

  function fillTemplate() {
    const t = category ? RESPONSIBILITY_TEMPLATES[category] : undefined;
    if (!t) return;
    form.setFieldsValue({
      responsibilities: t.steps.map((s) => ({ ...s })),
      accountabilityCases: [...t.cases],
      accountabilityBasis: form.getFieldValue('accountabilityBasis') || t.basis,
    });
    toast.info(`已填入“${catLabel(category)}”的通行责任事项和追责情形，请结合本职权修改`);
  }

  async function save() {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      toast.warning('请按提示补全或改正标红的内容');
      return;
    }
    const input: PowerInput = {
      name: v.name.trim(),
      category: v.category!,
      responsibleSubject: v.responsibleSubject.trim(),
      implementingAgency: v.implementingAgency.trim(),
      legalBases: v.legalBases.map((c) => ({
        documentId: typeof c.documentId === 'number' ? c.documentId : undefined,
        documentName: c.documentName,
        article: c.article,
        text: c.text,
      })),
      responsibilities: v.responsibilities.map((r, i) => ({
        order: i + 1,
        name: r.name.trim(),
        content: r.content.trim(),
      })),
      accountabilityCases: v.accountabilityCases.map((c) => c.trim()),
      accountabilityBasis: (v.accountabilityBasis ?? '').trim(),
      remarks: (v.remarks ?? '').trim(),
      status: v.status,
      ...(power ? {} : { parentCode: v.kind === 'sub' ? (v.parentCode ?? null) : null }),
    };
    setSaving(true);
    try {
      const saved = power
        ? await listApi.updatePower(draft.id, power.id, input, version ?? power.version)
        : await listApi.addPower(draft.id, input);
      toast.success(power ? `已保存“${saved.name}”` : `已新增“${saved.name}”，权力编码 ${saved.code}`);
      if (saved.exclusionFlags?.length && !saved.exclusionOverride)
        toast.warning('该事项疑似第八条规定不列入清单的事项，请核实（见事项上方的提示）');
      onSaved();
    } catch (e) {
      if (isStaleSave(e)) setStale(e);
      else applyServerErrors(form, mapFields(e));
    } finally {
      setSaving(false);
    }
  }

  /** 刷新: take the current version (the page behind reloads); what the user typed stays in the form. */
  async function refresh() {
    const current = (await listApi.draft(draft.id)).powers.find((p) => p.id === power?.id);
    if (!current) throw new ApiError(404, 'NOT_FOUND', '该事项已被删除，请关闭后查看清单草稿');
    const kept = takeUntouched(form, valuesOf(current));
    setVersion(current.version);
    setStale(null);
    onRefreshed?.();
    toast.info(
      kept ? `已载入最新保存的内容；您改动过的${kept}个栏目保留您填写的内容，请核对后保存` : '已载入最新保存的内容',
    );
  }

  const isNew = !power;
  return (
    <Drawer
      title={isNew ? '新增行政职权' : `编辑行政职权 · ${power.name}`}
      open={open}
      onClose={onClose}
      size={920}
      destroyOnHidden
      maskClosable={false}
      extra={
        <Space>
          <Popconfirm title="放弃本次修改？" okText="放弃" cancelText="继续编辑" onConfirm={onClose}>
            <Button>取消</Button>
          </Popconfirm>
          <Button type="primary" loading={saving} onClick={save}>
            保存
          </Button>
        </Space>
      }
    >
      <StaleNotice error={stale} mode="merge" onRefresh={refresh} />
      {power && <PowerAlerts power={power} />}
      <Form form={form} layout="vertical" autoComplete="off" requiredMark>
        <div className="section-title">基本信息</div>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              label="权力编码"
              extra={
                isNew
                  ? '保存时按“区划代码-部门代码-类别-主项-子项”自动生成，生成后不可修改'
                  : '编码一经发放不可修改，职权删除或取消后编码不再使用'
              }
            >
              {isNew ? (
                <Typography.Text type="secondary">保存后自动生成</Typography.Text>
              ) : (
                <Typography.Text className="power-code" copyable data-testid="power-code">
                  {power.code}
                </Typography.Text>
              )}
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="kind" label="主项/子项">
              <Radio.Group
                disabled={!isNew}
                options={[
                  { value: 'main', label: '主项' },
                  { value: 'sub', label: '子项' },
                ]}
                optionType="button"
              />
            </Form.Item>
          </Col>
        </Row>
        {kind === 'sub' && (
          <Form.Item
            name="parentCode"
            label="所属主项"
            rules={[{ required: true, message: '请选择所属主项' }]}
            extra={isNew ? '子项的权力类别与主项一致' : undefined}
          >
            <Select
              disabled={!isNew}
              showSearch
              optionFilterProp="label"
              placeholder="选择本清单中的主项"
              options={mains.map((m) => ({ value: m.code, label: `${m.name}（${m.code}）` }))}
              onChange={(code: string) => form.setFieldValue('category', mains.find((m) => m.code === code)?.category)}
            />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label="行政职权名称"
          rules={[
            { required: true, whitespace: true, message: '请输入行政职权名称' },
            { max: 200, message: '行政职权名称不能超过200个字' },
          ]}
        >
          <Input placeholder="如：食品经营许可" maxLength={200} showCount />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="category"
              label="权力类别"
              rules={[{ required: true, message: '请选择权力类别' }]}
              extra={!isNew ? '类别已编入权力编码，不能修改；如有误请删除后重新添加' : undefined}
            >
              <Select
                placeholder="请选择权力类别"
                disabled={!isNew || kind === 'sub'}
                options={categories.map((c) => ({ value: c.code, label: `${c.label}（${c.code}）` }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="status" label="状态" rules={[{ required: true, message: '请选择状态' }]}>
              <Select options={POWER_STATUS_OPTIONS} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="responsibleSubject"
              label="责任主体"
              rules={[
                { required: true, whitespace: true, message: '请输入责任主体' },
                { max: 100, message: '责任主体不能超过100个字' },
              ]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="implementingAgency"
              label="实施机构"
              rules={[
                { required: true, whitespace: true, message: '请输入实施机构' },
                { max: 200, message: '实施机构不能超过200个字' },
              ]}
            >
              <Input maxLength={200} placeholder="如：包头市市场监督管理局（内设机构可注明）" />
            </Form.Item>
          </Col>
        </Row>

        <div className="section-title">法定依据</div>
        <Form.Item
          name="legalBases"
          rules={[
            {
              validator: async (_, v: Citation[]) => {
                if (!v?.length) throw new Error('请至少添加一项法定依据');
              },
            },
          ]}
          extra="每项依据从法律文件库中选择，并写明条款和条文内容（第七条）"
        >
          <LegalBasisField />
        </Form.Item>

        <div
          className="section-title"
          style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}
        >
          <span>责任事项</span>
          {category && RESPONSIBILITY_TEMPLATES[category] && (
            <Popconfirm
              title={`按“${catLabel(category)}”的通行模板填入责任事项和追责情形？`}
              description="将替换当前已填写的责任事项和追责情形"
              okText="填入"
              cancelText="取消"
              onConfirm={fillTemplate}
            >
              <Button size="small">按类别填入通行模板</Button>
            </Popconfirm>
          )}
        </div>
        <ResponsibilitiesField />

        <div className="section-title">追责情形</div>
        <CasesField />
        <Form.Item
          name="accountabilityBasis"
          label="追责依据"
          style={{ marginTop: 16 }}
          rules={[
            { required: true, whitespace: true, message: '请输入追责依据' },
            { max: 20000, message: '追责依据不能超过20000个字' },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 10 }}
            placeholder="如：《中华人民共和国行政许可法》第七十二条：……"
          />
        </Form.Item>

        <div className="section-title">其他</div>
        <Form.Item name="remarks" label="备注" rules={[{ max: 2000, message: '备注不能超过2000个字' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} showCount />
        </Form.Item>
        {category && (
          <Typography.Text type="secondary">
            权力类别：<Tag>{catLabel(category)}</Tag>
          </Typography.Text>
        )}
      </Form>
    </Drawer>
  );
}
