// The audit chain's key (等保2.0 安全审计): HMAC-SM3 needs a secret the database does not hold,
// so that someone who can rewrite audit_event cannot recompute the chain. It comes from the
// environment (AUDIT_KEY) or a file (AUDIT_KEY_FILE). The embedded demo generates a key file
// beside, not inside, its PGlite data directory on first start; production refuses to start
// without one.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadConfig, type Config } from '../../config.js';
import { hmacSm3 } from './digest.js';

/** Where `npm start` keeps the demo's key: ./data/audit.key, outside ./data/pglite. */
export const DEMO_KEY_FILE = './data/audit.key';
/** at least 128 bits of entropy as hex, or a passphrase of this many characters */
export const MIN_KEY_CHARS = 32;

export class AuditKeyError extends Error {}

export interface LoadedKey {
  key: Buffer;
  /** where it came from, for the start-up message (never the key itself) */
  source: string;
  generated: boolean;
}

type KeySettings = Pick<Config, 'auditKey' | 'auditKeyFile' | 'production'>;

function parse(text: string, source: string): Buffer {
  const t = text.trim();
  if (t.length < MIN_KEY_CHARS)
    throw new AuditKeyError(`${source} 过短：审计密钥至少 ${MIN_KEY_CHARS} 个字符（建议 openssl rand -hex 32 生成）`);
  return Buffer.from(t, 'utf8');
}

/**
 * The key for this process. `generate` (the server's start only) creates the demo key file when
 * nothing is configured outside production; tools and tests only read.
 */
export function loadAuditKey(s: KeySettings, opts: { generate: boolean; demoKeyFile?: string }): LoadedKey {
  if (s.auditKey) return { key: parse(s.auditKey, 'AUDIT_KEY'), source: '环境变量 AUDIT_KEY', generated: false };
  if (s.auditKeyFile) {
    if (!existsSync(s.auditKeyFile))
      throw new AuditKeyError(`AUDIT_KEY_FILE 指向的审计密钥文件不存在：${s.auditKeyFile}`);
    return {
      key: parse(readFileSync(s.auditKeyFile, 'utf8'), 'AUDIT_KEY_FILE'),
      source: `密钥文件 ${s.auditKeyFile}`,
      generated: false,
    };
  }
  if (s.production)
    throw new AuditKeyError(
      '生产环境必须提供审计密钥：请设置 AUDIT_KEY 或 AUDIT_KEY_FILE（密钥不得存放在数据库中），否则不能启动',
    );
  const file = opts.demoKeyFile ?? DEMO_KEY_FILE;
  if (existsSync(file))
    return { key: parse(readFileSync(file, 'utf8'), file), source: `密钥文件 ${file}`, generated: false };
  if (!opts.generate)
    throw new AuditKeyError(`未找到审计密钥：请设置 AUDIT_KEY 或 AUDIT_KEY_FILE，或先运行 npm start 生成 ${file}`);
  mkdirSync(dirname(file), { recursive: true });
  // 'wx': never overwrite a key another process has just written; 0600: only this user reads it
  writeFileSync(file, randomBytes(32).toString('hex') + '\n', { flag: 'wx', mode: 0o600 });
  return { key: parse(readFileSync(file, 'utf8'), file), source: `密钥文件 ${file}`, generated: true };
}

let installed: Buffer | null = null;

/** The server's start installs the key it loaded (and may have generated). */
export function installAuditKey(key: Buffer): void {
  installed = key;
}

/** The key recordAudit and verify use: installed at start, else read from the environment once. */
export function auditKey(): Buffer {
  installed ??= loadAuditKey(loadConfig(), { generate: false }).key;
  return installed;
}

/** A short public name of a key: tells "another key" from "tampered" without revealing it. */
export const keyIdOf = (key: Buffer) => hmacSm3(key, 'qz-audit-key-id').slice(0, 16);
