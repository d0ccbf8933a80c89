// The draft's review trail: submissions, each office's pass or return (with its reasons), and
// the publication, oldest first.
import { Empty, Tag, Timeline, Typography } from 'antd';
import { fmtTime } from '../../../lib/format.ts';
import { REVIEW_DECISION, REVIEW_STEP } from '../labels.ts';
import type { DraftReview } from '../listApi.ts';

const color = (r: DraftReview) => (r.decision === 'return' ? 'red' : r.decision === 'pass' ? 'green' : 'blue');

export default function ReviewHistory({ reviews, createdAt }: { reviews: DraftReview[]; createdAt: string }) {
  if (reviews.length === 0) return <Empty description="尚未报送，暂无审查记录" />;
  return (
    <Timeline
      data-testid="review-history"
      items={[
        {
          color: 'gray',
          content: (
            <>
              <Typography.Text strong>创建清单草稿</Typography.Text>
              <br />
              <Typography.Text type="secondary">{fmtTime(createdAt)}</Typography.Text>
            </>
          ),
        },
        ...reviews.map((r, i) => ({
          key: i,
          color: color(r),
          content: (
            <>
              <Typography.Text strong>{REVIEW_STEP[r.step] ?? r.step}</Typography.Text>{' '}
              {r.step !== 'submit' && r.step !== 'publish' && (
                <Tag color={REVIEW_DECISION[r.decision].color}>{REVIEW_DECISION[r.decision].label}</Tag>
              )}
              <br />
              <Typography.Text type="secondary">
                {r.actorName} · {fmtTime(r.at)}
              </Typography.Text>
              {r.reason && (
                <div className="pre-wrap" style={{ marginTop: 4 }}>
                  <Typography.Text type={r.decision === 'return' ? 'danger' : undefined}>
                    {r.decision === 'return' ? '退回理由：' : r.step === 'publish' ? '公布说明：' : '意见：'}
                    {r.reason}
                  </Typography.Text>
                </div>
              )}
            </>
          ),
        })),
      ]}
    />
  );
}
