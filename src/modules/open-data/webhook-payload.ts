// The body of a webhook delivery (issue 14.3). Built from the publication, which never changes, so
// a retry sends the same event with the same id; only the signature's timestamp is new.
import type { Database } from '../../db/connect.js';
import { changesOf, publicationById, type ChangeSummary } from './changes.js';

export const WEBHOOK_EVENTS = ['list.published'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number] | 'ping';

export interface WebhookPayload {
  id: string;
  event: WebhookEvent;
  createdAt: string;
  data: Record<string, unknown>;
}

export async function payloadOf(
  db: Database,
  d: { id: number; event: string; versionId: number | null; createdAt: Date },
  publicUrl: string,
): Promise<WebhookPayload> {
  const base = { id: `wh_${d.id}`, createdAt: d.createdAt.toISOString() };
  if (d.event === 'ping' || d.versionId === null)
    return {
      ...base,
      event: 'ping',
      data: { message: '权责清单管理平台测试推送：收到此消息说明接收地址与签名校验可用。' },
    };
  const p = await publicationById(db, d.versionId);
  if (!p) throw new Error(`公布版本 ${d.versionId} 不存在`);
  const changes: ChangeSummary = await changesOf(db, p.bodyId, p.version);
  const api = `${publicUrl}/api/public/v1/bodies/${p.bodyId}`;
  return {
    ...base,
    event: 'list.published',
    data: {
      body: { id: p.bodyId, name: p.bodyName, region: { code: p.regionCode, name: p.regionName, level: p.level } },
      version: p.version,
      publishedAt: p.publishedAt.toISOString(),
      effectiveDate: p.effectiveDate,
      digest: p.digest,
      digestAlgorithm: 'SM3',
      powerCount: p.powerCount,
      source: { type: p.sourceType, id: p.sourceId },
      changes,
      links: {
        json: `${api}/list.json?version=${p.version}`,
        csv: `${api}/list.csv?version=${p.version}`,
        diff: `${api}/versions/${p.version}/diff.json`,
        portal: `${publicUrl}/bodies/${p.bodyId}?version=${p.version}`,
      },
    },
  };
}
