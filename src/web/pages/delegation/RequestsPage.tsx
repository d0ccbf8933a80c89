// §13.2 ¶2: the related bodies' side — the requests for an opinion on another body's 下放 or 委托,
// addressed to the bodies whose lead unit the user is. Each opens the delegation's record, where the
// assessment can be read and the opinion given (同意 / 有条件同意 / 不同意, 同级审批).
import { Button, Card, Drawer, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { RELATED_ANSWER_LABELS, type RelatedRequest } from '../../../contract/delegation.ts';
import { useLoad } from '../../lib/useLoad.ts';
import DelegationCard from './DelegationCard.tsx';
import { delegationApi } from './delegationApi.ts';

export default function RequestsPage() {
  const res = useLoad(() => delegationApi.requests(), []);
  const [open, setOpen] = useState<RelatedRequest | null>(null);
  return (
    <Card title="关联部门意见（第十三条第2项：同步征求关联部门意见）" data-testid="delegation-requests">
      <Table<RelatedRequest>
        rowKey="id"
        size="small"
        loading={res.loading}
        dataSource={res.data?.items ?? []}
        locale={{ emptyText: '暂无征求本部门意见的下放、委托事项' }}
        columns={[
          { title: '调整申请', dataIndex: 'title' },
          { title: '放权部门', dataIndex: 'delegatingBodyName' },
          { title: '征求部门', dataIndex: 'bodyName' },
          { title: '回复期限', dataIndex: 'dueOn', width: 110 },
          {
            title: '意见',
            render: (_, r) =>
              r.answer ? (
                <Tag color="green">{RELATED_ANSWER_LABELS[r.answer]}</Tag>
              ) : r.waived ? (
                <Tag>无需回复</Tag>
              ) : (
                <Tag color="orange">待回复</Tag>
              ),
          },
          {
            title: '',
            render: (_, r) => (
              <Button size="small" type={r.answer || r.waived ? 'default' : 'primary'} onClick={() => setOpen(r)}>
                {r.answer || r.waived ? '查看' : '查看并回复'}
              </Button>
            ),
          },
        ]}
      />
      <Drawer
        open={!!open}
        width={880}
        title={open && <Typography.Text>{open.title}</Typography.Text>}
        onClose={() => {
          setOpen(null);
          void res.reload();
        }}
        destroyOnHidden
      >
        {open && <DelegationCard id={open.adjustmentId} kind={open.kind} attachments={[]} />}
      </Drawer>
    </Card>
  );
}
