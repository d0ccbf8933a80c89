// Walks the whole audit chain in seq order, in pages, and names the first bad row.
import type { Database } from '../../db/connect.js';
import { GENESIS, rowDigest } from './digest.js';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBadSeq?: number;
  reason?: string;
}

const PAGE = 5000;

export async function verifyAuditChain(db: Database): Promise<VerifyResult> {
  let prev = GENESIS;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_event').selectAll().where('seq', '>', lastSeq).orderBy('seq').limit(PAGE).execute();
    if (rows.length === 0) return { ok: true, checked };
    for (const r of rows) {
      const seq = Number(r.seq);
      // seq may have gaps (rolled-back transactions); a deleted row shows as a broken link
      if (r.prev_digest !== prev) return { ok: false, checked, firstBadSeq: seq, reason: '与前一条记录的摘要不连续（前一条被删除或篡改）' };
      if (rowDigest(prev, r) !== r.digest) return { ok: false, checked, firstBadSeq: seq, reason: '记录内容与摘要不符（被篡改）' };
      prev = r.digest;
      lastSeq = seq;
      checked++;
    }
  }
}
