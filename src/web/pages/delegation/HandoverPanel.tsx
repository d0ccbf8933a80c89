// §13.5: the handover on a set date (时间结点): 办理权限、信息数据、政策依据、办理卷宗, each handed over
// by the delegating body (with counts where they apply) and confirmed by the receiving body. Until
// the date the delegating body stays responsible; a missed date is shown and becomes a finding.
import { Alert, Button, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { COUNTED_ITEMS, type Delegation, type HandoverItem } from '../../../contract/delegation.ts';
import { ApiError } from '../../api.ts';
import { delegationApi } from './delegationApi.ts';

type Row = NonNullable<Delegation['handover']>['items'][number];

export default function HandoverPanel({
  id,
  d,
  onChanged,
}: {
  id: number;
  d: Delegation;
  onChanged: (d: Delegation) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [date, setDate] = useState('');
  const h = d.handover;
  const run = async (p: Promise<Delegation>) => {
    try {
      setError(null);
      onChanged(await p);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '操作失败');
    }
  };
  const hand = (r: Row) => {
    const v = { count: r.count as number | null, note: r.note };
    Modal.confirm({
      title: `移交：${r.label}`,
      content: (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {COUNTED_ITEMS.includes(r.item) && (
            <InputNumber min={0} placeholder="数量" aria-label="数量" onChange={(n) => (v.count = n ?? null)} />
          )}
          <Input.TextArea
            rows={2}
            placeholder="说明"
            defaultValue={r.note}
            onChange={(e) => (v.note = e.target.value)}
          />
        </Space>
      ),
      okText: '确认移交',
      cancelText: '取消',
      onOk: () => run(delegationApi.hand(id, r.item as HandoverItem, v)),
    });
  };
  return (
    <div data-testid="delegation-handover">
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Text strong>权力移交</Typography.Text>
        {h && <Tag>时间结点：{h.handoverOn}</Tag>}
        {h && <Tag color="blue">当前责任单位：{h.responsibleBodyName}</Tag>}
        {h?.complete && <Tag color="green">已整体移交</Tag>}
        {h?.missed && <Tag color="red">已过时间结点未完成移交</Tag>}
        {d.can.train && !h?.complete && (
          <>
            <Input
              type="date"
              value={date}
              onChange={(e) => setDate(e.target.value)}
              aria-label="移交时间结点"
              style={{ width: 160 }}
            />
            <Button size="small" disabled={!date} onClick={() => void run(delegationApi.plan(id, date))}>
              {h ? '修改时间结点' : '确定时间结点'}
            </Button>
          </>
        )}
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      {h && (
        <Table<Row>
          size="small"
          rowKey="item"
          pagination={false}
          dataSource={h.items}
          columns={[
            { title: '移交内容', dataIndex: 'label', width: 100 },
            { title: '数量', render: (_, r) => r.count ?? '—', width: 80 },
            { title: '说明', dataIndex: 'note' },
            {
              title: '放权部门移交',
              render: (_, r) => (r.handedBy ? `${r.handedBy} ${r.handedAt?.slice(0, 10)}` : '未移交'),
            },
            {
              title: '承接部门确认',
              render: (_, r) => (r.confirmedBy ? `${r.confirmedBy} ${r.confirmedAt?.slice(0, 10)}` : '未确认'),
            },
            {
              title: '',
              render: (_, r) => (
                <Space>
                  {d.can.hand && !r.confirmedBy && (
                    <Button size="small" onClick={() => hand(r)}>
                      移交
                    </Button>
                  )}
                  {d.can.confirm && r.handedBy && !r.confirmedBy && (
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => void run(delegationApi.confirm(id, r.item as HandoverItem))}
                    >
                      确认接收
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}
