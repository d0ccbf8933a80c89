// npm run audit:verify — exit 0 when the chain is intact, 1 naming the first bad row.
import { loadConfig } from '../../config.js';
import { connect } from '../../db/connect.js';
import { verifyAuditChain } from './verify.js';

const config = loadConfig();
const h = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const r = await verifyAuditChain(h.db);
  if (r.ok) {
    console.log(`审计日志完整：已校验 ${r.checked} 条记录，SM3 摘要链无断点。`);
  } else {
    console.error(`审计日志校验失败：第 ${r.firstBadSeq} 条记录（seq=${r.firstBadSeq}）${r.reason}。已校验 ${r.checked} 条。`);
    process.exitCode = 1;
  }
} finally {
  await h.close();
}
