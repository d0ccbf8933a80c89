// One Apache ECharts chart with the table behind it (issue 12.5): the table is always in the page,
// so a screen reader reads the figures and the office can copy them; the chart is decoration
// (aria-hidden). Only the bar and pie charts and the components they use are imported.
import { Table } from 'antd';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartRow = Record<string, string | number>;
export interface ChartProps {
  title: string;
  kind: 'bar' | 'pie' | 'stacked';
  /** the column whose values label the categories */
  category: string;
  /** the columns charted as series (a pie takes the first) */
  series: { key: string; label: string }[];
  /** columns of the table, in order (category first) */
  columns: { key: string; label: string }[];
  rows: ChartRow[];
}

function optionOf(p: ChartProps): echarts.EChartsCoreOption {
  const cats = p.rows.map((r) => String(r[p.category]));
  if (p.kind === 'pie') {
    const s = p.series[0]!;
    return {
      tooltip: { trigger: 'item' },
      series: [
        { type: 'pie', radius: '65%', data: p.rows.map((r) => ({ name: String(r[p.category]), value: r[s.key] })) },
      ],
    };
  }
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: cats, axisLabel: { interval: 0, rotate: cats.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: p.series.map((s) => ({
      type: 'bar',
      name: s.label,
      stack: p.kind === 'stacked' ? 'all' : undefined,
      data: p.rows.map((r) => r[s.key]),
    })),
  };
}

export function Chart(p: ChartProps) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current);
    chart.setOption(optionOf(p));
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  });
  const empty = p.rows.length === 0;
  return (
    <figure className="dashboard-chart" aria-label={p.title} style={{ margin: 0 }}>
      <figcaption style={{ fontWeight: 600, marginBottom: 8 }}>{p.title}</figcaption>
      {!empty && <div ref={el} data-testid="echart" aria-hidden="true" style={{ height: 240 }} />}
      <Table
        size="small"
        pagination={false}
        rowKey={(_r, i) => String(i)}
        caption={`${p.title}（数据表）`}
        dataSource={p.rows}
        columns={p.columns.map((c) => ({ title: c.label, dataIndex: c.key }))}
        locale={{ emptyText: '本年度无数据' }}
      />
    </figure>
  );
}
