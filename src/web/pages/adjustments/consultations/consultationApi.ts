// The coordination office's consultation API (src/modules/consultations/consultations.routes.ts).
import { http } from '../../../api.ts';

export type Phase = 'upcoming' | 'open' | 'closed' | 'cancelled';
export type Disposition = 'adopted' | 'partlyAdopted' | 'notAdopted';

export const PHASES: Record<Phase, { label: string; color: string }> = {
  upcoming: { label: '未开始', color: 'default' },
  open: { label: '征求意见中', color: 'processing' },
  closed: { label: '已结束', color: 'success' },
  cancelled: { label: '已终止', color: 'error' },
};

// §15 吸收采纳合理内容: the three outcomes
export const DISPOSITIONS: Record<Disposition, { label: string; color: string }> = {
  adopted: { label: '采纳', color: 'success' },
  partlyAdopted: { label: '部分采纳', color: 'processing' },
  notAdopted: { label: '不予采纳', color: 'default' },
};

export interface ConsultationRow {
  id: number;
  adjustmentId: number;
  round: number;
  opensOn: string;
  closesOn: string;
  status: 'open' | 'closed' | 'cancelled';
  title: string;
  kind: string;
  bodyName: string;
  regionName: string;
  publishedVersion: number | null;
  phase: Phase;
  canModerate: boolean;
  comments: number;
  hidden: number;
}

export interface ConsultationDetail extends Omit<ConsultationRow, 'comments' | 'hidden'> {
  reason: string;
  legalBasis: string;
  receivingBodyName: string | null;
  basis: { citation: string; text: string };
  changes: { code: string | null; headline: string; details: string[] }[];
  counts: { total: number; hidden: number; undisposed: number };
  portalUrl: string;
}

export interface StaffComment {
  id: number;
  seq: number;
  authorName: string | null;
  contact: string | null;
  content: string;
  createdAt: string;
  hidden: boolean;
  hiddenAt: string | null;
  hiddenReason: string | null;
  hiddenByName: string | null;
  disposition: Disposition | null;
  dispositionReason: string | null;
  disposedAt: string | null;
  disposedByName: string | null;
}

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
