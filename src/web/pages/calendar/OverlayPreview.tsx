// What a change of the calendar would do, shown before it is confirmed (issue 9.2): the year
// before and after, and every running deadline it moves (done steps never move).
import { Alert, Descriptions, Space, Table, Tag, Typography } from 'antd';
import type { MovedDeadline, OverlayPlan, YearState } from './calendarApi.ts';

const ORIGIN: Record<YearState['origin'], string> = {
  shipped: '内置数据',
  overlay: '管理员录入',
  none: '尚未录入（暂按法定节假日推算）',
};

function DueCell({ d }: { d: MovedDeadline['from'] }) {
  return (
    <Space size={4}>
      {d.date}
      {d.provisional && (
        <Tag color="warning" style={{ marginInlineEnd: 0 }}>
          暂定
        </Tag>
      )}
    </Space>
  );
}

function stateText(s: YearState) {
  if (s.origin === 'none') return ORIGIN.none;
  return `${ORIGIN[s.origin]}：放假${s.holidays.length}天，调休上班${s.makeupWorkdays.length}天${s.source ? `（${s.source}）` : ''}`;
}

export default function OverlayPreview({ plan }: { plan: OverlayPlan }) {
  return (
    <div data-testid="overlay-preview">
      <Descriptions
        size="small"
        column={1}
        bordered
        style={{ marginBottom: 12 }}
        items={[
          { key: 'before', label: '现行安排', children: stateText(plan.before) },
          { key: 'after', label: '确认后', children: stateText(plan.after) },
        ]}
      />
      {plan.moved.length === 0 ? (
        <Alert type="info" showIcon title="没有正在计算的期限会因此改变" />
      ) : (
        <>
          <Typography.Paragraph>
            确认后，以下 {plan.moved.length} 个未办结环节的期限将改变（已办结环节的期限和是否按期不受影响）：
          </Typography.Paragraph>
          <Table<MovedDeadline>
            size="small"
            rowKey={(m) => `${m.adjustmentId}-${m.step}`}
            dataSource={plan.moved}
            pagination={{ pageSize: 6, hideOnSinglePage: true }}
            columns={[
              {
                title: '调整申请',
                key: 'a',
                render: (_, m) => (
                  <>
                    {m.title}
                    <br />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {m.bodyName}
                    </Typography.Text>
                  </>
                ),
              },
              { title: '环节', dataIndex: 'label', width: 110 },
              { title: '原期限', key: 'from', width: 130, render: (_, m) => <DueCell d={m.from} /> },
              { title: '新期限', key: 'to', width: 130, render: (_, m) => <DueCell d={m.to} /> },
            ]}
          />
        </>
      )}
    </div>
  );
}
