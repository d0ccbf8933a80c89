import { defineConfig } from 'vitest/config';

process.env.TZ = 'Asia/Shanghai';
// the audit chain's HMAC key for every test database (set before global setup seeds the template)
process.env.AUDIT_KEY ??= 'test-audit-key-0123456789abcdef0123456789abcdef';
// the SM4 key of public contact details (src/modules/feedback/contact-crypto.ts); production refuses none
process.env.CONTACT_KEY ??= 'test-contact-key-0123456789abcdef0123456789abcdef';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'e2e/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    env: { TZ: 'Asia/Shanghai' },
  },
});
