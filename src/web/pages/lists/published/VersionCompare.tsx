// Any two versions of a body's list compared field by field (spec §2): powers added, removed
// and changed (each changed field with its old and new value), and the duties added or removed.
import { SwapOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Collapse, Empty, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useLoad } from '../../../lib/useLoad.ts';
import { FIELD_LABEL, pathLabel, POWER_STATUS, valueText } from '../labels.ts';
import { listApi, type Category, type FieldChange, type PowerFields, type VersionInfo } from '../listApi.ts';

interface Props {
  bodyId: number;
  versions: VersionInfo[];
  from?: number;
  to?: number;
  categories: readonly Category[];
  onChange: (from: number | undefined, to: number | undefined) => void;
}

function shown(c: FieldChange, v: unknown, categories: readonly Category[]): string {
  if (c.path === 'status' && typeof v === 'string') return POWER_STATUS[v as keyof typeof POWER_STATUS]?.label ?? v;
  if (c.path === 'category' && typeof v === 'string') return categories.find((x) => x.code === v)?.label ?? v;
  return valueText(v);
}

const kindOf = (c: FieldChange) => (c.before === undefined ? '新增' : c.after === undefined ? '删除' : '修改');

function PowerRows({ powers, categories }: { powers: PowerFields[]; categories: readonly Category[] }) {
  return (
    <Table<PowerFields>
      size="small"
      rowKey="code"
      pagination={powers.length > 10 ? { pageSize: 10 } : false}
      dataSource={powers}
      columns={[
        {
          title: '权力编码',
          dataIndex: 'code',
          width: 220,
          render: (c: string) => <span className="power-code">{c}</span>,
        },
        { title: '行政职权名称', dataIndex: 'name' },
        {
          title: '权力类别',
          dataIndex: 'category',
          width: 120,
          render: (c: string) => categories.find((x) => x.code === c)?.label ?? c,
        },
      ]}
    />
  );
}

export default function VersionCompare({ bodyId, versions, from, to, categories, onChange }: Props) {
  const ready = from !== undefined && to !== undefined && from !== to;
  const cmp = useLoad(
    () => (ready ? listApi.compare(bodyId, from!, to!) : Promise.resolve(undefined)),
    [bodyId, from, to],
  );
  const options = versions.map((v) => ({ value: v.version, label: `第${v.version}版（${v.effectiveDate} 施行）` }));
  const c = ready ? cmp.data : undefined;

  return (
    <div data-testid="version-compare">
      <Space wrap style={{ marginBottom: 16 }}>
        <span>对比</span>
        <Select
          style={{ width: 220 }}
          value={from}
          options={options}
          onChange={(v) => onChange(v, to)}
          placeholder="选择旧版本"
          aria-label="旧版本"
        />
        <SwapOutlined />
        <Select
          style={{ width: 220 }}
          value={to}
          options={options}
          onChange={(v) => onChange(from, v)}
          placeholder="选择新版本"
          aria-label="新版本"
        />
      </Space>
      {versions.length < 2 && <Empty description="只有一个版本，暂无可对比的版本" />}
      {versions.length >= 2 && !ready && <Alert type="info" showIcon title="请选择两个不同的版本进行对比" />}
      {c && (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col span={6}>
              <Card size="small">
                <Statistic title="新增职权" value={c.added.length} styles={{ content: { color: '#389e0d' } }} />
              </Card>
            </Col>
            <Col span={6}>
              <Card size="small">
                <Statistic title="删除职权" value={c.removed.length} styles={{ content: { color: '#cf1322' } }} />
              </Card>
            </Col>
            <Col span={6}>
              <Card size="small">
                <Statistic title="修改职权" value={c.changed.length} styles={{ content: { color: '#d46b08' } }} />
              </Card>
            </Col>
            <Col span={6}>
              <Card size="small">
                <Statistic title="未变化" value={c.unchangedCount} />
              </Card>
            </Col>
          </Row>
          {c.changed.length > 0 && (
            <>
              <div className="section-title">修改的职权（逐字段）</div>
              <Collapse
                defaultActiveKey={c.changed.slice(0, 3).map((x) => x.code)}
                items={c.changed.map((p) => ({
                  key: p.code,
                  label: (
                    <Space wrap>
                      <span className="power-code">{p.code}</span>
                      <Typography.Text strong>{p.nameAfter}</Typography.Text>
                      {p.nameBefore !== p.nameAfter && (
                        <Typography.Text type="secondary">（原名称：{p.nameBefore}）</Typography.Text>
                      )}
                      {[...new Set(p.changes.map((x) => x.field))].map((f) => (
                        <Tag key={f} color="orange">
                          {FIELD_LABEL[f] ?? f}
                        </Tag>
                      ))}
                    </Space>
                  ),
                  children: (
                    <Table<FieldChange & { key: number }>
                      size="small"
                      bordered
                      pagination={false}
                      dataSource={p.changes.map((x, i) => ({ ...x, key: i }))}
                      columns={[
                        {
                          title: '字段',
                          dataIndex: 'path',
                          width: 220,
                          render: (path: string, x) => (
                            <>
                              {pathLabel(path)}
                              <br />
                              <Typography.Text type="secondary">{kindOf(x)}</Typography.Text>
                            </>
                          ),
                        },
                        {
                          title: `第${c.from.version}版`,
                          key: 'before',
                          render: (_, x) => {
                            const t = shown(x, x.before, categories);
                            return t ? (
                              <span className="diff-before">{t}</span>
                            ) : (
                              <Typography.Text type="secondary">（无）</Typography.Text>
                            );
                          },
                        },
                        {
                          title: `第${c.to.version}版`,
                          key: 'after',
                          render: (_, x) => {
                            const t = shown(x, x.after, categories);
                            return t ? (
                              <span className="diff-after">{t}</span>
                            ) : (
                              <Typography.Text type="secondary">（无）</Typography.Text>
                            );
                          },
                        },
                      ]}
                    />
                  ),
                }))}
              />
            </>
          )}
          {c.added.length > 0 && (
            <>
              <div className="section-title">新增的职权</div>
              <PowerRows powers={c.added} categories={categories} />
            </>
          )}
          {c.removed.length > 0 && (
            <>
              <div className="section-title">删除的职权</div>
              <PowerRows powers={c.removed} categories={categories} />
            </>
          )}
          {(c.duties.added.length > 0 || c.duties.removed.length > 0) && (
            <>
              <div className="section-title">职责变化</div>
              {c.duties.added.map((d, i) => (
                <div key={`a${i}`}>
                  <Tag color="green">新增</Tag>
                  {d.name}
                </div>
              ))}
              {c.duties.removed.map((d, i) => (
                <div key={`r${i}`}>
                  <Tag color="red">删除</Tag>
                  {d.name}
                </div>
              ))}
            </>
          )}
          {c.changed.length + c.added.length + c.removed.length === 0 &&
            c.duties.added.length + c.duties.removed.length === 0 && <Empty description="两个版本的内容相同" />}
        </>
      )}
    </div>
  );
}
