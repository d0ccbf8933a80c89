// Where the audit key comes from: the environment, a file, or (embedded demo only) a file
// generated on first start beside the data directory; production without one does not start.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { AuditKeyError, keyIdOf, loadAuditKey } from './key.js';

const dir = () => mkdtempSync(join(tmpdir(), 'qz-key-'));

describe('loading the audit key', () => {
  it('generates the demo key file once, mode 0600, and reads the same key after', () => {
    const file = join(dir(), 'data', 'audit.key');
    const cfg = loadConfig({});
    expect(cfg.production).toBe(false);
    expect(() => loadAuditKey(cfg, { generate: false, demoKeyFile: file })).toThrow(AuditKeyError);
    expect(existsSync(file)).toBe(false);
    const a = loadAuditKey(cfg, { generate: true, demoKeyFile: file });
    expect(a.generated).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
    const b = loadAuditKey(cfg, { generate: true, demoKeyFile: file });
    expect(b.generated).toBe(false);
    expect(keyIdOf(b.key)).toBe(keyIdOf(a.key));
  });

  it('refuses production without a key, and never generates one there', () => {
    const file = join(dir(), 'audit.key');
    for (const env of [{ NODE_ENV: 'production' }, { DATABASE_URL: 'postgres://x@127.0.0.1/db' }]) {
      const cfg = loadConfig(env);
      expect(cfg.production).toBe(true);
      expect(() => loadAuditKey(cfg, { generate: true, demoKeyFile: file })).toThrow(/生产环境必须提供审计密钥/);
      expect(existsSync(file)).toBe(false);
    }
  });

  it('takes AUDIT_KEY or AUDIT_KEY_FILE, and refuses a short key or a missing file', () => {
    const k = 'k'.repeat(40);
    expect(loadAuditKey(loadConfig({ NODE_ENV: 'production', AUDIT_KEY: k }), { generate: false }).key.toString()).toBe(
      k,
    );
    const file = join(dir(), 'prod.key');
    writeFileSync(file, `${'f'.repeat(64)}\n`, { mode: 0o600 });
    expect(
      loadAuditKey(loadConfig({ NODE_ENV: 'production', AUDIT_KEY_FILE: file }), { generate: false }).key.toString(),
    ).toBe('f'.repeat(64));
    expect(() => loadAuditKey(loadConfig({ AUDIT_KEY: 'short' }), { generate: false })).toThrow(/至少 32 个字符/);
    expect(() => loadAuditKey(loadConfig({ AUDIT_KEY_FILE: `${file}.missing` }), { generate: false })).toThrow(
      /不存在/,
    );
  });

  it('a production start without a key exits before opening the database', async () => {
    const d = dir();
    const env = {
      ...process.env,
      NODE_ENV: 'production',
      AUDIT_KEY: '',
      AUDIT_KEY_FILE: '',
      DATABASE_URL: '',
      DATA_DIR: join(d, 'pglite'),
      PORT: '39871',
    }; // exits before it listens
    const r: { code?: number; stderr: string } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/server/main.ts'],
      {
        env,
        timeout: 90_000,
      },
    ).catch((e: { code: number; stderr: string }) => e);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('生产环境必须提供审计密钥');
    expect(existsSync(join(d, 'pglite'))).toBe(false);
  }, 120_000);
});
