// One function per endpoint of the supervision module (server: src/modules/supervision/*.routes.ts);
// the types are the contract's (src/contract/supervision.ts).
import { api, ApiError, http, withQuery } from '../../api.ts';
import type {
  EvidenceView,
  FindingDetailView,
  FindingKind,
  FindingStatus,
  FindingView,
  LeadUnitView,
  OrderStatus,
  OrderView,
  ReprimandView,
} from '../../../contract/supervision.ts';

export const supervisionApi = {
  findings: (q: { status?: FindingStatus; kind?: FindingKind; bodyId?: number } = {}) =>
    http.get<{ items: FindingView[] }>('/api/supervision/findings', q),
  finding: (id: number) => http.get<FindingDetailView>(`/api/supervision/findings/${id}`),
  open: (body: { bodyId: number; kind: FindingKind; description: string; powerCode?: string; factDate?: string }) =>
    http.post<FindingDetailView>('/api/supervision/findings', body),
  dismiss: (id: number, reason: string) =>
    http.post<FindingDetailView>(`/api/supervision/findings/${id}/dismiss`, { reason }),
  issueOrder: (id: number, requirement: string) =>
    http.post<FindingDetailView>(`/api/supervision/findings/${id}/orders`, { requirement }),
  orders: (status?: OrderStatus) => http.get<{ items: OrderView[] }>('/api/supervision/orders', { status }),
  report: (orderId: number, text: string) =>
    http.post<OrderView>(`/api/supervision/orders/${orderId}/report`, { text }),
  decide: (orderId: number, decision: 'accept' | 'reject', note: string) =>
    http.post<OrderView>(`/api/supervision/orders/${orderId}/decision`, { decision, note }),
  evidenceUrl: (orderId: number, fileId: number) => `/api/supervision/orders/${orderId}/evidence/${fileId}`,
  upload: uploadEvidence,
  draftReprimand: (findingId: number, body: { title: string; text: string }) =>
    http.post<FindingDetailView>(`/api/supervision/findings/${findingId}/reprimand`, body),
  reprimands: () => http.get<{ items: ReprimandView[] }>('/api/supervision/reprimands'),
  approveReprimand: (id: number) => http.post<ReprimandView>(`/api/supervision/reprimands/${id}/approve`),
  publishReprimand: (id: number) => http.post<ReprimandView>(`/api/supervision/reprimands/${id}/publish`),
  leadUnits: () => http.get<{ items: LeadUnitView[] }>('/api/supervision/lead-units'),
  designate: (bodyId: number, body: { unitName: string; contactPerson?: string }) =>
    http.put<{ ok: true }>(`/api/supervision/lead-units/${bodyId}`, body),
  checkLeadUnits: () => http.post<{ checked: number; opened: number }>('/api/supervision/lead-units/check'),
};

/** Evidence goes as the raw file body (the server checks its content); the CSRF token is read fresh. */
async function uploadEvidence(orderId: number, file: File): Promise<EvidenceView> {
  const { csrfToken } = await api.session();
  let res: Response;
  try {
    res = await fetch(withQuery(`/api/supervision/orders/${orderId}/evidence`, { filename: file.name }), {
      method: 'POST',
      credentials: 'same-origin',
      body: file,
      headers: {
        accept: 'application/json',
        'content-type': file.type || 'application/octet-stream',
        'x-csrf-token': csrfToken,
      },
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  const data = await res.json().catch(() => undefined);
  if (res.ok) return data as EvidenceView;
  const e = (data as { error?: { code?: string; message?: string } } | undefined)?.error;
  throw new ApiError(res.status, e?.code ?? `HTTP_${res.status}`, e?.message ?? `上传失败（${res.status}）`);
}
