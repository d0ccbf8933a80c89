// 办理记录: who did what, in which role, when, with the reason or opinion they gave.
import { Card, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { fmtTime } from '../../../lib/format.ts';
import { ROLE_LABELS } from '../../../labels.ts';
import { actionLabel, HISTORY_WORDS } from '../labels.ts';
import type { Adjustment, HistoryRecord } from '../model.ts';
import { stepLabel, type RulebookData } from '../rulebook.ts';

const COLORS: Record<string, string> = {
  return: 'red',
  reject: 'red',
  withdraw: 'gray',
  complete: 'green',
  openConsultation: 'blue',
  create: 'blue',
};

function details(r: HistoryRecord): string[] {
  // the record's data depends on its action (a jsonb payload): read only what each line names
  const d = (r.data ?? {}) as Record<string, unknown>;
  const out: string[] = [];
  if (typeof d.normativeDocumentNumber === 'string') out.push(`规范性文件文号：${d.normativeDocumentNumber}`);
  if (typeof d.opensOn === 'string' && r.action === 'openConsultation')
    out.push(`征求意见期限：${d.opensOn} 至 ${d.closesOn}`);
  if (typeof d.version === 'number')
    out.push(
      `公布为权责清单第${d.version}版${typeof d.receivingVersion === 'number' ? `，承接部门清单第${d.receivingVersion}版` : ''}`,
    );
  if (d.late === true) out.push('超过报送期限（迟报）');
  if (typeof d.fromVersion === 'number') out.push(`由第${d.fromVersion}版更新至第${d.toVersion}版`);
  return out;
}

export default function HistoryTimeline({ a, rb }: { a: Adjustment; rb: RulebookData }) {
  const items = [...a.history].reverse().map((r) => {
    const label = r.step ? stepLabel(rb, r.step) : '';
    const did =
      r.action === 'complete' && r.step ? actionLabel('complete', r.step) : (HISTORY_WORDS[r.action] ?? r.action);
    const what = !label || label === did ? did : `${label}：${did}`;
    return {
      key: r.id,
      color: COLORS[r.action] ?? 'gray',
      content: (
        <div>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {fmtTime(r.at)}
            </Typography.Text>
          </div>
          <Space size={6} wrap>
            <Typography.Text strong>{what}</Typography.Text>
            {r.round > 1 && <Tag>第{r.round}轮</Tag>}
            {r.onTime === false && <Tag color="error">超期办理</Tag>}
          </Space>
          <div>
            <Typography.Text type="secondary">
              {r.actorName ?? '系统'}
              {r.actorRole
                ? `（${ROLE_LABELS[r.actorRole as keyof typeof ROLE_LABELS] ?? (r.actorRole === 'receiver' ? '承接部门' : '')}）`
                : ''}
            </Typography.Text>
          </div>
          {r.reason && (
            <div className="history-reason">
              {r.action === 'complete' ? '意见：' : '理由：'}
              {r.reason}
            </div>
          )}
          {details(r).map((t) => (
            <div key={t}>
              <Typography.Text type="secondary">{t}</Typography.Text>
            </div>
          ))}
        </div>
      ),
    };
  });
  return (
    <Card title="办理记录" size="small">
      {items.length ? <Timeline items={items} /> : <Empty description="暂无办理记录" />}
    </Card>
  );
}
