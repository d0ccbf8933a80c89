// 工作日历 (spec §5): the years with holiday data (shipped, or entered from the State Council's
// notice), a year at a glance, and a working-day calculator. A system administrator of the city
// enters a new year's notice, or corrects a shipped year, as an overlay with a reason (previewed,
// then confirmed, removable); until a year's notice is entered its deadlines are 暂定, counted on
// the statutory holidays of 《全国年节及纪念日放假办法》, and the page names the notice awaited.
import { CalendarOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, InputNumber, Row, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { showError } from '../../lib/feedback.ts';
import { fmtTime } from '../../lib/format.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { Provisional } from '../adjustments/DueText.tsx';
import { calendarApi, type YearRow } from './calendarApi.ts';
import YearGrid from './YearGrid.tsx';
import RemoveOverlayModal from './RemoveOverlayModal.tsx';
import YearEntryModal from './YearEntryModal.tsx';

function Calculator() {
  const [from, setFrom] = useState<Dayjs | null>(dayjs());
  const [n, setN] = useState<number | null>(15);
  const [out, setOut] = useState<{ date: string; provisional: boolean; exactAfter: string[] } | null>(null);
  async function run() {
    if (!from || n === null) return;
    try {
      setOut(await calendarApi.workdays(from.format('YYYY-MM-DD'), n));
    } catch (e) {
      showError(e);
    }
  }
  return (
    <Card title="工作日计算" size="small">
      <Space wrap>
        <span>自</span>
        <DatePicker
          value={from}
          onChange={(d) => {
            setFrom(d);
            setOut(null);
          }}
          allowClear={false}
        />
        <span>起第</span>
        <InputNumber
          min={1}
          max={2500}
          value={n}
          onChange={(v) => {
            setN(v);
            setOut(null);
          }}
          style={{ width: 90 }}
        />
        <span>个工作日</span>
        <Button type="primary" onClick={run}>
          计算
        </Button>
      </Space>
      {out && (
        <div style={{ marginTop: 12 }} data-testid="workday-result">
          <Space>
            <Typography.Text strong>{out.date}</Typography.Text>
            {out.provisional && <Provisional />}
          </Space>
        </div>
      )}
      {out?.provisional && out.exactAfter.length > 0 && (
        <Typography.Paragraph
          type="warning"
          style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}
          data-testid="workday-exact-after"
        >
          已扣除法定节假日，尚未计入调休安排；待录入{out.exactAfter.join('、')}后为准。
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
        起算日当日不计入，期限为第N个工作日当日结束；工作日不含周末和法定节假日，含调休上班日。
      </Typography.Paragraph>
    </Card>
  );
}

export default function CalendarPage() {
  const years = useLoad(() => calendarApi.years());
  const [shown, setShown] = useState(dayjs().year());
  const [editing, setEditing] = useState<{ row?: YearRow } | null>(null);
  const [removing, setRemoving] = useState<YearRow | null>(null);
  const rows = useMemo(() => [...(years.data?.years ?? [])].reverse(), [years.data]);
  const known = new Set(rows.map((r) => r.year));
  const nextMissing = (() => {
    let y = Math.max(dayjs().year(), ...known);
    while (known.has(y)) y++;
    return y;
  })();

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <CalendarOutlined />
            工作日历
          </Space>
        }
        extra={
          years.data?.canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
              录入年度节假日安排
            </Button>
          )
        }
      >
        {!known.has(nextMissing - 1) || !known.has(dayjs().year() + 1) ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={`${nextMissing}年的节假日安排尚未录入`}
            description={`期限落在未录入年度的，暂按《全国年节及纪念日放假办法》规定的法定节假日推算（不含调休），并标注“暂定”；待录入《国务院办公厅关于${nextMissing}年部分节假日安排的通知》后为准，请在通知发布后及时录入。`}
          />
        ) : null}
        <Table<YearRow>
          rowKey="year"
          size="small"
          dataSource={rows}
          loading={years.loading}
          pagination={{ defaultPageSize: 8, hideOnSinglePage: true }}
          columns={[
            { title: '年度', dataIndex: 'year', width: 90 },
            {
              title: '依据',
              dataIndex: 'source',
              render: (src: string, r) =>
                r.entered && r.reason ? (
                  <>
                    {src}
                    <br />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      理由：{r.reason}
                    </Typography.Text>
                  </>
                ) : (
                  src
                ),
            },
            {
              title: '来源',
              key: 'origin',
              width: 120,
              render: (_, r) =>
                r.entered ? (
                  r.shipped ? (
                    <Tag color="orange">已更正内置数据</Tag>
                  ) : (
                    <Tag color="blue">管理员录入</Tag>
                  )
                ) : (
                  <Tag>内置数据</Tag>
                ),
            },
            {
              title: '录入',
              key: 'by',
              width: 200,
              render: (_, r) => (r.entered ? `${r.enteredByName ?? ''} ${fmtTime(r.enteredAt)}` : '—'),
            },
            {
              title: '操作',
              key: 'op',
              width: 180,
              render: (_, r) => (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setShown(r.year)}>
                    查看
                  </Button>
                  {years.data?.canEdit && (
                    <Button type="link" size="small" onClick={() => setEditing({ row: r })}>
                      更正
                    </Button>
                  )}
                  {years.data?.canEdit && r.entered && (
                    <Button type="link" size="small" danger onClick={() => setRemoving(r)}>
                      撤销
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card
            size="small"
            title={`${shown}年工作日安排`}
            extra={
              <Select
                value={shown}
                style={{ width: 110 }}
                onChange={setShown}
                aria-label="选择年度"
                options={[...new Set([...known, nextMissing, dayjs().year()])]
                  .sort((a, b) => b - a)
                  .map((y) => ({ value: y, label: `${y}年` }))}
              />
            }
          >
            <YearGrid year={shown} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Calculator />
        </Col>
      </Row>
      <YearEntryModal
        open={!!editing}
        initial={editing?.row}
        suggestedYear={nextMissing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void years.reload();
        }}
      />
      <RemoveOverlayModal
        row={removing}
        onClose={() => setRemoving(null)}
        onDone={() => {
          setRemoving(null);
          void years.reload();
        }}
      />
    </Space>
  );
}
