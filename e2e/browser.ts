// Browser-test helpers: Debian's Chromium driven by playwright-core (never a downloaded browser),
// the app from the test harness served on a free local port, and a describe that skips with a
// clear message where Chromium is not installed (CI installs chromium and fonts-noto-cjk).
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { describe } from 'vitest';
import { WEB_DIST } from '../src/platform/web.js';
import { setupTestApp, type TestApp } from '../test/harness.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM_PATH);

// Without the resolver rules and the switches below Chromium keeps calling outside hosts
// (updates, QUIC probes, sync); the tests must only ever reach 127.0.0.1.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.*, EXCLUDE [::1]',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

const SKIP_REASON = `skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium fonts-noto-cjk)`;
let warned = false;

/** describe() for browser journeys: skipped, and says why, when Chromium is not installed. */
export function describeBrowser(name: string, fn: () => void) {
  if (!hasChromium && !warned) {
    warned = true;
    console.warn(`[e2e] browser tests ${SKIP_REASON}`);
  }
  describe.skipIf(!hasChromium)(hasChromium ? name : `${name} — ${SKIP_REASON}`, fn);
}

export interface ServedApp extends TestApp {
  /** e.g. http://127.0.0.1:40123, no trailing slash */
  baseUrl: string;
}

/** A fresh seeded app (see test/harness.ts) listening on 127.0.0.1 on a free port. */
export async function serveTestApp(): Promise<ServedApp> {
  const t = await setupTestApp();
  try {
    const baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    return { ...t, baseUrl };
  } catch (e) {
    await t.close();
    throw e;
  }
}

/** The workspace is built by `npm run build:web` (npm test does it when missing or stale). */
export const hasWebBuild = () => existsSync(`${WEB_DIST}index.html`);

export const SCREENSHOT_DIR = fileURLToPath(new URL('./screenshots/', import.meta.url));

/** Full-page screenshot into e2e/screenshots/<name>.png (ignored by git); returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Uncaught page errors, failed same-origin responses (5xx, or 404 for a file) and requests that failed, to assert none. */
export function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    const s = r.status();
    if (s >= 500 || (s === 404 && r.request().resourceType() !== 'fetch'))
      problems.push(`${s} ${r.request().method()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => {
    const error = r.failure()?.errorText ?? '';
    // ERR_ABORTED is the browser cancelling a request itself, e.g. the favicon still loading when a link
    // navigates away: not a fault of the page (a refused or broken response shows up above instead).
    if (error !== 'net::ERR_ABORTED') problems.push(`failed ${r.method()} ${r.url()}: ${error}`);
  });
  return problems;
}
