// 导入本部门自有格式的清单 (issue 14.2): the wizard's mapping step and preview. The server reads
// the uploaded workbook and proposes what each column is (or the body's saved mapping of the same
// columns); the clerk corrects it, previews every row as it will be imported with its problems,
// and imports all or nothing (src/modules/exchange/README.md, “本部门自有格式”).
import { EyeOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import {
  MAPPING_TARGETS,
  MAPPING_TARGET_LABELS,
  type ForeignMapping,
  type InspectResult,
  type MappingTarget,
  type PreviewResult,
  type PreviewRow,
  type SavedMapping,
} from '../../../../contract/exchange-mapping.ts';
import type { ErrorDetail } from '../../../api.ts';
import { toast } from '../../../lib/feedback.ts';
import { ImportRefused, type ImportResult } from '../listApi.ts';
import { foreignApi } from './foreignApi.ts';

export type MappedOutcome =
  | { ok: true; result: ImportResult }
  | { ok: false; message: string; details: ErrorDetail[]; reportUrl: string | null };

interface Props {
  bodyId: number;
  file: File;
  mode: 'replace' | 'merge';
  csrfToken: string;
  onBack: () => void;
  onDone: (o: MappedOutcome) => void;
}

const colName = (n: number): string =>
  (n > 26 ? colName(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));
const targetOptions = MAPPING_TARGETS.map((t) => ({ value: t, label: MAPPING_TARGET_LABELS[t] }));

export default function MappingSteps({ bodyId, file, mode, csrfToken, onBack, onDone }: Props) {
  const [found, setFound] = useState<InspectResult | null>(null);
  const [mapping, setMapping] = useState<ForeignMapping | null>(null);
  const [preview, setPreview] = useState<PreviewResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [saveName, setSaveName] = useState('');
  const [saved, setSaved] = useState<SavedMapping[]>([]);

  async function inspect(sheet?: string) {
    setBusy(true);
    setFailure(null);
    try {
      const r = await foreignApi.inspect(bodyId, file, csrfToken, sheet);
      setFound(r);
      setMapping(r.mapping);
      if (r.saved) setSaveName(r.saved.name);
    } catch (e) {
      setFailure((e as Error).message || '文件无法读取');
    } finally {
      setBusy(false);
    }
  }
  // biome-ignore lint/correctness/useExhaustiveDependencies: read once per file
  useEffect(() => {
    void inspect();
    foreignApi.saved(bodyId).then(setSaved, () => setSaved([]));
  }, [file]);

  /** a saved mapping applied by column name (the sheet's columns may have moved or differ a little) */
  function apply(id: number) {
    const m = saved.find((x) => x.id === id);
    if (!m) return;
    const key = (h: string) => h.replace(/[\s\u3000*＊]/g, '');
    setMapping(
      (cur) =>
        cur && {
          ...cur,
          columns: cur.columns.map((c) => ({
            ...c,
            target: m.mapping.columns.find((x) => key(x.header) === key(c.header))?.target ?? c.target,
          })),
          defaults: { ...cur.defaults, ...m.mapping.defaults },
        },
    );
    setSaveName(m.name);
  }

  const setTarget = (index: number, target: MappingTarget) =>
    setMapping((m) => m && { ...m, columns: m.columns.map((c) => (c.index === index ? { ...c, target } : c)) });
  const setDefault = (k: keyof ForeignMapping['defaults'], v: string) =>
    setMapping((m) => m && { ...m, defaults: { ...m.defaults, [k]: v || undefined } });

  async function run(step: 'preview' | 'import') {
    if (!mapping) return;
    setBusy(true);
    setFailure(null);
    try {
      if (step === 'preview') setPreview(await foreignApi.preview(bodyId, file, mapping, mode, csrfToken));
      else onDone({ ok: true, result: await foreignApi.importMapped(bodyId, file, mapping, mode, csrfToken) });
    } catch (e) {
      if (step === 'import' && e instanceof ImportRefused && e.code === 'IMPORT_INVALID')
        onDone({ ok: false, message: e.message, details: e.details, reportUrl: e.reportUrl });
      else setFailure((e as Error).message || '请求失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  }

  async function save() {
    if (!mapping) return;
    try {
      await foreignApi.save(bodyId, saveName.trim(), mapping);
      toast.success(`已保存列映射“${saveName.trim()}”，下次导入同样格式的文件时自动套用`);
    } catch (e) {
      setFailure((e as Error).message);
    }
  }

  if (!found || !mapping)
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        {failure ? <Alert type="error" showIcon title={failure} /> : <Typography.Text>正在读取文件……</Typography.Text>}
        <Button onClick={onBack}>上一步</Button>
      </Space>
    );

  if (preview)
    return (
      <div data-testid="mapping-preview">
        {preview.result ? (
          <Alert
            type="success"
            showIcon
            title={`共 ${preview.result.rows} 项职权，没有发现问题（尚未导入）`}
            description={`新增 ${preview.result.changes.added} 项，修改 ${preview.result.changes.modified} 项，移出 ${preview.result.changes.removed} 项`}
          />
        ) : (
          <Alert
            type="error"
            showIcon
            title={`不能导入：${preview.message ?? ''}`}
            description="有问题的行已在下表标出；请在原文件中改正后重新上传，或返回修改列映射。"
            action={
              preview.reportUrl && (
                <Button size="small" href={preview.reportUrl} download>
                  下载错误报告
                </Button>
              )
            }
          />
        )}
        <Table<PreviewRow & { key: number }>
          style={{ marginTop: 12 }}
          size="small"
          bordered
          rowKey="key"
          dataSource={preview.rows.map((r, i) => ({ ...r, key: i }))}
          pagination={{
            pageSize: 8,
            hideOnSinglePage: true,
            showTotal: (t) => `共 ${t} 行${preview.truncated ? '（仅显示前面部分）' : ''}`,
          }}
          rowClassName={(r) => (r.problems.length ? 'import-row-problem' : '')}
          columns={[
            { title: '行号', dataIndex: 'row', width: 64, render: (r: number) => `第${r}行` },
            {
              title: '主项/子项',
              dataIndex: 'kind',
              width: 80,
              render: (k: string) => <Tag color={k === '主项' ? 'blue' : 'default'}>{k}</Tag>,
            },
            { title: '职权名称', dataIndex: 'name' },
            { title: '权力类别', dataIndex: 'category', width: 90 },
            {
              title: '法定依据',
              dataIndex: 'legalBases',
              render: (t: string) => (
                <Typography.Text ellipsis={{ tooltip: t }} style={{ maxWidth: 260 }}>
                  {t.split('\n')[0]}
                </Typography.Text>
              ),
            },
            { title: '责任事项', dataIndex: 'responsibilities', width: 76, render: (n: number) => `${n} 项` },
            {
              title: '问题',
              dataIndex: 'problems',
              render: (ps: string[]) =>
                ps.length
                  ? ps.map((p) => (
                      <Typography.Text key={p} type="danger" style={{ display: 'block' }}>
                        {p}
                      </Typography.Text>
                    ))
                  : '—',
            },
          ]}
        />
        <Space style={{ marginTop: 12 }}>
          <Button onClick={() => setPreview(null)}>返回修改列映射</Button>
          <Button type="primary" disabled={!preview.result} loading={busy} onClick={() => run('import')}>
            确认导入
          </Button>
        </Space>
        {failure && <Alert style={{ marginTop: 12 }} type="error" showIcon title={failure} />}
      </div>
    );

  const used = new Set(mapping.columns.map((c) => c.target));
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="mapping-step">
      {found.isTemplate && (
        <Alert
          type="warning"
          showIcon
          title="该文件含“职权信息表”工作表，是本平台的导入模板：请返回上一步，选择“本平台导入模板”导入。"
        />
      )}
      {found.saved && <Alert type="success" showIcon title={`已套用本部门保存的列映射“${found.saved.name}”`} />}
      <Space wrap>
        {saved.length > 0 && (
          <Select
            style={{ minWidth: 220 }}
            placeholder="套用已保存的列映射"
            value={null}
            options={saved.map((m) => ({ value: m.id, label: m.name }))}
            onChange={(id) => id !== null && apply(id)}
          />
        )}
        <span>工作表</span>
        <Select
          style={{ minWidth: 180 }}
          value={found.sheet}
          options={found.sheets.map((s) => ({ value: s, label: s }))}
          onChange={(s) => void inspect(s)}
        />
        <Typography.Text type="secondary">
          第{found.headerRow}行为列名
          {found.titleRows.length ? `；其上的标题行不导入：${found.titleRows.join('；')}` : ''}
          。合并单元格按所在区域填充，末尾的“注：”等说明行不导入。
        </Typography.Text>
      </Space>
      <Table
        size="small"
        bordered
        rowKey="index"
        pagination={false}
        dataSource={found.columns}
        columns={[
          { title: '列', dataIndex: 'index', width: 48, render: (i: number) => colName(i) },
          { title: '文件中的列名', dataIndex: 'header', width: 140 },
          {
            title: '示例',
            dataIndex: 'samples',
            render: (s: string[]) => (
              <Typography.Text type="secondary" ellipsis={{ tooltip: s.join(' / ') }} style={{ maxWidth: 300 }}>
                {s.join(' / ') || '—'}
              </Typography.Text>
            ),
          },
          {
            title: '对应为',
            width: 230,
            render: (_: unknown, c: { index: number; header: string }) => (
              <Select
                data-testid={`target-${c.header}`}
                style={{ width: '100%' }}
                virtual={false}
                value={mapping.columns.find((x) => x.index === c.index)?.target ?? 'ignore'}
                options={targetOptions}
                onChange={(t) => setTarget(c.index, t)}
              />
            ),
          },
        ]}
      />
      <Space wrap>
        {!used.has('responsibleSubject') && (
          <Input
            addonBefore="责任主体"
            value={mapping.defaults.responsibleSubject ?? ''}
            onChange={(e) => setDefault('responsibleSubject', e.target.value)}
          />
        )}
        {!used.has('implementingAgency') && (
          <Input
            addonBefore="实施机构"
            value={mapping.defaults.implementingAgency ?? ''}
            onChange={(e) => setDefault('implementingAgency', e.target.value)}
          />
        )}
        {!used.has('category') && (
          <Input
            addonBefore="权力类别（全表）"
            value={mapping.defaults.category ?? ''}
            onChange={(e) => setDefault('category', e.target.value)}
          />
        )}
      </Space>
      <Space.Compact>
        <Input
          placeholder="列映射名称，如“本局权责清单格式”"
          value={saveName}
          maxLength={60}
          onChange={(e) => setSaveName(e.target.value)}
        />
        <Button icon={<SaveOutlined />} disabled={!saveName.trim()} onClick={save}>
          保存列映射
        </Button>
      </Space.Compact>
      {failure && <Alert type="error" showIcon title={failure} />}
      <Space>
        <Button onClick={onBack}>上一步</Button>
        <Button type="primary" icon={<EyeOutlined />} loading={busy} onClick={() => run('preview')}>
          预览导入
        </Button>
      </Space>
    </Space>
  );
}
