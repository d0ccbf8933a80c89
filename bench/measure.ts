// Measuring: HTTP load with autocannon, latency percentiles, and the server process's resident
// memory read from /proc (sampled, plus the kernel's own high-water mark VmHWM, which the run
// resets before each phase through /proc/PID/clear_refs).
import { readFileSync, writeFileSync } from 'node:fs';
// autocannon ships no types; the little used here is declared in autocannon.d.ts
import autocannon from 'autocannon';
import { ACCEPT_ENCODING } from './protocol.js';

export interface LoadFigures {
  reqPerSec: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** response bytes received */
  bytes: number;
}

/** `connections` clients for `seconds`, keep-alive, one request in flight each, asking for compression as browsers do (autocannon). */
export async function hammer(url: string, connections: number, seconds: number): Promise<LoadFigures> {
  const r = await autocannon({
    url,
    connections,
    duration: seconds,
    pipelining: 1,
    headers: { 'accept-encoding': ACCEPT_ENCODING },
  });
  return {
    reqPerSec: r.requests.average,
    p99Ms: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    bytes: r.throughput.total,
  };
}

/** Nearest-rank percentile. */
export function percentile(xs: readonly number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

const kb = (status: string, field: string) => {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return m ? Number(m[1]) * 1024 : NaN;
};

export function rssOf(pid: number): { rss: number; hwm: number } {
  const s = readFileSync(`/proc/${pid}/status`, 'utf8');
  return { rss: kb(s, 'VmRSS'), hwm: kb(s, 'VmHWM') };
}

/** Samples a process's RSS every `everyMs` until stopped; peak = max(samples, VmHWM since start). */
export function watchRss(pid: number, everyMs = 20) {
  let hwmReset = false;
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5'); // resets VmHWM to the current RSS (Linux ≥ 4.0)
    hwmReset = true;
  } catch {
    // not permitted here: the samples alone
  }
  const start = rssOf(pid).rss;
  let peak = start;
  let samples = 0;
  const timer = setInterval(() => {
    try {
      const { rss } = rssOf(pid);
      samples++;
      if (rss > peak) peak = rss;
    } catch {
      /* process gone */
    }
  }, everyMs);
  return {
    stop(): { startBytes: number; peakBytes: number; samples: number; hwmReset: boolean } {
      clearInterval(timer);
      try {
        const now = rssOf(pid);
        peak = Math.max(peak, now.rss, hwmReset ? now.hwm : 0);
      } catch {
        /* process gone */
      }
      return { startBytes: start, peakBytes: peak, samples, hwmReset };
    },
  };
}

export const ms = (t0: number) => performance.now() - t0;
export const mb = (bytes: number) => bytes / 1024 / 1024;
