// 集中调整批次 (2025 rulebook, 集中调整 and 个别调整): the batches an application may join while drafted.
import { http } from '../../api.ts';

export type { Batch } from '../../../contract/adjustments.records.ts';
import type { Batch } from '../../../contract/adjustments.records.ts';

export const batchApi = {
  list: () => http.get<{ items: Batch[] }>('/api/adjustment-batches'),
  create: (title: string) => http.post<Batch>('/api/adjustment-batches', { title }),
};
