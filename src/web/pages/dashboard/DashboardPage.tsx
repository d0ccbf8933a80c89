// 监管看板 (issue 12.5) and 绩效考核 (§5, §16 ¶1) of one level: the city office chooses any level, a
// 旗县区 office sees its own. Every chart shows the table behind it; year and body filter everything.
import { Card, Col, Row, Select, Space, Spin, Tabs } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import type { Dashboard } from '../../../contract/assessment.ts';
import { api, http } from '../../api.ts';
import { filterByLabel } from '../../lib/options.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { useActor } from '../../session.tsx';
import { AssessmentTab, BodyScore } from './AssessmentTab.tsx';
import { Chart, type ChartRow } from './Chart.tsx';

const N = { key: 'n', label: '数量' };

function byMonth(d: Dashboard) {
  const kinds = [...new Set(d.applicationsByMonth.map((a) => a.kind))];
  const rows: ChartRow[] = [];
  for (let m = 1; m <= 12; m++) {
    const hits = d.applicationsByMonth.filter((a) => a.month === m);
    if (!hits.length) continue;
    rows.push({
      month: `${m}月`,
      ...Object.fromEntries(kinds.map((k) => [k, hits.find((h) => h.kind === k)?.n ?? 0])),
    });
  }
  const series = kinds.map((k) => ({ key: k, label: k }));
  return { rows, series, columns: [{ key: 'month', label: '月份' }, ...series] };
}

function Charts({ d }: { d: Dashboard }) {
  const months = byMonth(d);
  const steps = d.stepOnTime.map((s) => ({
    step: s.step,
    onTime: s.onTime,
    late: s.total - s.onTime,
    rate: s.total ? `${Math.round((1000 * s.onTime) / s.total) / 10}%` : '—',
  }));
  const cols = (c: string) => [{ key: 'label', label: c }, N];
  const charts = [
    { title: '调整申请（按月份、类型）', kind: 'stacked', category: 'month', ...months },
    {
      title: '调整申请（按机构）',
      kind: 'bar',
      category: 'bodyName',
      series: [{ key: 'n', label: '申请数' }],
      columns: [
        { key: 'bodyName', label: '机构' },
        { key: 'n', label: '申请数' },
      ],
      rows: d.applicationsByBody,
    },
    {
      title: '各环节按时办理情况',
      kind: 'stacked',
      category: 'step',
      series: [
        { key: 'onTime', label: '按时' },
        { key: 'late', label: '逾期' },
      ],
      columns: [
        { key: 'step', label: '环节' },
        { key: 'onTime', label: '按时' },
        { key: 'late', label: '逾期' },
        { key: 'rate', label: '按时率' },
      ],
      rows: steps,
    },
    {
      title: '待办与逾期事项（当前）',
      kind: 'bar',
      category: 'label',
      series: [N],
      columns: cols('事项'),
      rows: d.openItems,
    },
    {
      title: '公开征求意见与意见处理',
      kind: 'bar',
      category: 'label',
      series: [N],
      columns: cols('项目'),
      rows: d.consultations,
    },
    {
      title: '意见建议、投诉举报（按状态）',
      kind: 'pie',
      category: 'label',
      series: [N],
      columns: cols('状态'),
      rows: d.complaints,
    },
    {
      title: '督查发现与整改',
      kind: 'bar',
      category: 'label',
      series: [N],
      columns: cols('类别'),
      rows: d.supervision,
    },
    {
      title: '绩效考核得分（得分最低的10个机构，完整排名见“绩效考核”）',
      kind: 'bar',
      category: 'bodyName',
      series: [{ key: 'score', label: '得分' }],
      columns: [
        { key: 'bodyName', label: '机构' },
        { key: 'score', label: '得分' },
      ],
      rows: [...d.scores].sort((x, y) => x.score - y.score).slice(0, 10),
    },
  ] as const;
  return (
    <Row gutter={[16, 16]}>
      {charts.map((c) => (
        <Col key={c.title} xs={24} xl={12}>
          <Card size="small">
            <Chart {...(c as unknown as Parameters<typeof Chart>[0])} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** A body's own users (§16 ¶1: 纳入绩效考核) read their own score and its facts, nothing else. */
function OwnScores({ bodies }: { bodies: { id: number; name: string }[] }) {
  const [year, setYear] = useState(dayjs().year());
  const years = Array.from({ length: 6 }, (_, i) => dayjs().year() + 1 - i);
  return (
    <Card
      title="本机构绩效考核"
      extra={
        <Select
          style={{ width: 110 }}
          value={year}
          onChange={setYear}
          options={years.map((y) => ({ value: y, label: `${y}年` }))}
          aria-label="年度"
        />
      }
    >
      {bodies.map((b) => (
        <Card key={b.id} type="inner" title={b.name} style={{ marginBottom: 16 }}>
          <BodyScore id={b.id} year={year} />
        </Card>
      ))}
    </Card>
  );
}

export default function DashboardPage() {
  const actor = useActor();
  const own = [
    ...new Map(
      actor.roles
        .filter((g) => g.role === 'clerk' || g.role === 'leadUnit')
        .map((g) => [g.bodyId, { id: g.bodyId, name: g.bodyName }]),
    ).values(),
  ];
  return actor.roles.some((g) => g.role === 'coordinator') ? <OfficeDashboard /> : <OwnScores bodies={own} />;
}

function OfficeDashboard() {
  const actor = useActor();
  const scopes = useMemo(() => actor.roles.filter((g) => g.role === 'coordinator').map((g) => g.regionPath), [actor]);
  const regions = useLoad(() => api.regions());
  const levels = (regions.data ?? [])
    .filter((r) => r.level < 3 && scopes.some((s) => r.path === s || r.path.startsWith(`${s}/`)))
    .map((r) => ({ value: r.code, label: r.name }));
  const [level, setLevel] = useState(actor.roles.find((g) => g.role === 'coordinator')?.regionCode ?? '150200');
  const [year, setYear] = useState(dayjs().year());
  const [bodyId, setBodyId] = useState<number | undefined>();
  const data = useLoad(() => http.get<Dashboard>('/api/dashboard', { level, year, bodyId }), [level, year, bodyId]);
  const years = Array.from({ length: 6 }, (_, i) => dayjs().year() + 1 - i);
  const filters = (
    <Space wrap>
      <Select
        style={{ width: 160 }}
        value={level}
        onChange={(v) => {
          setLevel(v);
          setBodyId(undefined);
        }}
        options={levels}
        aria-label="层级"
      />
      <Select
        style={{ width: 110 }}
        value={year}
        onChange={setYear}
        options={years.map((y) => ({ value: y, label: `${y}年` }))}
        aria-label="年度"
      />
      <Select
        style={{ width: 240 }}
        allowClear
        showSearch={{ filterOption: filterByLabel }}
        placeholder="全部机构"
        value={bodyId}
        onChange={setBodyId}
        options={(data.data?.bodies ?? []).map((b) => ({ value: b.id, label: b.name }))}
        aria-label="机构"
      />
    </Space>
  );
  return (
    <Card title="监管看板" extra={filters}>
      <Tabs
        items={[
          {
            key: 'charts',
            label: '看板',
            children: data.loading && !data.data ? <Spin /> : data.data ? <Charts d={data.data} /> : null,
          },
          {
            key: 'assessment',
            label: '绩效考核',
            children: <AssessmentTab level={level} year={year} bodyId={bodyId} />,
          },
        ]}
      />
    </Card>
  );
}
