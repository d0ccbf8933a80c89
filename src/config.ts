// Configuration is read from the environment once, here, and passed down.
export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  /** READ_DATABASE_URL: a streaming replica of DATABASE_URL for the public's reads (search); staff
   *  reads and every write stay on the primary (issue 15.1, docs/ARCHITECTURE.md) */
  readDatabaseUrl?: string;
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
  /** The portal's site identity (政府网站发展指引: 主办单位, contact, 网站标识码, ICP and 公安 备案). */
  site: SiteIdentity;
  /** SMTP_URL (e.g. smtp://user:pass@mail.example.gov.cn:587): e-mail notices; unset = none sent (issue 12.6) */
  smtpUrl?: string;
  /** SMTP_FROM: the sender of notices */
  smtpFrom: string;
  /** PUBLIC_URL: the platform's address as users reach it, for links in e-mail */
  publicUrl: string;
  /** WEBHOOK_ALLOW_PRIVATE: loopback/private addresses (IPs or CIDRs, comma-separated) webhooks may
   *  still be sent to; every other such address is refused (SSRF). Default: loopback outside
   *  production, none in production (issue 14.3, docs/OPEN-DATA.md) */
  webhookAllowPrivate: string[];
}

/** What the portal's footer must show. Unset variables fall back to Baotou examples, marked （示例）. */
export interface SiteIdentity {
  /** SITE_ORGANIZER: 主办单位 */
  organizer: string;
  /** SITE_CONTACT: 联系方式 (telephone, address or e-mail, as one line) */
  contact: string;
  /** SITE_CODE: 网站标识码 (10 digits) */
  siteCode: string;
  /** SITE_ICP: ICP 备案号, e.g. 蒙ICP备xxxxxxxx号 */
  icp: string;
  /** SITE_PSB: 公安机关备案号, e.g. 蒙公网安备 15020202000000号 */
  psb: string;
}

export const EXAMPLE_MARK = '（示例）';
const SITE_EXAMPLES: SiteIdentity = {
  organizer: `包头市推进政府职能转变和“放管服”改革协调小组办公室${EXAMPLE_MARK}`,
  contact: `0472-0000000，包头市昆都仑区阿尔丁大街 10 号${EXAMPLE_MARK}`,
  siteCode: `1502000000${EXAMPLE_MARK}`,
  icp: `蒙ICP备00000000号${EXAMPLE_MARK}`,
  psb: `蒙公网安备 15020000000000号${EXAMPLE_MARK}`,
};

export function siteIdentity(env: NodeJS.ProcessEnv): SiteIdentity {
  const v = (k: string, d: string) => env[k]?.trim() || d;
  return {
    organizer: v('SITE_ORGANIZER', SITE_EXAMPLES.organizer),
    contact: v('SITE_CONTACT', SITE_EXAMPLES.contact),
    siteCode: v('SITE_CODE', SITE_EXAMPLES.siteCode),
    icp: v('SITE_ICP', SITE_EXAMPLES.icp),
    psb: v('SITE_PSB', SITE_EXAMPLES.psb),
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT 无效: ${env.PORT}`);
  return {
    port,
    // listens on loopback only unless HOST says otherwise (behind a reverse proxy on the same host)
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    readDatabaseUrl: (env.DATABASE_URL && env.READ_DATABASE_URL) || undefined,
    dataDir: env.DATA_DIR ?? './data/pglite',
    secureCookies: env.SECURE_COOKIES === 'true',
    loginRateLimitPerMinute: Number(env.LOGIN_RATE_LIMIT ?? 20),
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: env.TRUST_PROXY
      ? env.TRUST_PROXY.split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : false,
    production: !!env.DATABASE_URL || env.NODE_ENV === 'production',
    auditKey: env.AUDIT_KEY || undefined,
    auditKeyFile: env.AUDIT_KEY_FILE || undefined,
    auditAnchorFile: env.AUDIT_ANCHOR_FILE || './data/audit-anchors.jsonl',
    auditAnchorMinutes: Number(env.AUDIT_ANCHOR_MINUTES ?? 60),
    site: siteIdentity(env),
    smtpUrl: env.SMTP_URL?.trim() || undefined,
    smtpFrom: env.SMTP_FROM?.trim() || '权责清单管理平台 <noreply@localhost>',
    publicUrl: (env.PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, ''),
    webhookAllowPrivate: (
      env.WEBHOOK_ALLOW_PRIVATE ?? (env.DATABASE_URL || env.NODE_ENV === 'production' ? '' : '127.0.0.1,::1')
    )
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}
