// The buttons the signed-in actor may press now: exactly the server's `can` list (the UI never
// decides alone), in the order of the procedure, with the forward action first.
import { Alert, Button, Space, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ApiError } from '../../../api.ts';
import { actionLabel } from '../labels.ts';
import type { Ability, Adjustment } from '../model.ts';
import type { RulebookData } from '../rulebook.ts';
import ActionModal from './ActionModal.tsx';

const ORDER = ['start', 'complete', 'openConsultation', 'rebase', 'return', 'reject', 'withdraw', 'revoke'];

export default function ActionBar({
  a,
  rb,
  onChanged,
}: {
  a: Adjustment;
  rb: RulebookData;
  onChanged: (a: Adjustment) => void;
}) {
  const [pending, setPending] = useState<Ability | null>(null);
  const [refused, setRefused] = useState<ApiError | null>(null);
  useEffect(() => setRefused(null), [a.updatedAt]); // a saved change may have fixed it
  // 提交 is not offered on an application without any power to adjust (the server refuses it too)
  const empty = a.items.length === 0 && !(a as { dutyItems?: unknown[] }).dutyItems?.length;
  // 'edit' is the editor itself, not a button
  const offered = a.can
    .filter((c) => c.action !== 'edit')
    .sort((x, y) => ORDER.indexOf(x.action) - ORDER.indexOf(y.action));
  // a consultation is ended only once it has been opened: the server offers both; show the one that applies
  const shown = offered
    .filter((c) => !(c.step === 'consultation' && c.action === 'complete' && !a.consultation))
    // bringing it up to date only means something once another publication changed the base
    .filter(
      (c) =>
        c.action !== 'rebase' || a.stale.length > 0 || (a.baseVersion !== null && a.baseVersion !== a.currentVersion),
    )
    .filter((c) => !(empty && c.action === 'complete' && c.step === 'draft'));
  const draftHeld = empty && offered.some((c) => c.action === 'complete' && c.step === 'draft');
  if (!shown.length && !draftHeld) return null;
  return (
    <>
      <Space wrap data-testid="actions">
        {shown.map((c) => {
          const primary = c.action === 'complete' || c.action === 'openConsultation' || c.action === 'start';
          const danger =
            c.action === 'return' || c.action === 'reject' || c.action === 'withdraw' || c.action === 'revoke';
          const closesLater =
            c.step === 'consultation' &&
            c.action === 'complete' &&
            a.consultation &&
            a.today <= a.consultation.closesOn;
          const btn = (
            <Button
              key={`${c.action}:${c.step}`}
              type={primary ? 'primary' : 'default'}
              danger={danger}
              disabled={!!closesLater}
              onClick={() => setPending(c)}
            >
              {actionLabel(c.action, c.step)}
            </Button>
          );
          return closesLater ? (
            <Tooltip key={`${c.action}:${c.step}`} title={`征求意见期限至 ${a.consultation!.closesOn}，期满后方可结束`}>
              <span>{btn}</span>
            </Tooltip>
          ) : (
            btn
          );
        })}
        {draftHeld && (
          <Typography.Text type="secondary" data-testid="submit-held">
            填写“拟调整事项”后方可提交
          </Typography.Text>
        )}
      </Space>
      {refused && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setRefused(null)}
          style={{ marginTop: 8 }}
          data-testid="refused"
          title={refused.message}
          description={
            refused.details.length > 1 ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {refused.details.map((d, i) => (
                  <li key={i}>{d.message}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      <ActionModal
        a={a}
        rb={rb}
        ability={pending}
        onClose={() => setPending(null)}
        onDone={(n) => {
          setPending(null);
          setRefused(null);
          onChanged(n);
        }}
        onRefused={setRefused}
      />
    </>
  );
}
