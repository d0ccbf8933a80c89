// Configuration is read from the environment once, here, and passed down.
export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  /** Cookie `Secure` flag: on behind HTTPS in production */
  secureCookies: boolean;
  loginRateLimitPerMinute: number;
  logLevel: string;
  /** TRUST_PROXY: the reverse proxies whose X-Forwarded-For is believed (addresses, CIDRs or
   *  `loopback`); none by default, so a client cannot choose the address rate limits and the audit see */
  trustProxy: string[] | false;
  /** DATABASE_URL set or NODE_ENV=production: no demo defaults (issue 10) */
  production: boolean;
  /** 等保2.0 安全审计: the audit chain's HMAC-SM3 key (AUDIT_KEY), or a file holding it
   *  (AUDIT_KEY_FILE); never stored in the database. See src/modules/audit/key.ts. */
  auditKey?: string;
  auditKeyFile?: string;
  /** the auditor's anchor file: the chain's head appended on a schedule; null = none */
  auditAnchorFile: string | null;
  auditAnchorMinutes: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT 无效: ${env.PORT}`);
  return {
    port,
    // listens on loopback only unless HOST says otherwise (behind a reverse proxy on the same host)
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR ?? './data/pglite',
    secureCookies: env.SECURE_COOKIES === 'true',
    loginRateLimitPerMinute: Number(env.LOGIN_RATE_LIMIT ?? 20),
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: env.TRUST_PROXY ? env.TRUST_PROXY.split(',').map((s) => s.trim()).filter(Boolean) : false,
    production: !!env.DATABASE_URL || env.NODE_ENV === 'production',
    auditKey: env.AUDIT_KEY || undefined,
    auditKeyFile: env.AUDIT_KEY_FILE || undefined,
    auditAnchorFile: env.AUDIT_ANCHOR_FILE || './data/audit-anchors.jsonl',
    auditAnchorMinutes: Number(env.AUDIT_ANCHOR_MINUTES ?? 60),
  };
}
