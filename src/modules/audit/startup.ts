// What the server's start does for the audit trail (called from src/server/main.ts): load or,
// for the embedded demo, generate the key; refuse to start in production without one; seal
// the unkeyed chain of older releases; anchor on a schedule.
import type { Config } from '../../config.js';
import type { Database } from '../../db/connect.js';
import { sealLegacyChain } from './audit.repo.js';
import { scheduleAnchors } from './anchor.js';
import { AuditKeyError, installAuditKey, loadAuditKey } from './key.js';

/** Before anything is written. Exits the process with a Chinese message when there is no key. */
export function prepareAuditKey(config: Config): Buffer {
  try {
    const k = loadAuditKey(config, { generate: !config.production });
    installAuditKey(k.key);
    if (k.generated)
      console.log(
        `› 已生成审计密钥 ${k.source.replace('密钥文件 ', '')}（权限 0600，在数据库目录之外）：审计日志以 HMAC-SM3 用它签名，请另行备份；丢失后已有记录无法校验。`,
      );
    return k.key;
  } catch (err) {
    if (!(err instanceof AuditKeyError)) throw err;
    console.error(`无法启动：${err.message}`);
    process.exit(1);
  }
}

/** After migrations (and demo seeding): seal, then anchor now and every AUDIT_ANCHOR_MINUTES. */
export async function startAuditTrail(
  db: Database,
  key: Buffer,
  config: Config,
  log: (err: unknown) => void,
): Promise<() => void> {
  await sealLegacyChain(db, new Date());
  return scheduleAnchors(db, key, { file: config.auditAnchorFile, minutes: config.auditAnchorMinutes, log });
}
