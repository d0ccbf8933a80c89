// One reconciliation's report: per body, every power missing on either side, every field that
// differs and every status that disagrees (the first 500 a body; the Excel file has them all).
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { COMPARED_FIELDS, DIFF_KIND_LABELS, DIFF_KINDS, type DiffKind } from '../../../contract/regional-platform.ts';
import { fmtTime } from '../../lib/format.ts';
import { PageSpin } from '../../lib/PageSpin.tsx';
import { useLoad } from '../../lib/useLoad.ts';
import { reportXlsxUrl, rpApi, type ReconciliationReport } from './rpApi.ts';

type Diff = ReconciliationReport['bodies'][number]['diffs'][number];
const KIND_COLORS: Record<DiffKind, string> = {
  missingThere: 'red',
  missingHere: 'orange',
  field: 'gold',
  status: 'purple',
};

export default function ReconciliationPage() {
  const id = Number(useParams().id);
  const res = useLoad(() => rpApi.report(id), [id]);
  const r = res.data;
  if (!r) return <PageSpin />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={1}>对账报告（{r.id}号）</Typography.Title>
      <Card
        size="small"
        extra={
          <Button icon={<DownloadOutlined />} href={reportXlsxUrl(r.id)}>
            下载报告（Excel）
          </Button>
        }
      >
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="范围">{r.bodyName ?? `${r.regionName}本级全部部门`}</Descriptions.Item>
          <Descriptions.Item label="导入文件">{r.fileName}</Descriptions.Item>
          <Descriptions.Item label="对账时间">{fmtTime(r.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="本平台事项">{r.ourCount}</Descriptions.Item>
          <Descriptions.Item label="自治区平台事项">{r.theirCount}</Descriptions.Item>
          <Descriptions.Item label="差异">
            <span data-testid="diff-count">{r.diffCount}</span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {r.diffCount === 0 && <Typography.Text type="success">两个平台一致，没有差异。</Typography.Text>}
      {r.bodies.map((b) => (
        <Card
          key={String(b.bodyId)}
          size="small"
          title={b.bodyName}
          extra={DIFF_KINDS.filter((k) => b.counts[k]).map((k) => (
            <Tag key={k} color={KIND_COLORS[k]}>
              {DIFF_KIND_LABELS[k]} {b.counts[k]}
            </Tag>
          ))}
        >
          <Table<Diff>
            rowKey={(d) => `${d.code}/${d.kind}/${d.field ?? ''}`}
            size="small"
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            dataSource={b.diffs}
            columns={[
              { title: '实施编码', dataIndex: 'code' },
              { title: '事项名称', dataIndex: 'name' },
              {
                title: '差异',
                dataIndex: 'kind',
                render: (k: DiffKind) => <Tag color={KIND_COLORS[k]}>{DIFF_KIND_LABELS[k]}</Tag>,
              },
              {
                title: '要素',
                dataIndex: 'field',
                render: (f: string | null) => (f ? ((COMPARED_FIELDS as Record<string, string>)[f] ?? f) : ''),
              },
              { title: '本平台', dataIndex: 'ours', render: (v: string | null) => v ?? '（无）' },
              { title: '自治区平台', dataIndex: 'theirs', render: (v: string | null) => v ?? '（无）' },
            ]}
          />
          {b.more > 0 && <Typography.Text type="secondary">另有{b.more}处差异，见 Excel 报告。</Typography.Text>}
        </Card>
      ))}
    </Space>
  );
}
