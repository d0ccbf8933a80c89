// A year at a glance: twelve small months, holidays and make-up workdays marked, as the server's
// calendar has them (or, for a year without its notice, the statutory holidays it is counted on
// meanwhile and the notice that will make it exact).
import { Alert, Col, Row, Space, Spin, Tag, Tooltip } from 'antd';
import { useLoad } from '../../lib/useLoad.ts';
import { calendarApi, type DayInfo } from './calendarApi.ts';
import './calendar.css';

const WEEK = ['一', '二', '三', '四', '五', '六', '日'];
const CLASS: Record<DayInfo['kind'], string> = {
  workday: 'cal-work',
  weekend: 'cal-rest',
  holiday: 'cal-holiday',
  makeupWorkday: 'cal-makeup',
};
const WORDS: Record<DayInfo['kind'], string> = {
  workday: '工作日',
  weekend: '周末',
  holiday: '法定节假日',
  makeupWorkday: '调休上班',
};

function Month({ days, month }: { days: DayInfo[]; month: number }) {
  const lead = (new Date(`${days[0].date}T00:00:00`).getDay() + 6) % 7;
  return (
    <div className="cal-month">
      <div className="cal-month-title">{month}月</div>
      <div className="cal-grid">
        {WEEK.map((w) => (
          <div key={w} className="cal-head">
            {w}
          </div>
        ))}
        {Array.from({ length: lead }, (_, i) => (
          <div key={`e${i}`} />
        ))}
        {days.map((d) => (
          <Tooltip key={d.date} title={`${d.date} ${d.festival ? `${d.festival}（暂定）` : WORDS[d.kind]}`}>
            <div className={`cal-day ${CLASS[d.kind]}`}>{Number(d.date.slice(8))}</div>
          </Tooltip>
        ))}
      </div>
    </div>
  );
}

export default function YearGrid({ year }: { year: number }) {
  const res = useLoad(() => calendarApi.days(`${year}-01-01`, `${year}-12-31`), [year]);
  if (!res.data) return <Spin />;
  const byMonth = Array.from({ length: 12 }, (_, m) =>
    res.data!.days.filter((d) => Number(d.date.slice(5, 7)) === m + 1),
  );
  const known = res.data.days[0]?.known;
  const exactAfter = res.data.days[0]?.exactAfter;
  return (
    <>
      {!known && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="year-provisional"
          title={`${year}年节假日安排尚未录入：暂按《全国年节及纪念日放假办法》规定的法定节假日推算（不含调休），相关期限标注“暂定”`}
          description={exactAfter ? `待录入${exactAfter}后为准。` : undefined}
        />
      )}
      <Space style={{ marginBottom: 12 }} wrap>
        <span>全年工作日 {res.data.days.filter((d) => d.workday).length} 天</span>
        <Tag className="cal-holiday">法定节假日</Tag>
        <Tag className="cal-makeup">调休上班</Tag>
        <Tag className="cal-rest">周末</Tag>
      </Space>
      <Row gutter={[12, 12]}>
        {byMonth.map((days, m) => (
          <Col key={m} xs={12} md={8} xxl={6}>
            <Month days={days} month={m + 1} />
          </Col>
        ))}
      </Row>
    </>
  );
}
