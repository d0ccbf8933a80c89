// One function per endpoint of the exercise-records module (server: src/modules/exercise/
// exercise.routes.ts); the types are the contract's wire forms (src/contract/exercise.ts).
import type { z } from 'zod';
import { ApiError, http, type ErrorDetail } from '../../api.ts';
import type {
  createdSourceSchema,
  ExerciseFlag,
  exerciseImportSchema,
  exerciseSourceSchema,
  flaggedRecordListSchema,
} from '../../../contract/exercise.ts';

export type ImportView = z.input<typeof exerciseImportSchema>;
export type FlaggedList = z.input<typeof flaggedRecordListSchema>;
export type SourceView = z.input<typeof exerciseSourceSchema>;
export type CreatedSource = z.input<typeof createdSourceSchema>;

export const exerciseApi = {
  imports: () => http.get<{ items: ImportView[] }>('/api/exercise/imports'),
  import: (id: number) => http.get<ImportView>(`/api/exercise/imports/${id}`),
  records: (id: number, q: { flag?: ExerciseFlag; page: number }) =>
    http.get<FlaggedList>(`/api/exercise/imports/${id}/records`, q),
  sources: () => http.get<{ items: SourceView[] }>('/api/exercise/sources'),
  createSource: (name: string) => http.post<CreatedSource>('/api/exercise/sources', { name }),
  revokeSource: (id: number) => http.post<SourceView>(`/api/exercise/sources/${id}/revoke`),
  upload,
};

/** A file goes as multipart to the route of its kind (.xlsx or .csv), with the session's CSRF token. */
async function upload(file: File, csrfToken: string): Promise<ImportView> {
  const kind = /\.csv$/i.test(file.name) ? 'csv' : 'xlsx';
  const form = new FormData();
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(`/api/exercise/imports/${kind}`, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'x-csrf-token': csrfToken },
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  const data = (await res.json().catch(() => undefined)) as
    | (ImportView & { error?: undefined })
    | { error?: { code?: string; message?: string; details?: ErrorDetail[] } }
    | undefined;
  if (res.ok && data && !data.error) return data as ImportView;
  const e = data?.error;
  // IMPORT_INVALID and the like: nothing was imported; `details` names the rows
  throw new ApiError(
    res.status,
    e?.code ?? `HTTP_${res.status}`,
    e?.message ?? `导入失败（${res.status}）`,
    e?.details ?? [],
  );
}
