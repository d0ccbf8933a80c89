// Regions as a tree for TreeSelect: 市 → 旗县区 → 苏木乡镇街道.
import type { Region } from '../types.ts';

export interface RegionNode {
  value: string;
  title: string;
  children?: RegionNode[];
}

export function regionTree(regions: Region[]): RegionNode[] {
  const nodes = new Map<string, RegionNode>(regions.map((r) => [r.code, { value: r.code, title: r.name }]));
  const roots: RegionNode[] = [];
  for (const r of regions) {
    const n = nodes.get(r.code)!;
    const parent = r.parent_code ? nodes.get(r.parent_code) : undefined;
    if (parent) (parent.children ??= []).push(n);
    else roots.push(n);
  }
  return roots;
}
