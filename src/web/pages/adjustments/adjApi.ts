// One function per endpoint of the adjustment procedure these pages call (server:
// src/modules/adjustments/*.routes.ts, consultations.routes.ts, calendar, reports).
import { api, ApiError, http, withQuery } from '../../api.ts';
import type {
  Adjustment,
  AdjustmentRow,
  AdjustmentStatus,
  Attachment,
  ContentInput,
  DutyItemInput,
  InboxItem,
  ItemInput,
  PublishedList,
  RebaseResult,
  StepId,
  DuplicateChoice,
} from './model.ts';

export const adjApi = {
  list: (q: { status?: AdjustmentStatus; bodyId?: number; waiting?: '1' } = {}) =>
    http.get<{ items: AdjustmentRow[] }>('/api/adjustments', q),
  get: (id: number) => http.get<Adjustment>(`/api/adjustments/${id}`),
  create: (body: ContentInput & { bodyId?: number }) => http.post<Adjustment>('/api/adjustments', body),
  // issue 10.8: each save sends the version it read (Adjustment.version); a stale one is 409
  update: (id: number, body: ContentInput, version: number) =>
    http.patch<Adjustment>(`/api/adjustments/${id}`, { ...body, version }),
  setItems: (id: number, items: ItemInput[], version: number) =>
    http.put<Adjustment>(`/api/adjustments/${id}/items`, { items, version }),
  rebase: (id: number) => http.post<RebaseResult>(`/api/adjustments/${id}/rebase`),
  start: (id: number) => http.post<Adjustment>(`/api/adjustments/${id}/start`),
  withdraw: (id: number, reason: string) => http.post<Adjustment>(`/api/adjustments/${id}/withdraw`, { reason }),
  revoke: (id: number, reason: string) => http.post<Adjustment>(`/api/adjustments/${id}/revoke`, { reason }),
  setDuties: (id: number, duties: DutyItemInput[], version: number) =>
    http.put<Adjustment>(`/api/adjustments/${id}/duties`, { duties, version }),
  // §13(五): a power the receiving body already lists: merge / replace / keepBoth (with a reason)
  resolveDuplicate: (id: number, ord: number, choice: DuplicateChoice, reason?: string) =>
    http.post<Adjustment>(`/api/adjustments/${id}/items/${ord}/duplicate`, { choice, reason }),
  overrideExclusion: (id: number, itemId: number, note: string) =>
    http.post<Adjustment>(`/api/adjustments/${id}/items/${itemId}/exclusion-override`, { note }),
  complete: (id: number, step: StepId, body: { note?: string; normativeDocumentNumber?: string } = {}) =>
    http.post<Adjustment>(`/api/adjustments/${id}/steps/${step}/complete`, body),
  returnStep: (id: number, step: StepId, reason: string) =>
    http.post<Adjustment>(`/api/adjustments/${id}/steps/${step}/return`, { reason }),
  reject: (id: number, step: StepId, reason: string) =>
    http.post<Adjustment>(`/api/adjustments/${id}/steps/${step}/reject`, { reason }),
  openConsultation: (id: number, opensOn: string, closesOn: string) =>
    http.post<Adjustment>(`/api/adjustments/${id}/consultation`, { opensOn, closesOn }),

  attachments: (id: number) => http.get<{ items: Attachment[] }>(`/api/adjustments/${id}/attachments`),
  attachmentUrl: (id: number, fileId: number) => `/api/adjustments/${id}/attachments/${fileId}`,
  upload: uploadAttachment,
  removeAttachment: (id: number, fileId: number) =>
    http.del<{ ok: boolean }>(`/api/adjustments/${id}/attachments/${fileId}`),

  bodyList: (bodyId: number) => http.get<PublishedList>(`/api/bodies/${bodyId}/list`),
  workdays: (from: string, add: number) =>
    http.get<{ date: string; provisional: boolean }>('/api/calendar/workdays', { from, add }),

  inbox: (q: { unread?: '1'; limit?: number } = {}) =>
    http.get<{ unread: number; items: InboxItem[] }>('/api/inbox', q),
  markRead: (id: number) => http.post<{ ok: boolean }>(`/api/inbox/${id}/read`),
  markAllRead: () => http.post<{ marked: number }>('/api/inbox/read-all'),
};

/** Download links are plain GETs (the session cookie goes along; no CSRF needed for reading). */
export const reportUrl = (format: 'docx' | 'xlsx', year: number, region?: string) =>
  withQuery(`/api/reports/yearly.${format}`, { year, region });

/**
 * Upload: the request body is the file itself (the server checks type, size and magic bytes).
 * The shared client sends JSON only, so this one call builds its own request with the session's
 * CSRF token (fetched fresh: the token may have changed since the page loaded).
 */
async function uploadAttachment(id: number, file: File): Promise<Attachment> {
  const { csrfToken } = await api.session();
  let res: Response;
  try {
    res = await fetch(withQuery(`/api/adjustments/${id}/attachments`, { filename: file.name }), {
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
  if (res.ok) return data as Attachment;
  const e = (data as { error?: { code?: string; message?: string; details?: [] } } | undefined)?.error;
  throw new ApiError(
    res.status,
    e?.code ?? `HTTP_${res.status}`,
    e?.message ?? (res.status === 413 ? '文件过大' : `上传失败（${res.status}）`),
    e?.details ?? [],
  );
}
