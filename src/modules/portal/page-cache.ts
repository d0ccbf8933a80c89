// Rendered pages of published versions, kept in memory by ETag. A version never changes, so
// an entry never goes stale: the ETag names the digest, the page variant and everything else
// the bytes depend on. Least recently used entries go first once the byte budget is spent.
export class PageCache {
  private map = new Map<string, Buffer>();
  private bytes = 0;

  constructor(private readonly budget = 64 * 1024 * 1024) {}

  get(key: string): Buffer | undefined {
    const v = this.map.get(key);
    if (v) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: string, value: Buffer): void {
    if (value.length > this.budget / 4) return;
    const old = this.map.get(key);
    if (old) {
      this.bytes -= old.length;
      this.map.delete(key);
    }
    this.map.set(key, value);
    this.bytes += value.length;
    for (const [k, v] of this.map) {
      if (this.bytes <= this.budget) break;
      this.map.delete(k);
      this.bytes -= v.length;
    }
  }

  get size() {
    return this.map.size;
  }
}
