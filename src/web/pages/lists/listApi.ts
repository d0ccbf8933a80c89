// The register's endpoints as the 权责清单 pages use them (src/modules/register/*.routes.ts,
// src/modules/exchange/exchange.routes.ts). The register's shapes are the wire form of the
// contract's schemas (src/contract/register.ts), which its routes declare as their responses.
// The import upload is multipart, so it does not go through http.* (JSON only).
import type { z } from 'zod';
import type { DraftStatus, powerInput } from '../../../contract/register.ts';
import type { RulebookData, RulebookIndexWire } from '../../../contract/rulebook.ts';
import type {
  Comparison,
  Draft,
  DraftPower,
  DraftRow,
  Duty,
  ImportResult,
  LegalDocument,
  PublishedList,
  VersionInfo,
} from '../../../contract/register.views.ts';
import { ApiError, http, type ErrorDetail } from '../../api.ts';

export type { DraftStatus, PowerStatus } from '../../../contract/register.ts';
export type {
  Citation,
  Comparison,
  Draft,
  DraftCan,
  DraftPower,
  DraftReview,
  DraftRow,
  Duty,
  ExclusionFlag,
  FieldChange,
  ImportResult,
  LegalDocument,
  PowerFields,
  PublishedList,
  Responsibility,
  VersionInfo,
} from '../../../contract/register.views.ts';

export interface Category {
  code: string;
  label: string;
}
/** The part of a rulebook (contract/rulebook.ts) the list pages read. */
export type Rulebook = Pick<RulebookData, 'id' | 'label' | 'categories'>;

/** A refused import: every problem with its row and column, and the error report to download. */
export class ImportRefused extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    details: ErrorDetail[],
    readonly reportUrl: string | null,
  ) {
    super(status, code, message, details);
  }
}

/** What the editor sends: every field but the code (issued by the platform). */
export type PowerInput = z.input<typeof powerInput>;

export const listApi = {
  rulebook: (id: string) => http.get<Rulebook>(`/api/rulebooks/${encodeURIComponent(id)}`),
  rulebooks: () => http.get<RulebookIndexWire>('/api/rulebooks'),

  drafts: (status?: DraftStatus[]) => http.get<DraftRow[]>('/api/list-drafts', { status: status?.join(',') }),
  draft: (id: number) => http.get<Draft>(`/api/list-drafts/${id}`),
  createDraft: (bodyId: number) => http.post<Draft>('/api/list-drafts', { bodyId }),
  addPower: (id: number, p: PowerInput) => http.post<DraftPower>(`/api/list-drafts/${id}/powers`, p),
  updatePower: (id: number, powerId: number, p: PowerInput, version: number) =>
    http.put<DraftPower>(`/api/list-drafts/${id}/powers/${powerId}`, { ...p, version }),
  deletePower: (id: number, powerId: number) => http.del<void>(`/api/list-drafts/${id}/powers/${powerId}`),
  saveDuties: (id: number, duties: { name: string; content: string }[], version: number) =>
    http.put<Duty[]>(`/api/list-drafts/${id}/duties`, { duties, version }),
  submit: (id: number) => http.post<Draft>(`/api/list-drafts/${id}/submit`),
  review: (id: number, step: 'preliminary-review' | 'legality-review', decision: 'pass' | 'return', reason?: string) =>
    http.post<Draft>(`/api/list-drafts/${id}/${step}`, { decision, reason: reason || undefined }),
  override: (id: number, powerId: number, note: string) =>
    http.post<DraftPower>(`/api/list-drafts/${id}/powers/${powerId}/exclusion-override`, { note }),
  publish: (id: number, note?: string) =>
    http.post<{ version: number; digest: string; powerCount: number }>(`/api/list-drafts/${id}/publish`, {
      note: note || undefined,
    }),

  documents: (q: { q?: string; level?: string; limit?: number; offset?: number }) =>
    http.get<{ items: LegalDocument[]; total: number }>('/api/legal-documents', q),

  versions: (bodyId: number) => http.get<VersionInfo[]>(`/api/bodies/${bodyId}/versions`),
  list: (bodyId: number, at: { version?: number; date?: string } = {}) =>
    http.get<PublishedList>(`/api/bodies/${bodyId}/list`, at),
  compare: (bodyId: number, from: number, to: number) =>
    http.get<Comparison>(`/api/bodies/${bodyId}/versions/compare`, { from, to }),
};

export const TEMPLATE_URL = '/api/exchange/template.xlsx';
export const draftExportUrl = (bodyId: number) => `/api/exchange/bodies/${bodyId}/draft.xlsx`;
export const listExportUrl = (bodyId: number, version?: number) =>
  `/api/exchange/bodies/${bodyId}/list.xlsx${version ? `?version=${version}` : ''}`;

/**
 * Upload a workbook into the body's draft. Resolves with the summary; rejects with ImportRefused
 * (IMPORT_INVALID: nothing was imported) or ApiError. A stale CSRF token is renewed once.
 */
export async function uploadImport(
  bodyId: number,
  file: File,
  opts: { mode: 'replace' | 'merge'; dryRun: boolean; csrfToken: string },
): Promise<ImportResult> {
  const url = `/api/exchange/bodies/${bodyId}/draft/import?mode=${opts.mode}${opts.dryRun ? '&dryRun=true' : ''}`;
  const send = (token: string) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return fetch(url, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'x-csrf-token': token },
    });
  };
  let res: Response;
  try {
    res = await send(opts.csrfToken);
    if (res.status === 403) {
      const peek = (await res
        .clone()
        .json()
        .catch(() => null)) as { error?: { code?: string } } | null;
      if (peek?.error?.code === 'CSRF_INVALID') {
        const s = await http.get<{ csrfToken: string }>('/api/session');
        res = await send(s.csrfToken);
      }
    }
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  const data = (await res.json().catch(() => undefined)) as
    | (ImportResult & { error?: undefined })
    | { error?: { code?: string; message?: string; details?: ErrorDetail[]; reportUrl?: string } }
    | undefined;
  if (res.ok && data && !data.error) return data as ImportResult;
  const e = data?.error;
  const message = e?.message ?? (res.status === 413 ? '文件过大，无法上传' : `导入失败（${res.status}）`);
  throw new ImportRefused(res.status, e?.code ?? `HTTP_${res.status}`, message, e?.details ?? [], e?.reportUrl ?? null);
}
