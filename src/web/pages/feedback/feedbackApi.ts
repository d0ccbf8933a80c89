// One function per endpoint of the feedback module (server: src/modules/feedback/feedback.routes.ts);
// the types are the contract's (src/contract/feedback.ts).
import { http } from '../../api.ts';
import type {
  FeedbackDetail,
  FeedbackKind,
  FeedbackListItem,
  FeedbackOutcome,
  FeedbackStatus,
  IntakeInput,
} from '../../../contract/feedback.ts';

type Ok = { ok: true };

export const feedbackApi = {
  list: (q: { status?: FeedbackStatus; kind?: FeedbackKind } = {}) => http.get<FeedbackListItem[]>('/api/feedback', q),
  get: (id: number) => http.get<FeedbackDetail>(`/api/feedback/${id}`),
  intake: (body: IntakeInput) => http.post<{ id: number; receiptCode: string }>('/api/feedback', body),
  moderate: (id: number, decision: 'accept' | 'reject', reason?: string) =>
    http.post<Ok>(`/api/feedback/${id}/moderate`, { decision, reason }),
  assign: (id: number, handlerId: number) => http.post<Ok>(`/api/feedback/${id}/assign`, { handlerId }),
  answer: (id: number, body: { outcome: FeedbackOutcome; reasoning: string; answer: string; findingKind?: string }) =>
    http.post<Ok>(`/api/feedback/${id}/answer`, body),
  merge: (id: number, intoId: number, reason: string) => http.post<Ok>(`/api/feedback/${id}/merge`, { intoId, reason }),
  contact: (id: number) => http.get<{ name: string | null; contact: string | null }>(`/api/feedback/${id}/contact`),
  openAdjustment: (id: number, kind: 'modify' | 'cancel') =>
    http.post<{ adjustmentId: number }>(`/api/feedback/${id}/adjustment`, { kind }),
  attachmentUrl: (id: number, fileId: number) => `/api/feedback/${id}/attachments/${fileId}`,
};
