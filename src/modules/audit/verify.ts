// Walks the whole audit chain in seq order, in pages, and names the first bad row; then
// compares with the anchors kept outside the database, so rows deleted from the end (which
// leave an intact chain behind) are found too (等保2.0 安全审计).
import type { Database } from '../../db/connect.js';
import { GENESIS, KEYED, digestOf, type ChainVersion } from './digest.js';
import { readAnchorFile, readPublishedAnchors, type Anchor } from './anchor.js';
import { auditKey } from './key.js';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBadSeq?: number;
  reason?: string;
  /** the head to record elsewhere */
  headSeq: number;
  headDigest: string;
  /** seq of the first HMAC-SM3 row; null while the whole chain is unkeyed */
  keyedFromSeq: number | null;
  /** anchors the chain was compared with, and the newest of them */
  anchorsChecked: number;
  lastAnchor: Pick<Anchor, 'at' | 'seq' | 'count'> | null;
  /** facts the auditor should know that do not make the chain bad (e.g. no anchor file) */
  notes: string[];
}

export interface VerifyOptions {
  /** the HMAC key; without it keyed rows cannot be checked and verification fails */
  key: Buffer | null;
  anchors?: Anchor[];
}

const PAGE = 5000;

export async function verifyAuditChain(db: Database, opts: VerifyOptions): Promise<VerifyResult> {
  const anchors = [...(opts.anchors ?? [])].filter((a) => a.seq > 0).sort((a, b) => a.seq - b.seq);
  let prev = GENESIS;
  let lastSeq = 0;
  let checked = 0;
  let version: ChainVersion = 1;
  let keyedFromSeq: number | null = null;
  let ai = 0;
  const result = (bad?: { seq: number; reason: string }): VerifyResult => ({
    ok: !bad,
    checked,
    firstBadSeq: bad?.seq,
    reason: bad?.reason,
    headSeq: lastSeq,
    headDigest: prev,
    keyedFromSeq,
    anchorsChecked: ai,
    lastAnchor: ai > 0 ? pick(anchors[ai - 1]!) : null,
    notes: [],
  });
  for (;;) {
    const rows = await db
      .selectFrom('audit_event')
      .selectAll()
      .where('seq', '>', lastSeq)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const seq = Number(r.seq);
      const v = Number(r.chain_version) as ChainVersion;
      // an anchor's row that is no longer there: deleted, and the chain re-linked around it
      if (ai < anchors.length && anchors[ai]!.seq < seq)
        return result({ seq: anchors[ai]!.seq, reason: '锚定时存在的记录已不存在（被删除）' });
      if (v < version) return result({ seq, reason: '在密钥摘要链之后出现无密钥记录（降级篡改）' });
      if (v === KEYED && version !== KEYED) {
        // 等保2.0 安全审计: the switch to the keyed chain is recorded by its marker row
        if (checked > 0 && r.action !== 'audit.chainKeyed')
          return result({ seq, reason: '无密钥记录之后缺少启用密钥的标记记录' });
        keyedFromSeq = seq;
        version = KEYED;
      }
      // seq may have gaps (rolled-back transactions); a deleted row shows as a broken link
      if (r.prev_digest !== prev) return result({ seq, reason: '与前一条记录的摘要不连续（前一条被删除或篡改）' });
      const expected = digestOf(v, opts.key, prev, r);
      if (expected === null) return result({ seq, reason: '未配置审计密钥，无法校验 HMAC-SM3 记录' });
      if (expected !== r.digest) return result({ seq, reason: '记录内容与摘要不符（被篡改，或使用了其他审计密钥）' });
      prev = r.digest;
      lastSeq = seq;
      checked++;
      while (ai < anchors.length && anchors[ai]!.seq === seq) {
        const a = anchors[ai]!;
        if (a.digest !== r.digest || a.count !== checked)
          return result({ seq, reason: `与 ${a.at} 的锚定记录不符（锚定时共 ${a.count} 条，摘要不同）` });
        ai++;
      }
    }
  }
  // a key is in use but no row carries it: the chain was never sealed, or it was rewritten
  // as the old unkeyed chain (which anyone can recompute)
  if (checked > 0 && keyedFromSeq === null)
    return result({ seq: lastSeq, reason: '整条摘要链均无密钥（HMAC-SM3 尚未启用，或已被降级改写）' });
  if (ai < anchors.length) {
    const a = anchors[anchors.length - 1]!;
    return result({
      seq: a.seq,
      reason: `末尾记录被删除：${a.at} 锚定时共 ${a.count} 条（至 seq=${a.seq}），现仅 ${checked} 条（至 seq=${lastSeq}）`,
    });
  }
  return result();
}

const pick = (a: Anchor) => ({ at: a.at, seq: a.seq, count: a.count });

/**
 * What `npm run audit:verify` and the auditor's API run: the chain with the process's key,
 * against the anchor file and the anchors published on the portal. Anchors that fail their own
 * MAC make the result bad: someone changed what the auditor relies on.
 */
export async function verifyAudit(db: Database, anchorFile: string | null): Promise<VerifyResult> {
  const key = auditKey();
  const file = anchorFile ? readAnchorFile(anchorFile, key) : null;
  const published = await readPublishedAnchors(db, key);
  const r = await verifyAuditChain(db, { key, anchors: [...(file?.anchors ?? []), ...published.anchors] });
  if (!anchorFile) r.notes.push('未配置锚定文件：只能以门户公布的每日锚定检测末尾删除');
  else if (!file!.exists) r.notes.push(`锚定文件 ${anchorFile} 尚不存在：只能以门户公布的每日锚定检测末尾删除`);
  const problems = [...(file?.problems ?? []), ...published.problems];
  if (r.ok && problems.length) return { ...r, ok: false, reason: problems.join('；') };
  if (problems.length) r.notes.push(...problems);
  return r;
}
