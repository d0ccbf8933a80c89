// 自治区平台对账 (§13.1, §13.5): download our list in the exchange format, import the regional item
// platform's export and see what differs — a body's clerk or lead unit for their body, a
// coordination office for its whole level. The server decides who may; this page offers what the
// actor's roles suggest.
import { CloudUploadOutlined, DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Table, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { fmtTime } from '../../lib/format.ts';
import { showError, toast } from '../../lib/feedback.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { useActor } from '../../session.tsx';
import { bodyExportUrl, levelExportUrl, type Reconciliation, rpApi } from './rpApi.ts';

type Target = { key: string; label: string; bodyId?: number; region?: string };

export default function ReconciliationsPage() {
  const actor = useActor();
  const navigate = useNavigate();
  const targets = useMemo<Target[]>(() => {
    const out = new Map<string, Target>();
    for (const g of actor.roles) {
      if (g.role === 'coordinator')
        out.set(`r${g.regionCode}`, {
          key: `r${g.regionCode}`,
          label: `本级全部部门（${g.regionCode}）`,
          region: g.regionCode,
        });
      if (g.role === 'clerk' || g.role === 'leadUnit')
        out.set(`b${g.bodyId}`, { key: `b${g.bodyId}`, label: g.bodyName, bodyId: g.bodyId });
    }
    return [...out.values()];
  }, [actor]);
  const [key, setKey] = useState<string | undefined>(targets[0]?.key);
  const target = targets.find((t) => t.key === key);
  const list = useLoad(
    () => (target ? rpApi.list({ bodyId: target.bodyId, region: target.region }) : Promise.resolve({ items: [] })),
    [key],
  );
  const [busy, setBusy] = useState(false);

  async function upload(file: File) {
    if (!target) return;
    setBusy(true);
    try {
      const r = target.bodyId
        ? await rpApi.reconcileBody(target.bodyId, file)
        : await rpApi.reconcileLevel(target.region!, file);
      toast.success(`对账完成：差异${r.diffCount}处`);
      navigate(`/regional-platform/${r.id}`);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  }

  const url = (format: 'json' | 'xlsx') =>
    target?.bodyId ? bodyExportUrl(target.bodyId, format) : levelExportUrl(target?.region ?? '', format);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={1}>自治区事项管理平台对账</Typography.Title>
      <Typography.Paragraph type="secondary">
        第十三条第一项：放权部门在5个工作日内，通过自治区事项管理平台和全市权责清单管理平台调整本部门事项，确保各平台与实际情况一致。
        交换格式见 docs/REGIONAL-PLATFORM.md。
      </Typography.Paragraph>
      <Card size="small">
        <Space wrap>
          <Select
            style={{ minWidth: 280 }}
            value={key}
            onChange={setKey}
            options={targets.map((t) => ({ value: t.key, label: t.label }))}
            placeholder="对账范围"
            aria-label="对账范围"
          />
          <Button icon={<DownloadOutlined />} href={url('xlsx')} disabled={!target}>
            导出交换文件（Excel）
          </Button>
          <Button icon={<DownloadOutlined />} href={url('json')} disabled={!target}>
            导出交换文件（JSON）
          </Button>
          <Upload
            accept=".json,.xlsx"
            showUploadList={false}
            beforeUpload={(f) => {
              void upload(f);
              return false;
            }}
          >
            <Button type="primary" icon={<CloudUploadOutlined />} loading={busy} disabled={!target}>
              导入自治区平台导出文件并对账
            </Button>
          </Upload>
        </Space>
      </Card>
      <Table<Reconciliation>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        columns={[
          {
            title: '编号',
            dataIndex: 'id',
            render: (id: number) => <Link to={`/regional-platform/${id}`}>{id}号</Link>,
          },
          { title: '范围', render: (_, r) => r.bodyName ?? `${r.regionName}本级` },
          { title: '文件', dataIndex: 'fileName' },
          { title: '本平台', dataIndex: 'ourCount' },
          { title: '自治区平台', dataIndex: 'theirCount' },
          { title: '差异', dataIndex: 'diffCount' },
          { title: '对账时间', dataIndex: 'createdAt', render: (t: string) => fmtTime(t) },
          { title: '对账人', dataIndex: 'createdBy' },
        ]}
      />
    </Space>
  );
}
