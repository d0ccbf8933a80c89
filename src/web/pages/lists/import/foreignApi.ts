// The mapping step's calls (issue 14.2): inspect a workbook of the body's own layout, preview it
// by a mapping, import it, and the body's saved mappings. Uploads are multipart (the mapping a
// text field before the file), so they do not go through http.* (JSON only).
import type {
  ForeignMapping,
  InspectResult,
  PreviewResult,
  SavedMapping,
} from '../../../../contract/exchange-mapping.ts';
import { ApiError, http, type ErrorDetail } from '../../../api.ts';
import { ImportRefused, type ImportResult } from '../listApi.ts';

const base = (bodyId: number) => `/api/exchange/bodies/${bodyId}`;

/** POST a file (and text fields before it); a stale CSRF token is renewed once. */
async function postForm<T>(url: string, file: File, fields: Record<string, string>, csrfToken: string): Promise<T> {
  const send = (token: string) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
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
    res = await send(csrfToken);
    if (res.status === 403) {
      const peek = (await res
        .clone()
        .json()
        .catch(() => null)) as { error?: { code?: string } } | null;
      if (peek?.error?.code === 'CSRF_INVALID')
        res = await send((await http.get<{ csrfToken: string }>('/api/session')).csrfToken);
    }
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  const data = (await res.json().catch(() => undefined)) as
    | { error?: { code?: string; message?: string; details?: ErrorDetail[]; reportUrl?: string } }
    | undefined;
  if (res.ok && data && !data.error) return data as T;
  const e = data?.error;
  throw new ImportRefused(
    res.status,
    e?.code ?? `HTTP_${res.status}`,
    e?.message ?? (res.status === 413 ? '文件过大，无法上传' : `请求失败（${res.status}）`),
    e?.details ?? [],
    e?.reportUrl ?? null,
  );
}

export const foreignApi = {
  inspect: (bodyId: number, file: File, csrfToken: string, sheet?: string) =>
    postForm<InspectResult>(
      `${base(bodyId)}/draft/import/inspect${sheet ? `?sheet=${encodeURIComponent(sheet)}` : ''}`,
      file,
      {},
      csrfToken,
    ),
  preview: (bodyId: number, file: File, mapping: ForeignMapping, mode: 'replace' | 'merge', csrfToken: string) =>
    postForm<PreviewResult>(
      `${base(bodyId)}/draft/import/preview?mode=${mode}`,
      file,
      { mapping: JSON.stringify(mapping) },
      csrfToken,
    ),
  /** the import itself: all or nothing; rejects with ImportRefused (IMPORT_INVALID) */
  importMapped: (bodyId: number, file: File, mapping: ForeignMapping, mode: 'replace' | 'merge', csrfToken: string) =>
    postForm<ImportResult>(
      `${base(bodyId)}/draft/import?mode=${mode}`,
      file,
      { mapping: JSON.stringify(mapping) },
      csrfToken,
    ),
  saved: (bodyId: number) => http.get<SavedMapping[]>(`${base(bodyId)}/import-mappings`),
  save: (bodyId: number, name: string, mapping: ForeignMapping) =>
    http.post<SavedMapping>(`${base(bodyId)}/import-mappings`, { name, mapping }),
};
