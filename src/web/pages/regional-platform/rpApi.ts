// One function per endpoint of the regional-platform module (server:
// src/modules/regional-platform/*.routes.ts); the types are the contract's wire form.
import type { z } from 'zod';
import type {
  platformSyncSchema,
  reconciliationListSchema,
  reconciliationReportSchema,
  reconciliationSummarySchema,
} from '../../../contract/regional-platform.ts';
import { api, ApiError, http, withQuery } from '../../api.ts';

export type Reconciliation = z.input<typeof reconciliationSummarySchema>;
export type ReconciliationReport = z.input<typeof reconciliationReportSchema>;
export type PlatformSync = z.input<typeof platformSyncSchema>;

/** Downloads are plain GETs (the session cookie goes along). */
export const bodyExportUrl = (bodyId: number, format: 'json' | 'xlsx') =>
  `/api/regional-platform/bodies/${bodyId}/export.${format}`;
export const levelExportUrl = (region: string, format: 'json' | 'xlsx') =>
  `/api/regional-platform/regions/${region}/export.${format}`;
export const reportXlsxUrl = (id: number) => `/api/regional-platform/reconciliations/${id}/report.xlsx`;

/** The other side's export as multipart (the shared client sends JSON only); the server names every unreadable row. */
async function uploadExport(path: string, file: File): Promise<Reconciliation> {
  const { csrfToken } = await api.session();
  const form = new FormData();
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      body: form,
      headers: { accept: 'application/json', 'x-csrf-token': csrfToken },
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  const data = (await res.json().catch(() => undefined)) as
    | (Reconciliation & { error?: { code: string; message: string; details?: [] } })
    | undefined;
  if (!res.ok)
    throw new ApiError(
      res.status,
      data?.error?.code ?? `HTTP_${res.status}`,
      data?.error?.message ?? `上传失败（${res.status}）`,
      data?.error?.details ?? [],
    );
  return data as Reconciliation;
}

export const rpApi = {
  reconcileBody: (bodyId: number, file: File) =>
    uploadExport(`/api/regional-platform/bodies/${bodyId}/reconciliations`, file),
  reconcileLevel: (region: string, file: File) =>
    uploadExport(`/api/regional-platform/regions/${region}/reconciliations`, file),
  list: (q: { bodyId?: number; region?: string }) =>
    http.get<{ items: Reconciliation[] }>(withQuery('/api/regional-platform/reconciliations', q)),
  report: (id: number) => http.get<ReconciliationReport>(`/api/regional-platform/reconciliations/${id}`),
  sync: (adjustmentId: number) => http.get<PlatformSync>(`/api/regional-platform/adjustments/${adjustmentId}/sync`),
  attach: (adjustmentId: number, reconciliationId: number) =>
    http.post<{ ok: true }>(`/api/regional-platform/adjustments/${adjustmentId}/sync`, { reconciliationId }),
};

export type ReconciliationList = z.input<typeof reconciliationListSchema>;
