// Demo register (issue 3, item 10): the legal documents of buildDemoData() and every demo body's
// list published as version 1 (a first compilation), with bulk inserts — the same rows and the
// same SM3 digest publishVersion would write, without one round trip per power.
import type { Database } from '../../db/connect.js';
import { DEFAULT_RULEBOOK_ID, getRulebook } from '../../core/rulebook/index.js';
import { todayInBeijing } from '../../core/calendar/index.js';
import type { DemoData } from '../../seed/demo.js';
import { recordAudit } from '../audit/audit.repo.js';
import { documentKey, expiryFor } from '../register/documents.repo.js';
import { chunks, normalizePower, powerToRow } from '../register/power-rows.js';
import { listDigest } from '../register/publish.js';

/** A fixed, realistic publication instant, so that tests and the portal are stable. */
export const DEMO_PUBLISHED_AT = new Date('2026-03-31T10:00:00+08:00');

export async function loadDemoRegister(
  db: Database,
  data: Pick<DemoData, 'documents' | 'powers' | 'duties'>,
  at = DEMO_PUBLISHED_AT,
) {
  const rulebook = getRulebook(DEFAULT_RULEBOOK_ID);
  await db.transaction().execute(async (trx) => {
    // §7: one record per document; citations point at it by id
    const docIds = new Map<string, number>();
    for (const part of chunks(data.documents)) {
      const rows = await trx
        .insertInto('legal_document')
        .values(
          part.map((d) => ({
            key: documentKey(d.name),
            name: d.name,
            level: d.level,
            issuing_body: d.issuingBody,
            document_number: null,
            latest_version_date: d.latestVersionDate,
            effective_date: d.effectiveDate,
            expiry_date: expiryFor({ level: d.level, effectiveDate: d.effectiveDate, expiryDate: null }, rulebook),
          })),
        )
        .returning(['id', 'key'])
        .execute();
      part.forEach((d, i) => docIds.set(String(d.id ?? d.key), rows[i].id));
    }

    const bodies = await trx.selectFrom('body').select(['id', 'region_code', 'seq']).execute();
    const bodyId = new Map(bodies.map((b) => [`${b.region_code}-${String(b.seq).padStart(3, '0')}`, b.id]));
    const byBody = new Map<number, DemoData['powers']>();
    for (const p of data.powers) {
      const id = bodyId.get(String(p.bodyId));
      if (id === undefined) throw new Error(`演示数据中的机构 ${p.bodyId} 不存在`);
      const list = byBody.get(id) ?? [];
      list.push(p);
      byBody.set(id, list);
    }

    const codes: { code: string; body_id: number }[] = [];
    const powerRows: ReturnType<typeof powerToRow>[] = [];
    const versions = [];
    for (const [id, powers] of byBody) {
      const linked = powers.map((p) =>
        normalizePower({
          ...p,
          legalBases: p.legalBases.map((c) => ({
            ...c,
            documentId: c.documentId === undefined ? undefined : docIds.get(String(c.documentId)),
          })),
        }),
      );
      linked.forEach((p, i) => {
        codes.push({ code: p.code, body_id: id });
        powerRows.push(powerToRow(id, p, i, 1));
      });
      versions.push({
        body_id: id,
        version: 1,
        published_at: at,
        effective_date: todayInBeijing(at),
        digest: listDigest(linked),
        power_count: linked.length,
        source_type: 'compilation' as const,
        source_id: null,
        rulebook_id: rulebook.id,
        published_by: null,
        note: '演示数据：首次编制公布',
      });
    }
    for (const part of chunks(codes)) await trx.insertInto('power_code').values(part).execute();
    for (const part of chunks(powerRows, 200)) await trx.insertInto('power').values(part).execute();

    const dutyRows = [];
    const ordOf = new Map<number, number>();
    for (const d of data.duties) {
      const id = bodyId.get(String(d.bodyId));
      if (id === undefined || !byBody.has(id)) continue;
      const ord = ordOf.get(id) ?? 0;
      ordOf.set(id, ord + 1);
      dutyRows.push({ body_id: id, name: d.name, content: d.content, ord, valid_from: 1, valid_to: null });
    }
    for (const part of chunks(dutyRows)) await trx.insertInto('duty').values(part).execute();

    const saved = [];
    for (const part of chunks(versions))
      saved.push(
        ...(await trx
          .insertInto('power_list_version')
          .values(part)
          .returning(['id', 'body_id', 'digest', 'power_count'])
          .execute()),
      );
    for (const v of saved)
      await recordAudit(trx, {
        actor: null,
        bodyId: v.body_id,
        action: 'list.published',
        objectType: 'power_list_version',
        objectId: v.id,
        after: {
          version: 1,
          digest: v.digest,
          source: { type: 'compilation', id: null },
          powerCount: v.power_count,
          note: '演示数据',
        },
        at,
      });
  });
}
