// Rendered pages of published versions, kept in memory by what they show, plain and gzipped.
// A version never changes, so an entry never goes stale: its key names the digest, the page
// variant and everything else the bytes depend on. Least recently used entries go first once
// the byte budget is spent.
import { gzipSync } from 'node:zlib';

export interface CachedPage {
  etag: string;
  raw: Buffer;
  gz: Buffer;
}

export const cachedPage = (html: string, etag: string): CachedPage => {
  const raw = Buffer.from(html);
  return { etag, raw, gz: gzipSync(raw, { level: 6 }) };
};

export class PageCache {
  private map = new Map<string, CachedPage>();
  private bytes = 0;

  constructor(private readonly budget = 64 * 1024 * 1024) {}

  get(key: string): CachedPage | undefined {
    const v = this.map.get(key);
    if (v) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: string, value: CachedPage): void {
    const size = value.raw.length + value.gz.length;
    if (size > this.budget / 4) return;
    const old = this.map.get(key);
    if (old) {
      this.bytes -= old.raw.length + old.gz.length;
      this.map.delete(key);
    }
    this.map.set(key, value);
    this.bytes += size;
    for (const [k, v] of this.map) {
      if (this.bytes <= this.budget) break;
      this.map.delete(k);
      this.bytes -= v.raw.length + v.gz.length;
    }
  }

  get size() {
    return this.map.size;
  }
}
