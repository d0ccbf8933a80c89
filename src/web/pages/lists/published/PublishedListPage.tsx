// A body's published list (spec §2): the current version, any version, or the list in force on a
// date; its duties; the version history (each version immutable, with its SM3 digest and what
// made it); and any two versions compared field by field. Never written here: changes to a
// published list come only through an approved adjustment (§13).
import { ArrowLeftOutlined, ExportOutlined, FileExcelOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Result,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../../../api.ts';
import { PageSpin } from '../../../lib/PageSpin.tsx';
import { fmtTime } from '../../../lib/format.ts';
import { useLoad } from '../../../lib/useLoad.ts';
import { routeByPath } from '../../../routes.tsx';
import { useActor } from '../../../session.tsx';
import { DutiesList } from '../draft/DutiesPanel.tsx';
import { SOURCE_LABEL } from '../labels.ts';
import { listApi, listExportUrl, type PowerFields, type VersionInfo } from '../listApi.ts';
import PowerDetailDrawer from '../PowerDetailDrawer.tsx';
import PowerTable from '../PowerTable.tsx';
import VersionCompare from './VersionCompare.tsx';
import '../lists.css';

export default function PublishedListPage() {
  const { bodyId: raw } = useParams();
  const bodyId = Number(raw);
  const navigate = useNavigate();
  const actor = useActor();
  const [at, setAt] = useState<{ version?: number; date?: string }>({});
  const [tab, setTab] = useState('powers');
  const [pair, setPair] = useState<{ from?: number; to?: number }>({});
  const [viewing, setViewing] = useState<PowerFields | null>(null);
  const body = useLoad(() => api.body(bodyId), [bodyId]);
  const versions = useLoad(() => listApi.versions(bodyId), [bodyId]);
  // a date before the first version has no list: an answer (null), not an error
  const list = useLoad(
    () =>
      listApi.list(bodyId, at).catch((e: unknown) => {
        if (at.date && e instanceof ApiError && e.status === 404) return null;
        throw e;
      }),
    [bodyId, at.version, at.date],
  );
  const rulebookId = list.data?.rulebookId;
  const rulebook = useLoad(
    () => (rulebookId ? listApi.rulebook(rulebookId) : Promise.resolve(undefined)),
    [rulebookId],
  );
  const categories = rulebook.data?.categories ?? [];
  const vs = versions.data ?? [];
  const latest = vs[0]?.version;
  const l = list.error ? undefined : (list.data ?? undefined);
  const own = actor.roles.some((g) => (g.role === 'clerk' || g.role === 'leadUnit') && g.bodyId === bodyId);

  if (versions.loading && !versions.data) return <PageSpin />;
  if (versions.data && vs.length === 0)
    return (
      <Result
        status="info"
        title={`${body.data?.name ?? '该机构'}尚未公布权责清单`}
        extra={<Button onClick={() => navigate('/lists')}>返回权责清单</Button>}
      />
    );

  const compare = (from: number, to: number) => {
    setPair({ from, to });
    setTab('compare');
  };

  const history = (
    <Table<VersionInfo>
      rowKey="version"
      size="middle"
      dataSource={vs}
      pagination={false}
      columns={[
        {
          title: '版本',
          dataIndex: 'version',
          width: 110,
          render: (v: number) => (
            <Space size={4}>
              第{v}版{v === latest && <Tag color="green">现行</Tag>}
            </Space>
          ),
        },
        { title: '公布时间', dataIndex: 'publishedAt', width: 170, render: fmtTime },
        { title: '施行日期', dataIndex: 'effectiveDate', width: 110 },
        { title: '事项数', dataIndex: 'powerCount', width: 80, align: 'right' },
        {
          title: '来源',
          key: 'src',
          width: 200,
          render: (_, v) => (
            <>
              {SOURCE_LABEL[v.source.type] ?? v.source.type}
              {v.source.id ? `（第${v.source.id}号）` : ''}
              {v.note && (
                <>
                  <br />
                  <Typography.Text type="secondary">{v.note}</Typography.Text>
                </>
              )}
            </>
          ),
        },
        {
          title: 'SM3 摘要',
          dataIndex: 'digest',
          render: (d: string) => (
            <Typography.Text className="digest" copyable={{ text: d }}>
              {d.slice(0, 16)}…
            </Typography.Text>
          ),
        },
        {
          title: '操作',
          key: 'op',
          width: 190,
          render: (_, v) => {
            const prev = vs.find((x) => x.version < v.version);
            return (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  onClick={() => {
                    setAt({ version: v.version });
                    setTab('powers');
                  }}
                >
                  查看清单
                </Button>
                {prev && (
                  <Button type="link" size="small" onClick={() => compare(prev.version, v.version)}>
                    与上一版对比
                  </Button>
                )}
              </Space>
            );
          },
        },
      ]}
    />
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/lists')} aria-label="返回" />
            <span>{l?.body.name ?? body.data?.name ?? '权责清单'} · 权责清单</span>
            {l && (
              <Tag color={l.version === latest ? 'green' : 'default'} data-testid="list-version">
                第{l.version}版{l.version === latest ? '（现行）' : ''}
              </Tag>
            )}
          </Space>
        }
        extra={
          <Space wrap>
            <Select
              style={{ width: 200 }}
              value={at.version ?? (at.date ? undefined : latest)}
              placeholder="按版本查看"
              aria-label="版本"
              options={vs.map((v) => ({
                value: v.version,
                label: `第${v.version}版${v.version === latest ? '（现行）' : ''}`,
              }))}
              onChange={(v: number) => setAt(v === latest ? {} : { version: v })}
            />
            <DatePicker
              style={{ width: 170 }}
              placeholder="按日期查看清单"
              value={at.date ? dayjs(at.date) : null}
              allowClear
              disabledDate={(d) => d.isAfter(dayjs().add(1, 'year'))}
              onChange={(d) => setAt(d ? { date: d.format('YYYY-MM-DD') } : {})}
            />
            {l && (
              <Button icon={<FileExcelOutlined />} href={listExportUrl(bodyId, l.version)} download>
                导出Excel
              </Button>
            )}
            <Button icon={<ExportOutlined />} href={`/bodies/${bodyId}`} target="_blank" rel="noopener">
              在门户网站查看
            </Button>
          </Space>
        }
      >
        {own && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title="已公布的权责清单不能直接修改"
            description="增加、取消、下放、委托、合并或修改职权，须通过动态调整程序办理，经审查、审定后公布新版本（第九条至第十三条）。"
            action={
              routeByPath('/adjustments') ? (
                <Button size="small" onClick={() => navigate('/adjustments')}>
                  办理动态调整
                </Button>
              ) : undefined
            }
          />
        )}
        {at.date && list.data === null && !list.loading && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={`${at.date} 尚无有效的权责清单（第${vs[vs.length - 1]?.version}版自 ${vs[vs.length - 1]?.effectiveDate} 起施行）`}
          />
        )}
        {at.date && l && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={`正在查看 ${at.date} 有效的清单：第${l.version}版（${l.effectiveDate} 起施行）`}
          />
        )}
        {l && (
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'pub', label: '公布时间', children: fmtTime(l.publishedAt) },
              { key: 'eff', label: '施行日期', children: l.effectiveDate },
              { key: 'n', label: '行政职权', children: `${l.powerCount} 项` },
              {
                key: 'src',
                label: '来源',
                children: `${SOURCE_LABEL[l.source.type] ?? l.source.type}${l.publishedByName ? `（${l.publishedByName}）` : ''}`,
              },
              { key: 'rb', label: '适用规则', span: 2, children: rulebook.data?.label ?? l.rulebookId },
              {
                key: 'dg',
                label: 'SM3 摘要',
                span: 3,
                children: (
                  <Typography.Text className="digest" copyable>
                    {l.digest}
                  </Typography.Text>
                ),
              },
            ]}
          />
        )}
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'powers',
              label: `职权目录（${l?.powers.length ?? 0}）`,
              children: (
                <PowerTable
                  powers={l?.powers ?? []}
                  categories={categories}
                  loading={list.loading}
                  onOpen={setViewing}
                />
              ),
            },
            {
              key: 'duties',
              label: `职责（${l?.duties.length ?? 0}）`,
              children: <DutiesList duties={l?.duties ?? []} />,
            },
            { key: 'versions', label: `版本历史（${vs.length}）`, children: history },
            {
              key: 'compare',
              label: '版本对比',
              children: (
                <VersionCompare
                  bodyId={bodyId}
                  versions={vs}
                  categories={categories}
                  from={pair.from ?? vs[1]?.version}
                  to={pair.to ?? vs[0]?.version}
                  onChange={(from, to) => setPair({ from, to })}
                />
              ),
            },
          ]}
        />
      </Card>
      <PowerDetailDrawer power={viewing} categories={categories} onClose={() => setViewing(null)} />
    </Space>
  );
}
