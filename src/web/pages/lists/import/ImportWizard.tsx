// 导入职权信息表: download the template → upload the filled workbook → either every problem
// (row, column, message) with the error report to download and nothing imported, or a summary
// of what was imported. All or nothing (src/modules/exchange/import.ts). A body's own layout
// (issue 14.2) goes through a mapping step and a preview instead (MappingSteps.tsx).
import { CloudUploadOutlined, DownloadOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Checkbox,
  Descriptions,
  Modal,
  Radio,
  Result,
  Space,
  Steps,
  Table,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useState } from 'react';
import type { ErrorDetail } from '../../../api.ts';
import { useActor } from '../../../session.tsx';
import { ImportRefused, TEMPLATE_URL, draftExportUrl, uploadImport, type ImportResult } from '../listApi.ts';
import MappingSteps from './MappingSteps.tsx';

interface Props {
  open: boolean;
  bodyId: number;
  bodyName: string;
  /** powers already in the body's draft (0 or no draft: nothing to replace) */
  existing: number;
  hasDraft: boolean;
  /** the draft's rulebook: the template's category drop-down follows it */
  rulebookId?: string;
  onClose: () => void;
  onImported: (r: ImportResult) => void;
}

type Outcome =
  | { ok: true; result: ImportResult }
  | { ok: false; message: string; details: ErrorDetail[]; reportUrl: string | null };

