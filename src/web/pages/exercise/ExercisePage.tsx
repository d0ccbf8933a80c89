// 行使记录比对 (§14 ¶1, §16 ¶2, §17; issue 12.4): the office uploads the 政务服务 or 执法 systems'
// case records (.xlsx sheet 行使记录 or .csv), sees each import's counts and the records that do not
// fit the list in force on their date, each linked to its supervision finding. A system
// administrator issues and revokes the sending systems' keys for the JSON API.
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Input, Select, Space, Table, Tabs, Tag, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  EXERCISE_CHANNEL_LABELS,
  EXERCISE_COLUMNS,
  EXERCISE_FLAG_LABELS,
  EXERCISE_FLAGS,
  EXERCISE_SHEET,
  type ExerciseFlag,
} from '../../../contract/exercise.ts';
import { ApiError, type ErrorDetail } from '../../api.ts';
import { showError, toast } from '../../lib/feedback.ts';
import { fmtTime } from '../../lib/format.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { useActor } from '../../session.tsx';
import { exerciseApi, type FlaggedList, type ImportView, type SourceView } from './exerciseApi.ts';

const FLAG_COLORS: Record<ExerciseFlag, string> = { notInList: 'orange', retired: 'red', wrongBody: 'purple' };

function UploadCard({ onDone }: { onDone: (i: ImportView) => void }) {
  const actor = useActor();
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<{ message: string; rows: ErrorDetail[] } | null>(null);
  return (
    <Card size="small" title="导入行使记录" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">
        Excel 文件的工作表名为“{EXERCISE_SHEET}”，CSV 文件为 UTF-8 或 GB18030 编码；第1行列名依次为：
        {EXERCISE_COLUMNS.map((c) => c.header).join('、')}。办理日期写作 YYYY-MM-DD。任何一行有误则整批不导入。
      </Typography.Paragraph>
      <Upload.Dragger
        accept=".xlsx,.csv"
        multiple={false}
        showUploadList={false}
        disabled={busy}
        customRequest={async ({ file }) => {
          setBusy(true);
          setRefused(null);
          try {
            const imp = await exerciseApi.upload(file as File, actor.csrfToken);
            toast.success(`已导入 ${imp.recordCount} 条，比对发现问题 ${imp.flaggedCount} 条`);
            onDone(imp);
          } catch (e) {
            if (e instanceof ApiError && e.code === 'IMPORT_INVALID')
              setRefused({ message: e.message, rows: e.details });
            else showError(e);
          } finally {
            setBusy(false);
          }
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{busy ? '正在导入并比对……' : '点击或拖入 .xlsx / .csv 文件'}</p>
      </Upload.Dragger>
      {refused && (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          message={refused.message}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {refused.rows.map((d) => {
                const line = `${d.row ? `第${d.row}行 ` : ''}${d.column ?? ''}：${d.message}`;
                return <li key={line}>{line}</li>;
              })}
            </ul>
          }
        />
      )}
    </Card>
  );
}

function ImportDetail({ imp }: { imp: ImportView }) {
  const [flag, setFlag] = useState<ExerciseFlag | undefined>();
  const [page, setPage] = useState(1);
  const list = useLoad(() => exerciseApi.records(imp.id, { flag, page }), [imp.id, flag, page]);
  const columns: TableColumnsType<FlaggedList['items'][number]> = [
    { title: '行号', dataIndex: 'rowNo', width: 70 },
    { title: '办件编号', render: (_, r) => r.caseRef ?? '—' },
    { title: '实施机构', dataIndex: 'bodyName' },
    { title: '职权', render: (_, r) => [r.powerCode, r.powerName].filter(Boolean).join(' ') },
    { title: '办理日期', dataIndex: 'exercisedOn', width: 110 },
    { title: '办理结果', dataIndex: 'outcome', width: 100 },
    {
      title: '比对结果',
      render: (_, r) => (
        <>
          <Tag color={FLAG_COLORS[r.flag]}>{EXERCISE_FLAG_LABELS[r.flag].label}</Tag>
          {r.flagBodyName && <div>清单所列机构：{r.flagBodyName}</div>}
          {r.listVersion ? <div>当日清单：第{r.listVersion}版</div> : <div>当日尚无公布的清单</div>}
        </>
      ),
    },
    {
      title: '督查发现',
      width: 100,
      render: (_, r) =>
        r.findingId ? <Link to={`/supervision/findings/${r.findingId}`}>第{r.findingId}号</Link> : '—',
    },
  ];
  return (
    <Card size="small" title={`导入批次 ${imp.id}：${imp.fileName ?? imp.sourceName ?? ''}`}>
      <Descriptions size="small" column={{ xs: 1, md: 4 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="记录">{imp.recordCount}</Descriptions.Item>
        <Descriptions.Item label="有问题">{imp.flaggedCount}</Descriptions.Item>
        <Descriptions.Item label="督查发现">{imp.findingCount}</Descriptions.Item>
        {EXERCISE_FLAGS.map((f) => (
          <Descriptions.Item key={f} label={EXERCISE_FLAG_LABELS[f].label}>
            {imp.byFlag[f]}
          </Descriptions.Item>
        ))}
      </Descriptions>
      <Select
        allowClear
        placeholder="全部问题"
        style={{ width: 320, marginBottom: 12 }}
        value={flag}
        onChange={(v) => {
          setFlag(v);
          setPage(1);
        }}
        options={EXERCISE_FLAGS.map((f) => ({ value: f, label: EXERCISE_FLAG_LABELS[f].label }))}
      />
      <Table
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        columns={columns}
        pagination={{
          current: page,
          pageSize: 50,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
      />
    </Card>
  );
}

function ImportsTab() {
  const list = useLoad(() => exerciseApi.imports());
  const [selected, setSelected] = useState<ImportView | null>(null);
  const columns: TableColumnsType<ImportView> = [
    { title: '批次', dataIndex: 'id', width: 70 },
    { title: '方式', render: (_, i) => EXERCISE_CHANNEL_LABELS[i.channel], width: 100 },
    { title: '文件或系统', render: (_, i) => i.fileName ?? i.sourceName ?? '—' },
    { title: '导入人', render: (_, i) => i.importedBy ?? '—', width: 110 },
    { title: '导入时间', render: (_, i) => fmtTime(i.importedAt), width: 170 },
    { title: '记录', dataIndex: 'recordCount', width: 80 },
    { title: '有问题', dataIndex: 'flaggedCount', width: 80 },
    {
      title: '',
      width: 80,
      render: (_, i) => (
        <Button type="link" onClick={() => setSelected(i)}>
          查看
        </Button>
      ),
    },
  ];
  return (
    <>
      <UploadCard
        onDone={(i) => {
          setSelected(i);
          void list.reload();
        }}
      />
      <Table rowKey="id" size="middle" loading={list.loading} dataSource={list.data?.items ?? []} columns={columns} />
      {selected && <ImportDetail imp={selected} />}
    </>
  );
}

function SourcesTab() {
  const list = useLoad(() => exerciseApi.sources());
  const [name, setName] = useState('');
  const [key, setKey] = useState<{ name: string; key: string } | null>(null);
  const columns: TableColumnsType<SourceView> = [
    { title: '报送系统', dataIndex: 'name' },
    { title: '密钥开头', dataIndex: 'keyHint', width: 120 },
    { title: '签发时间', render: (_, s) => fmtTime(s.createdAt), width: 170 },
    { title: '状态', width: 100, render: (_, s) => (s.revokedAt ? <Tag>已停用</Tag> : <Tag color="green">在用</Tag>) },
    {
      title: '',
      width: 90,
      render: (_, s) =>
        !s.revokedAt && (
          <Button
            danger
            type="link"
            onClick={async () => {
              try {
                await exerciseApi.revokeSource(s.id);
                void list.reload();
              } catch (e) {
                showError(e);
              }
            }}
          >
            停用
          </Button>
        ),
    },
  ];
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Input
          placeholder="系统名称，如 包头市一体化政务服务平台"
          style={{ width: 340 }}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <Button
          type="primary"
          disabled={!name.trim()}
          onClick={async () => {
            try {
              const s = await exerciseApi.createSource(name.trim());
              setKey({ name: s.name, key: s.key });
              setName('');
              void list.reload();
            } catch (e) {
              showError(e);
            }
          }}
        >
          签发密钥
        </Button>
      </Space>
      {key && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`“${key.name}”的密钥只显示这一次，请立即交给该系统的管理员`}
          description={<Typography.Text copyable>{key.key}</Typography.Text>}
        />
      )}
      <Typography.Paragraph type="secondary">
        报送系统以 POST /api/exercise/intake 推送 JSON（请求头 Authorization: Bearer 密钥），内容为{' '}
        {'{ records: [...] }'}。
      </Typography.Paragraph>
      <Table rowKey="id" size="middle" loading={list.loading} dataSource={list.data?.items ?? []} columns={columns} />
    </>
  );
}

export default function ExercisePage() {
  const actor = useActor();
  const items = [
    ...(actor.abilities.review ? [{ key: 'imports', label: '导入与比对', children: <ImportsTab /> }] : []),
    ...(actor.abilities.manageBodies ? [{ key: 'sources', label: '报送系统', children: <SourcesTab /> }] : []),
  ];
  return (
    <Card title="行使记录比对">
      <Tabs items={items} />
    </Card>
  );
}
