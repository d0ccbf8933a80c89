// npm run audit:verify — exit 0 when the chain is intact and no anchored row is missing,
// 1 naming the first bad row. Needs the audit key (AUDIT_KEY / AUDIT_KEY_FILE, or the demo's
// ./data/audit.key) and reads the anchor file (AUDIT_ANCHOR_FILE, default ./data/audit-anchors.jsonl).
import { loadConfig } from '../../config.js';
import { connect } from '../../db/connect.js';
import { AuditKeyError } from './key.js';
import { verifyAudit } from './verify.js';

const config = loadConfig();
const h = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const r = await verifyAudit(h.db, config.auditAnchorFile);
  for (const n of r.notes) console.log(`注意：${n}`);
  const anchored = r.lastAnchor
    ? `已与 ${r.anchorsChecked} 个锚定记录比对（最近一次 ${r.lastAnchor.at}，共 ${r.lastAnchor.count} 条）`
    : '没有可比对的锚定记录';
  if (r.ok) {
    console.log(`审计日志完整：已校验 ${r.checked} 条记录，摘要链无断点，${anchored}。`);
    console.log(
      `链头：seq=${r.headSeq} 摘要 ${r.headDigest}${r.keyedFromSeq ? `（自 seq=${r.keyedFromSeq} 起为 HMAC-SM3 密钥摘要）` : ''}`,
    );
  } else {
    console.error(`审计日志校验失败：seq=${r.firstBadSeq ?? '—'} ${r.reason}。已校验 ${r.checked} 条。`);
    process.exitCode = 1;
  }
} catch (err) {
  if (!(err instanceof AuditKeyError)) throw err;
  console.error(`审计日志无法校验：${err.message}`);
  process.exitCode = 2;
} finally {
  await h.close();
}
