// Open data's webhook consumers (src/modules/open-data/webhooks.routes.ts), in the contract's wire form.
import { http } from '../../api.ts';
import type {
  ConsumerBody,
  consumerCreatedSchema,
  consumersSchema,
  deliveriesSchema,
} from '../../../contract/open-data.ts';
import type { Wire } from '../../../contract/wire.ts';

export type Consumers = Wire<typeof consumersSchema>;
export type Consumer = Consumers['items'][number];
export type Deliveries = Wire<typeof deliveriesSchema>;
export type Delivery = Deliveries['items'][number];

export const webhooksApi = {
  list: () => http.get<Consumers>('/api/open-data/webhooks'),
  register: (body: ConsumerBody) => http.post<Wire<typeof consumerCreatedSchema>>('/api/open-data/webhooks', body),
  disable: (id: number) => http.post<{ consumer: Consumer }>(`/api/open-data/webhooks/${id}/disable`),
  ping: (id: number) => http.post<Deliveries>(`/api/open-data/webhooks/${id}/ping`),
  deliveries: (id: number) => http.get<Deliveries>(`/api/open-data/webhooks/${id}/deliveries`),
};
