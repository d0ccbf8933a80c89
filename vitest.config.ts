import { availableParallelism } from 'node:os';
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
    // at least two files at a time, even on two cores: a file often waits (on a browser, a child
    // process, the database), and each has its own database clone, so two never collide
    maxWorkers: Math.max(2, availableParallelism() - 1),
    env: { TZ: 'Asia/Shanghai' },
  },
});
