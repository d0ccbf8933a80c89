// The delivery log of one consumer (issue 14.3): every delivery with its status, and every attempt
// with the receiver's HTTP status or the error, so a failure and its retries can be read.
import { Drawer, Space, Table, Tag, Typography } from 'antd';
import { DELIVERY_STATUS_LABELS, WEBHOOK_EVENT_LABELS } from '../../../contract/open-data.ts';
import { fmtTime } from '../../lib/format.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { type Consumer, type Delivery, webhooksApi } from './webhooksApi.ts';

const COLOR = { pending: 'orange', sent: 'green', failed: 'red' } as const;

export function DeliveryLog({ consumer, onClose }: { consumer: Consumer; onClose: () => void }) {
  const log = useLoad(() => webhooksApi.deliveries(consumer.id), [consumer.id]);
  return (
    <Drawer open width={920} title={`投递记录：${consumer.name}`} onClose={onClose}>
      <Typography.Paragraph type="secondary">
        接收方未返回 2xx 时，按 1、5、30、120、720 分钟的间隔重试（由定时巡查执行），共尝试 6 次后放弃。
      </Typography.Paragraph>
      <Table<Delivery>
        rowKey="id"
        size="small"
        loading={log.loading}
        dataSource={log.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: '编号', dataIndex: 'id', width: 70 },
          {
            title: '事件',
            render: (_, d) => (
              <Space direction="vertical" size={0}>
                <span>{WEBHOOK_EVENT_LABELS[d.event as keyof typeof WEBHOOK_EVENT_LABELS] ?? d.event}</span>
                {d.publication && (
                  <Typography.Text type="secondary">
                    {d.publication.bodyName} 第 {d.publication.version} 版
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: '状态',
            width: 90,
            render: (_, d) => <Tag color={COLOR[d.status]}>{DELIVERY_STATUS_LABELS[d.status]}</Tag>,
          },
          { title: '尝试次数', dataIndex: 'attempts', width: 80 },
          { title: '最近应答', render: (_, d) => d.lastError ?? (d.lastStatus ? `HTTP ${d.lastStatus}` : '—') },
          { title: '下次尝试', width: 170, render: (_, d) => fmtTime(d.nextAttemptAt) },
          { title: '送达时间', width: 170, render: (_, d) => fmtTime(d.deliveredAt) },
        ]}
        expandable={{
          rowExpandable: (d) => d.tries.length > 0,
          expandedRowRender: (d) => (
            <Table
              rowKey="at"
              size="small"
              pagination={false}
              dataSource={d.tries}
              columns={[
                { title: '尝试时间', render: (_, x) => fmtTime(x.at) },
                { title: '应答', render: (_, x) => (x.statusCode ? `HTTP ${x.statusCode}` : '无应答') },
                { title: '错误', render: (_, x) => x.error ?? '—' },
                { title: '用时', render: (_, x) => `${x.durationMs} 毫秒` },
              ]}
            />
          ),
        }}
      />
    </Drawer>
  );
}
