// One function per endpoint of the delegation module (server: src/modules/delegation/delegation.routes.ts);
// the types are the contract's (src/contract/delegation.ts).
import { http } from '../../api.ts';
import type {
  AssessmentInput,
  Delegation,
  EntrustmentInput,
  HandoverItem,
  RelatedAnswer,
  RelatedRequest,
  SupervisionInput,
  TrainingInput,
} from '../../../contract/delegation.ts';

const base = (id: number) => `/api/adjustments/${id}/delegation`;

export const delegationApi = {
  get: (id: number) => http.get<Delegation>(base(id)),
  assess: (id: number, body: AssessmentInput) => http.put<Delegation>(`${base(id)}/assessment`, body),
  entrust: (id: number, body: EntrustmentInput) => http.put<Delegation>(`${base(id)}/entrustment`, body),
  nameRelated: (id: number, bodyIds: number[]) => http.post<Delegation>(`${base(id)}/related`, { bodyIds }),
  answer: (relatedId: number, body: { answer: RelatedAnswer; reason: string; ownApprovalMovesDown: boolean }) =>
    http.post<Delegation>(`/api/delegation/related/${relatedId}/answer`, body),
  waive: (relatedId: number, reason: string) =>
    http.post<Delegation>(`/api/delegation/related/${relatedId}/waive`, { reason }),
  requests: () => http.get<{ items: RelatedRequest[] }>('/api/delegation/requests'),
  train: (id: number, body: TrainingInput) => http.post<Delegation>(`${base(id)}/trainings`, body),
  plan: (id: number, handoverOn: string) => http.put<Delegation>(`${base(id)}/handover`, { handoverOn }),
  hand: (id: number, item: HandoverItem, body: { count: number | null; note: string }) =>
    http.post<Delegation>(`${base(id)}/handover/${item}/hand`, body),
  confirm: (id: number, item: HandoverItem) => http.post<Delegation>(`${base(id)}/handover/${item}/confirm`),
  // §13.3: 委托公告 (and 报备), the office's acknowledgement, supervision of the entrusted party
  announce: (id: number) => http.post<Delegation>(`${base(id)}/announcement`),
  acknowledge: (id: number, note: string) => http.post<Delegation>(`${base(id)}/announcement/acknowledge`, { note }),
  supervise: (id: number, body: SupervisionInput) => http.post<Delegation>(`${base(id)}/supervision`, body),
};
