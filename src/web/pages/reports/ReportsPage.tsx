// 年度报告 (§12: 协调小组办公室按年度向本级协调小组报告权责清单动态调整情况): a level's year —
// adjustments by kind and body, on-time rate per step, consultations, comments and dispositions —
// previewed here and downloaded as a Word document or a spreadsheet.
import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Select, Space, Spin, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { api, http } from '../../api.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { useActor } from '../../session.tsx';
import { reportUrl } from '../adjustments/adjApi.ts';

type Cell = string | number;
interface ReportSection {
  heading: string;
  paragraphs: string[];
  table?: { sheet: string; columns: string[]; rows: Cell[][]; total?: Cell[] };
}
interface YearlyReport {
  title: string;
  issuer: string;
  date: string;
  sections: ReportSection[];
}

export default function ReportsPage() {
  const actor = useActor();
  const scopes = useMemo(() => actor.roles.filter((g) => g.role === 'coordinator').map((g) => g.regionPath), [actor]);
  const regions = useLoad(() => api.regions());
  // an office reports on its own level; one above may read those below it
  const options = (regions.data ?? [])
    .filter((r) => r.level < 3 && scopes.some((s) => r.path === s || r.path.startsWith(`${s}/`)))
    .map((r) => ({ value: r.code, label: r.name }));
  const own = actor.roles.find((g) => g.role === 'coordinator')?.regionCode;
  const [region, setRegion] = useState<string | undefined>(own);
  const [year, setYear] = useState(dayjs().year());
  const report = useLoad(() => http.get<YearlyReport>('/api/reports/yearly', { year, region }), [year, region]);
  const years = Array.from({ length: 6 }, (_, i) => dayjs().year() + 1 - i);

  return (
    <Card
      title="年度权责清单动态调整情况报告"
      extra={
        <Space wrap>
          <Select
            style={{ width: 160 }}
            value={region}
            onChange={setRegion}
            options={options}
            loading={regions.loading}
            aria-label="区划"
          />
          <Select
            style={{ width: 110 }}
            value={year}
            onChange={setYear}
            options={years.map((y) => ({ value: y, label: `${y}年` }))}
            aria-label="年度"
          />
          <Button icon={<FileWordOutlined />} href={reportUrl('docx', year, region)} download>
            下载 Word
          </Button>
          <Button icon={<FileExcelOutlined />} href={reportUrl('xlsx', year, region)} download>
            下载 Excel
          </Button>
        </Space>
      }
    >
      {report.loading && !report.data ? (
        <Spin />
      ) : !report.data ? (
        <Empty description="无法生成报告" />
      ) : (
        <div className="report-preview" data-testid="report-preview">
          <Typography.Title level={1} style={{ fontSize: 20, textAlign: 'center' }}>
            {report.data.title}
          </Typography.Title>
          {report.data.sections.map((s) => (
            <div key={s.heading} style={{ marginBottom: 20 }}>
              <Typography.Title level={5}>{s.heading}</Typography.Title>
              {s.paragraphs.map((p) => (
                <Typography.Paragraph key={p} style={{ textIndent: '2em' }}>
                  {p}
                </Typography.Paragraph>
              ))}
              {s.table && (
                <Table
                  size="small"
                  bordered
                  pagination={false}
                  rowKey={(_, i) => String(i)}
                  scroll={{ x: 'max-content' }}
                  dataSource={[...s.table.rows, ...(s.table.total ? [s.table.total] : [])].map((r) =>
                    Object.fromEntries(r.map((c, i) => [String(i), c])),
                  )}
                  columns={s.table.columns.map((c, i) => ({
                    title: c,
                    dataIndex: String(i),
                    align: i === 0 ? 'left' : 'center',
                  }))}
                />
              )}
            </div>
          ))}
          <Typography.Paragraph style={{ textAlign: 'right' }}>
            {report.data.issuer}
            <br />
            {report.data.date}
          </Typography.Paragraph>
        </div>
      )}
    </Card>
  );
}
