// Colours of the supervision states; the words come from the contract.
import type { FindingStatus, OrderStatus, ReprimandStatus } from '../../../contract/supervision.ts';

export const FINDING_STATUS_COLORS: Record<FindingStatus, string> = {
  open: 'orange',
  rectifying: 'blue',
  rectified: 'green',
  escalated: 'red',
  dismissed: 'default',
};
export const ORDER_STATUS_COLORS: Record<OrderStatus, string> = {
  issued: 'blue',
  reported: 'gold',
  accepted: 'green',
  rejected: 'red',
  missed: 'volcano',
};
export const REPRIMAND_STATUS_COLORS: Record<ReprimandStatus, string> = {
  draft: 'gold',
  approved: 'blue',
  published: 'green',
};