export default function ImportWizard({
  open,
  bodyId,
  bodyName,
  existing,
  hasDraft,
  rulebookId,
  onClose,
  onImported,
}: Props) {
  const actor = useActor();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<'replace' | 'merge'>('replace');
  const [dryRun, setDryRun] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  /** the file's layout: the platform's template, or the body's own (mapped column by column) */
  const [layout, setLayout] = useState<'template' | 'own'>('template');

  useEffect(() => {
    if (!open) return;
    setStep(0);
    setFile(null);
    setMode('replace');
    setDryRun(false);
    setFailure(null);
    setOutcome(null);
    setLayout('template');
  }, [open]);

  async function run() {
    if (!file) return;
    setBusy(true);
    setFailure(null);
    try {
      const result = await uploadImport(bodyId, file, { mode, dryRun, csrfToken: actor.csrfToken });
      setOutcome({ ok: true, result });
      setStep(2);
      if (!result.dryRun) onImported(result);
    } catch (e) {
      if (e instanceof ImportRefused && e.code === 'IMPORT_INVALID') {
        setOutcome({ ok: false, message: e.message, details: e.details, reportUrl: e.reportUrl });
        setStep(2);
      } else setFailure((e as Error).message || '导入失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  }

  const again = () => {
    setFile(null);
    setOutcome(null);
    setStep(1);
  };

  const footer =
    step === 0
      ? [
          <Button key="c" onClick={onClose}>
            取消
          </Button>,
          <Button key="n" type="primary" onClick={() => setStep(1)}>
            下一步：上传文件
          </Button>,
        ]
      : step === 1
        ? [
            <Button key="b" onClick={() => setStep(0)}>
              上一步
            </Button>,
            layout === 'own' ? (
              <Button key="map" type="primary" disabled={!file} onClick={() => setStep(3)}>
                下一步：对应列
              </Button>
            ) : (
              <Button
                key="go"
                type="primary"
                icon={<CloudUploadOutlined />}
                disabled={!file}
                loading={busy}
                onClick={run}
              >
                {dryRun ? '开始校验' : '开始导入'}
              </Button>
            ),
          ]
        : step === 3
          ? null
          : outcome?.ok
            ? [
                outcome.result.dryRun && (
                  <Button
                    key="r"
                    onClick={() => {
                      setDryRun(false);
                      setOutcome(null);
                      setStep(1);
                    }}
                  >
                    正式导入
                  </Button>
                ),
                <Button key="done" type="primary" onClick={onClose}>
                  完成
                </Button>,
              ]
            : [
                <Button key="close" onClick={onClose}>
                  关闭
                </Button>,
                <Button key="again" type="primary" onClick={again}>
                  改正后重新上传
                </Button>,
              ];

  return (
    <Modal
      title={`导入职权信息表 · ${bodyName}`}
      open={open}
      onCancel={busy ? undefined : onClose}
      width={960}
      footer={footer}
      destroyOnHidden
      maskClosable={false}
    >
      <Steps
        current={layout === 'own' ? (step === 3 ? 2 : step === 2 ? 3 : step) : step}
        size="small"
        style={{ margin: '8px 0 24px' }}
        items={[
          { title: '下载模板' },
          { title: '上传文件' },
          ...(layout === 'own' ? [{ title: '对应列与预览' }] : []),
          { title: outcome && !outcome.ok ? '错误报告' : '导入结果' },
        ]}
      />

      {step === 0 && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Alert
            type="info"
            showIcon
            title="填写说明"
            description={
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                <li>
                  只导入“职权信息表”工作表；第1行为列名，第2行为说明，从第3行起每行一项职权。“填写示例”“填写说明”两个工作表供参考。
                </li>
                <li>新增职权的“权力编码”留空，导入时自动编号；子项在“主项/子项”列填“子项”或所属主项的编码。</li>
                <li>法定依据每行一条：《文件名称》条款：条文，文件须在法律文件库中。</li>
                <li>任何一行有误则整个文件都不导入，并列出每个错误的行号、列名和说明。</li>
                <li>
                  本部门原有格式的清单（序号、权力分类、项目名称、子项、实施依据……，带标题行、合并单元格、表尾注释）不必重新填写：上传时选择“本部门自有格式”，逐列对应、预览后导入。
                </li>
              </ul>
            }
          />
          <Space wrap>
            <Button
              type="primary"
              icon={<DownloadOutlined />}
              href={rulebookId ? `${TEMPLATE_URL}?rulebook=${encodeURIComponent(rulebookId)}` : TEMPLATE_URL}
              download
            >
              下载导入模板
            </Button>
            {hasDraft && existing > 0 && (
              <Button icon={<FileExcelOutlined />} href={draftExportUrl(bodyId)} download>
                导出当前草稿（在此基础上修改）
              </Button>
            )}
          </Space>
        </Space>
      )}

      {step === 1 && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {existing > 0 && (
            <Radio.Group
              value={mode}
              onChange={(e) => setMode(e.target.value)}
              options={[
                { value: 'replace', label: `覆盖导入（以文件替换草稿中现有的${existing}项职权）` },
                { value: 'merge', label: '合并导入（按权力编码更新已有职权，追加新职权）' },
              ]}
            />
          )}
          <Radio.Group
            value={layout}
            onChange={(e) => setLayout(e.target.value)}
            options={[
              { value: 'template', label: '本平台导入模板' },
              { value: 'own', label: '本部门自有格式（逐列对应后导入）' },
            ]}
          />
          <Upload.Dragger
            accept=".xlsx"
            maxCount={1}
            multiple={false}
            fileList={file ? [{ uid: '1', name: file.name, status: 'done', size: file.size }] : []}
            beforeUpload={(f) => {
              setFile(f);
              setFailure(null);
              return false;
            }}
            onRemove={() => {
              setFile(null);
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或将填好的 .xlsx 文件拖到此处</p>
            <p className="ant-upload-hint">仅支持 Excel 2007 及以上格式（.xlsx），不超过 50 MB</p>
          </Upload.Dragger>
          {layout === 'template' && (
            <Checkbox checked={dryRun} onChange={(e) => setDryRun(e.target.checked)}>
              仅校验，不导入（检查文件中的全部问题）
            </Checkbox>
          )}
          {failure && <Alert type="error" showIcon title={failure} />}
        </Space>
      )}

      {step === 3 && file && (
        <MappingSteps
          bodyId={bodyId}
          file={file}
          mode={mode}
          csrfToken={actor.csrfToken}
          onBack={() => setStep(1)}
          onDone={(o) => {
            setOutcome(o);
            setStep(2);
            if (o.ok) onImported(o.result);
          }}
        />
      )}

      {step === 2 && outcome && !outcome.ok && (
        <div data-testid="import-errors">
          <Result
            status="error"
            style={{ padding: '8px 0 16px' }}
            title="未导入任何内容"
            subTitle={outcome.message}
            extra={
              outcome.reportUrl && (
                <Button icon={<DownloadOutlined />} href={outcome.reportUrl} download>
                  下载错误报告
                </Button>
              )
            }
          />
          <Table<ErrorDetail & { key: number }>
            size="small"
            bordered
            rowKey="key"
            dataSource={outcome.details.map((d, i) => ({ ...d, key: i }))}
            pagination={{ pageSize: 10, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 处错误` }}
            columns={[
              {
                title: '行号',
                dataIndex: 'row',
                width: 80,
                align: 'center',
                render: (r?: number) => (r ? `第${r}行` : '—'),
              },
              { title: '列名', dataIndex: 'column', width: 140, render: (c?: string) => c || '—' },
              {
                title: '错误说明',
                dataIndex: 'message',
                render: (m: string) => <Typography.Text type="danger">{m}</Typography.Text>,
              },
            ]}
          />
        </div>
      )}

      {step === 2 && outcome?.ok && (
        <div data-testid="import-result">
          <Result
            status={outcome.result.dryRun || outcome.result.noChange ? 'info' : 'success'}
            style={{ padding: '8px 0 16px' }}
            title={
              outcome.result.dryRun
                ? '校验通过，文件没有错误（尚未导入）'
                : outcome.result.noChange
                  ? `文件与清单草稿一致，没有变化（${outcome.result.rows} 项职权）`
                  : `导入成功：共导入 ${outcome.result.rows} 项职权`
            }
            subTitle={
              outcome.result.dryRun
                ? '点击“正式导入”将文件导入清单草稿'
                : `清单草稿现有 ${outcome.result.draftPowerCount} 项职权${outcome.result.draftCreated ? '（已新建清单草稿）' : ''}`
            }
          />
          <Descriptions
            bordered
            size="small"
            column={3}
            items={[
              { key: 'rows', label: '文件中的职权', children: `${outcome.result.rows} 项` },
              {
                key: 'chg',
                label: '与草稿相比',
                children: `新增 ${outcome.result.changes.added} 项，修改 ${outcome.result.changes.modified} 项，移出 ${outcome.result.changes.removed} 项，未变 ${outcome.result.changes.unchanged} 项`,
              },
              { key: 'ins', label: '新增', children: `${outcome.result.inserted} 项` },
              { key: 'upd', label: '更新', children: `${outcome.result.updated} 项` },
              { key: 'rm', label: '替换掉的原有职权', children: `${outcome.result.removed} 项` },
              { key: 'codes', label: '新发放权力编码', children: `${outcome.result.issuedCodes} 个` },
              { key: 'mode', label: '导入方式', children: outcome.result.mode === 'merge' ? '合并导入' : '覆盖导入' },
            ]}
          />
          {outcome.result.flagged > 0 && (
            <Alert
              style={{ marginTop: 16 }}
              type="warning"
              showIcon
              title={`有 ${outcome.result.flagged} 项疑似第八条规定不列入清单的事项`}
              description="请在清单中勾选“只看需核实事项”逐项核实：不应列入的请删除；确需保留的由协调小组办公室复核。"
            />
          )}
        </div>
      )}
    </Modal>
  );
}
