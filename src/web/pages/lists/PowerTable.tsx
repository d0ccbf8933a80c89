// The 职权目录 as a table, for a draft and for a published list: filters by 权力类别, 状态 and a
// keyword (name, code, legal basis, implementing agency), 主项 with their 子项 below, paging.
// A draft's rows also show the §8 flags and the lapse warning; the caller adds the buttons.
import { ExclamationCircleFilled, SearchOutlined, WarningFilled } from '@ant-design/icons';
import {
  Button,
  Checkbox,
  Empty,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { POWER_STATUS, POWER_STATUS_OPTIONS, mainCodeOf } from './labels.ts';
import type { Category, DraftPower, PowerFields, PowerStatus } from './listApi.ts';

type Row = PowerFields & Partial<Pick<DraftPower, 'id' | 'exclusionFlags' | 'exclusionOverride' | 'lapse'>>;

interface Props<T extends Row> {
  powers: T[];
  categories: readonly Category[];
  loading?: boolean;
  onOpen: (p: T) => void;
  actions?: (p: T) => ReactNode;
  actionsWidth?: number;
  /** a draft: offer "只看疑似排除事项" */
  flags?: boolean;
  toolbar?: ReactNode;
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, '');

function matches(p: Row, q: string): boolean {
  if (!q) return true;
  const hay = [
    p.name,
    p.code,
    p.implementingAgency,
    p.responsibleSubject,
    ...p.legalBases.map((c) => `${c.documentName}${c.article}`),
  ].join('\n');
  return norm(hay).includes(norm(q));
}

export default function PowerTable<T extends Row>({
  powers,
  categories,
  loading,
  onOpen,
  actions,
  actionsWidth = 160,
  flags,
  toolbar,
}: Props<T>) {
  const [category, setCategory] = useState<string | undefined>();
  const [status, setStatus] = useState<PowerStatus | undefined>();
  const [q, setQ] = useState('');
  const [flagOnly, setFlagOnly] = useState(false);
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const catLabel = (code: string) => categories.find((c) => c.code === code)?.label ?? code;

  const rows = useMemo(
    () =>
      powers.filter(
        (p) =>
          (!category || p.category === category) &&
          (!status || p.status === status) &&
          matches(p, q.trim()) &&
          (!flagOnly || (p.exclusionFlags?.length ?? 0) > 0 || !!p.lapse),
      ),
    [powers, category, status, q, flagOnly],
  );
  const flagged = useMemo(
    () => powers.filter((p) => (p.exclusionFlags?.length ?? 0) > 0 && !p.exclusionOverride).length,
    [powers],
  );
  const filtered = !!(category || status || q.trim() || flagOnly);
  const set =
    <V,>(f: (v: V) => void) =>
    (v: V) => {
      f(v);
      setPage((p) => ({ ...p, current: 1 }));
    };

  const columns: TableColumnsType<T> = [
    {
      title: '序号',
      key: 'no',
      width: 64,
      align: 'center',
      render: (_, __, i) => (page.current - 1) * page.pageSize + i + 1,
    },
    {
      title: '权力编码',
      dataIndex: 'code',
      width: 200,
      render: (c: string) => <span className="power-code">{c}</span>,
    },
    {
      title: '行政职权名称',
      dataIndex: 'name',
      width: 300,
      render: (n: string, p) => {
        const sub = !!(p.parentCode ?? mainCodeOf(p.code));
        const open = (p.exclusionFlags?.length ?? 0) > 0;
        return (
          <div className={sub ? 'power-sub' : undefined}>
            <Space size={4} wrap>
              {sub && <Tag>子项</Tag>}
              <Typography.Link onClick={() => onOpen(p)}>{n}</Typography.Link>
              {open && (
                <Tooltip
                  title={
                    p.exclusionOverride
                      ? `疑似第八条排除事项，协调小组办公室已复核保留：${p.exclusionOverride.note}`
                      : p.exclusionFlags!.map((f) => f.reason).join('；')
                  }
                >
                  <Tag color={p.exclusionOverride ? 'default' : 'orange'} icon={<WarningFilled />}>
                    {p.exclusionOverride ? '已复核保留' : '疑似排除事项'}
                  </Tag>
                </Tooltip>
              )}
              {p.lapse && (
                <Tooltip
                  title={`临时性行政许可${p.lapse.documentName}${p.lapse.state === 'lapsed' ? '已于' : '将于'}${p.lapse.expiryDate}到期`}
                >
                  <Tag color={p.lapse.state === 'lapsed' ? 'red' : 'gold'} icon={<ExclamationCircleFilled />}>
                    {p.lapse.state === 'lapsed' ? '依据已到期' : '依据即将到期'}
                  </Tag>
                </Tooltip>
              )}
            </Space>
          </div>
        );
      },
    },
    {
      title: '权力类别',
      dataIndex: 'category',
      width: 100,
      render: (c: string) => <Tag color="blue">{catLabel(c)}</Tag>,
    },
    { title: '实施机构', dataIndex: 'implementingAgency', width: 170, ellipsis: true },
    {
      title: '法定依据',
      key: 'bases',
      width: 220,
      render: (_, p) =>
        p.legalBases.length === 0 ? (
          <Typography.Text type="danger">未填写</Typography.Text>
        ) : (
          <Tooltip
            title={p.legalBases.map((c) => `${c.documentName}${c.article}`).join('\n')}
            styles={{ root: { whiteSpace: 'pre-line' } }}
          >
            <Typography.Text ellipsis style={{ maxWidth: 210 }}>
              {p.legalBases[0].documentName}
              {p.legalBases[0].article}
              {p.legalBases.length > 1 ? ` 等${p.legalBases.length}项` : ''}
            </Typography.Text>
          </Tooltip>
        ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 80,
      render: (s: PowerStatus) => <Tag color={POWER_STATUS[s]?.color}>{POWER_STATUS[s]?.label ?? s}</Tag>,
    },
    ...(actions
      ? [
          {
            title: '操作',
            key: 'op',
            width: actionsWidth,
            fixed: 'right' as const,
            render: (_: unknown, p: T) => actions(p),
          },
        ]
      : []),
  ];

  return (
    <>
      <div className="page-toolbar">
        <Space wrap>
          <Select
            style={{ width: 160 }}
            allowClear
            placeholder="全部权力类别"
            value={category}
            onChange={set(setCategory)}
            aria-label="权力类别"
            options={categories.map((c) => ({ value: c.code, label: c.label }))}
          />
          <Select
            style={{ width: 120 }}
            allowClear
            placeholder="全部状态"
            value={status}
            onChange={set(setStatus)}
            options={POWER_STATUS_OPTIONS}
            aria-label="状态"
          />
          <Input
            style={{ width: 300 }}
            allowClear
            placeholder="名称、编码、法定依据或实施机构"
            prefix={<SearchOutlined />}
            maxLength={60}
            value={q}
            onChange={(e) => set(setQ)(e.target.value)}
            aria-label="关键词"
          />
          {flags && (
            <Checkbox checked={flagOnly} onChange={(e) => set(setFlagOnly)(e.target.checked)}>
              只看需核实事项{flagged > 0 && <Typography.Text type="warning">（{flagged}项待处理）</Typography.Text>}
            </Checkbox>
          )}
          {filtered && (
            <Button
              type="link"
              onClick={() => {
                setCategory(undefined);
                setStatus(undefined);
                setQ('');
                setFlagOnly(false);
                setPage((p) => ({ ...p, current: 1 }));
              }}
            >
              清除筛选
            </Button>
          )}
        </Space>
        {toolbar}
      </div>
      <Table<T>
        rowKey="code"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={loading}
        scroll={{ x: 1140 + (actions ? actionsWidth : 0) }}
        locale={{ emptyText: <Empty description={filtered ? '没有符合条件的行政职权' : '暂无行政职权'} /> }}
        pagination={{
          ...page,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showQuickJumper: true,
          showTotal: (t) => (filtered ? `筛选出 ${t} 项（共 ${powers.length} 项）` : `共 ${t} 项`),
          onChange: (current, pageSize) => setPage({ current, pageSize }),
        }}
      />
    </>
  );
}
