// A deadline as the regulation states it: the date, 剩余N个工作日 / 已逾期N个工作日 / 暂定 as the
// server reports them, and the article that sets it (its text on hover). Never computed here.
import { Space, Tag, Tooltip, Typography } from 'antd';
import type { Due, NextDue } from './model.ts';
import './adjustments.css';

interface Props {
  due: Due | null;
  workdaysLeft?: number | null;
  overdue?: boolean;
  /** the step is over: show when it was done and whether on time */
  doneOn?: string | null;
  onTime?: boolean | null;
  /** one line (tables) or two (cards) */
  compact?: boolean;
  /** the article when there is no due date (e.g. a step with no clock) */
  citation?: string;
}

/** 暂定: the year's notice is not entered yet; `notice` (from the server, exactNoticeFor) names it. */
export function Provisional({ notice }: { notice?: string | null }) {
  const which = notice ?? '该年度国务院办公厅部分节假日安排的通知';
  return (
    <Tooltip title={`${which}尚未录入，暂按法定节假日（《全国年节及纪念日放假办法》）和周末推算；录入该通知后自动更正`}>
      <Tag color="warning" style={{ marginInlineEnd: 0 }}>
        暂定
      </Tag>
    </Tooltip>
  );
}

export function LeftTag({ workdaysLeft, overdue }: { workdaysLeft: number | null | undefined; overdue?: boolean }) {
  if (workdaysLeft === null || workdaysLeft === undefined) return null;
  if (overdue || workdaysLeft < 0)
    return (
      <Tag color="error" style={{ marginInlineEnd: 0 }}>
        已逾期{Math.abs(workdaysLeft)}个工作日
      </Tag>
    );
  if (workdaysLeft === 0)
    return (
      <Tag color="error" style={{ marginInlineEnd: 0 }}>
        今日到期
      </Tag>
    );
  return (
    <Tag color={workdaysLeft <= 3 ? 'warning' : 'success'} style={{ marginInlineEnd: 0 }}>
      剩余{workdaysLeft}个工作日
    </Tag>
  );
}

export function Citation({ citation, text }: { citation: string; text?: string | null }) {
  const el = (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} className="due-citation">
      {citation}
    </Typography.Text>
  );
  return text ? <Tooltip title={text}>{el}</Tooltip> : el;
}

/** The deadline that matters next, as the server computed it for a list row (nextDue). */
export function NextDueText({ next }: { next: NextDue }) {
  return (
    <div className="due-text">
      <Space size={6} wrap>
        <span>{`${next.date} 前`}</span>
        {next.provisional && <Provisional notice={next.exactNotice} />}
        <LeftTag workdaysLeft={next.workdaysLeft} overdue={next.overdue} />
      </Space>
      <div>
        <Citation citation={next.citation} text={next.articleText} />
      </div>
    </div>
  );
}

export default function DueText({ due, workdaysLeft, overdue, doneOn, onTime, compact, citation }: Props) {
  if (!due) {
    if (doneOn) return <Typography.Text type="secondary">{doneOn} 已办理</Typography.Text>;
    return citation ? <Citation citation={citation} /> : <Typography.Text type="secondary">—</Typography.Text>;
  }
  const minimum = due.kind === 'minimumDuration';
  const head = (
    <Space size={6} wrap>
      <span>{minimum ? `最早于 ${due.date} 期满` : `${due.date} 前`}</span>
      {due.provisional && <Provisional notice={due.exactNotice} />}
      {doneOn ? (
        <Tag color={onTime === false ? 'error' : 'default'} style={{ marginInlineEnd: 0 }}>
          {doneOn} 办结{onTime === false ? '（超期）' : onTime ? '（按时）' : ''}
        </Tag>
      ) : (
        !minimum && <LeftTag workdaysLeft={workdaysLeft} overdue={overdue} />
      )}
    </Space>
  );
  const unit = due.unit === 'workday' ? '个工作日' : '日';
  const rule = minimum ? `不少于${due.amount}${unit}` : `${due.amount}${unit}内`;
  return (
    <div className="due-text">
      {head}
      {!compact && (
        <div>
          <Citation citation={`${due.citation}（${rule}）`} text={due.articleText} />
        </div>
      )}
      {compact && (
        <div>
          <Citation citation={due.citation} text={due.articleText} />
        </div>
      )}
    </div>
  );
}
