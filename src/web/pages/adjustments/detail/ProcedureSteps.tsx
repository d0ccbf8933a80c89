// 办理进度: every step of the application's procedure under its rulebook, who acts, and each
// step's due date with working days left (or overdue, or provisional) and its article.
import { Card, Steps, Tag, Typography } from 'antd';
import DueText, { Citation } from '../DueText.tsx';
import type { Adjustment } from '../model.ts';
import type { RulebookData } from '../rulebook.ts';

export default function ProcedureSteps({ a, rb }: { a: Adjustment; rb: RulebookData }) {
  const stopped = a.status === 'withdrawn' || a.status === 'rejected';
  const items = a.deadlines.map((d) => {
    const status =
      d.state === 'done' ? 'finish' : d.state === 'open' ? (d.overdue || stopped ? 'error' : 'process') : 'wait';
    return {
      key: d.step,
      status: status as 'finish' | 'process' | 'error' | 'wait',
      title: <span data-step={d.step}>{d.label}</span>,
      content: (
        <div style={{ paddingBottom: 6 }}>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              办理：{d.roles.map((r) => rb.roles[r]?.label ?? r).join('、')}
            </Typography.Text>
          </div>
          {d.state === 'open' && !stopped && (
            <Tag color="processing" style={{ marginBottom: 4 }}>
              办理中
            </Tag>
          )}
          {d.due || d.completedOn ? (
            <DueText
              due={d.due}
              workdaysLeft={d.workdaysLeft}
              overdue={d.overdue}
              doneOn={d.state === 'done' ? d.completedOn : null}
              onTime={d.onTime}
              compact
            />
          ) : (
            <Citation citation={d.citation} text={d.articleText} />
          )}
        </div>
      ),
    };
  });
  return (
    <Card
      title="办理进度"
      size="small"
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          第{a.round}轮
        </Typography.Text>
      }
    >
      <div data-testid="procedure">
        <Steps orientation="vertical" size="small" items={items} />
      </div>
    </Card>
  );
}
