// The coordination office's consultation API (src/modules/consultations/consultations.routes.ts).
// The shapes and words are the contract's (src/contract/consultations.ts); the colours are the workspace's.
import { http } from '../../../api.ts';
import {
  type ConsultationDetail,
  type ConsultationListItem,
  DISPOSITION_LABELS,
  type Disposition,
  PHASE_LABELS,
  type Phase,
  type StaffComment,
} from '../../../../contract/consultations.ts';

export type { ConsultationDetail, Disposition, Phase, StaffComment };
export type ConsultationRow = ConsultationListItem;

const PHASE_COLORS: Record<Phase, string> = {
  upcoming: 'default',
  open: 'processing',
  closed: 'success',
  cancelled: 'error',
};
export const PHASES = Object.fromEntries(
  (Object.keys(PHASE_LABELS) as Phase[]).map((p) => [p, { label: PHASE_LABELS[p], color: PHASE_COLORS[p] }]),
) as Record<Phase, { label: string; color: string }>;

// §15 吸收采纳合理内容: the three outcomes
const DISPOSITION_COLORS: Record<Disposition, string> = {
  adopted: 'success',
  partlyAdopted: 'processing',
  notAdopted: 'default',
};
export const DISPOSITIONS = Object.fromEntries(
  (Object.keys(DISPOSITION_LABELS) as Disposition[]).map((d) => [
    d,
    { label: DISPOSITION_LABELS[d], color: DISPOSITION_COLORS[d] },
  ]),
) as Record<Disposition, { label: string; color: string }>;

export const consultationApi = {
  list: (phase?: Phase) => http.get<ConsultationRow[]>('/api/consultations', { phase }),
  get: (id: number) => http.get<ConsultationDetail>(`/api/consultations/${id}`),
  comments: (id: number) => http.get<StaffComment[]>(`/api/consultations/${id}/comments`),
  hide: (id: number, commentId: number, reason: string) =>
    http.post<{ ok: boolean }>(`/api/consultations/${id}/comments/${commentId}/hide`, { reason }),
  restore: (id: number, commentId: number, reason: string) =>
    http.post<{ ok: boolean }>(`/api/consultations/${id}/comments/${commentId}/restore`, { reason }),
  dispose: (id: number, commentId: number, disposition: Disposition, reason: string) =>
    http.put<{ ok: boolean }>(`/api/consultations/${id}/comments/${commentId}/disposition`, { disposition, reason }),
};
