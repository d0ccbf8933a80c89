// The records of a 下放 or 委托 (§13.2–§13.5) on the application's page: the prior assessment, the
// related bodies' answers, training, the handover and the findings of the delegation watch.
import { Alert, Card, Divider } from 'antd';
import { FINDING_LABELS, type Delegation } from '../../../contract/delegation.ts';
import { useLoad } from '../../lib/useLoad.ts';
import AssessmentPanel from './AssessmentPanel.tsx';
import EntrustmentPanel from './EntrustmentPanel.tsx';
import EntrustmentPublicPanel from './EntrustmentPublicPanel.tsx';
import HandoverPanel from './HandoverPanel.tsx';
import { delegationApi } from './delegationApi.ts';
import RelatedPanel from './RelatedPanel.tsx';
import TrainingPanel from './TrainingPanel.tsx';

interface Props {
  id: number;
  kind: string;
  attachments: { id: number; filename: string }[];
}

export default function DelegationCard({ id, kind, attachments }: Props) {
  const res = useLoad(
    () => (kind === 'delegate' || kind === 'entrust' ? delegationApi.get(id) : Promise.resolve(null)),
    [id, kind],
  );
  const d = res.data;
  if (!d) return null;
  const set = (n: Delegation) => res.setData(n);
  return (
    <Card
      title={
        kind === 'delegate'
          ? '下放：事前评估、关联部门、培训与移交（第十三条）'
          : '委托：事前评估、关联部门、培训与移交（第十三条）'
      }
      size="small"
      data-testid="delegation"
    >
      {d.findings.map((f) => (
        <Alert
          key={f.id}
          type="warning"
          showIcon
          title={FINDING_LABELS[f.kind]}
          description={f.detail}
          style={{ marginBottom: 8 }}
        />
      ))}
      <AssessmentPanel id={id} d={d} attachments={attachments} onChanged={set} />
      {kind === 'entrust' && (
        <>
          <Divider />
          <EntrustmentPanel id={id} d={d} attachments={attachments} onChanged={set} />
          <Divider />
          <EntrustmentPublicPanel id={id} d={d} onChanged={set} />
        </>
      )}
      <Divider />
      <RelatedPanel id={id} d={d} onChanged={set} />
      <Divider />
      <TrainingPanel id={id} d={d} attachments={attachments} onChanged={set} />
      <Divider />
      <HandoverPanel id={id} d={d} onChanged={set} />
    </Card>
  );
}
