// How a power relates to others, in words and links: where a power no longer in force went
// (合并 into, 分设 into, 下放 to, 委托 to: spec §2, §13(五)) and where one came from.
import type { PublishedPower } from '../register/power-rows.js';
import { html, type Html } from './html.js';

/** §13(五): a delegation or entrustment link as the list stores it (adjustments/apply.ts). */
export interface LinkView {
  direction: 'delegatedTo' | 'delegatedFrom' | 'entrustedTo';
  bodyId: number;
  code: string | null;
}

const DIRECTIONS = new Set(['delegatedTo', 'delegatedFrom', 'entrustedTo']);

export function linksOf(p: Pick<PublishedPower, 'links'>): LinkView[] {
  return (p.links ?? []).flatMap((l) => {
    const o = l as Partial<LinkView> | null;
    return o && DIRECTIONS.has(String(o.direction)) && Number.isInteger(o.bodyId)
      ? [{ direction: o.direction!, bodyId: o.bodyId!, code: o.code ?? null }]
      : [];
  });
}

export const linkedBodyIds = (powers: Pick<PublishedPower, 'links'>[]) =>
  powers.flatMap((p) => linksOf(p).map((l) => l.bodyId));

/** A split 子项 names the power it was split from; a merged power the ones it replaced. */
export const isSplitResult = (p: Pick<PublishedPower, 'parentCode' | 'predecessorCodes'>) =>
  !!p.parentCode && !!p.predecessorCodes?.length;

export interface RelationContext {
  bodyId: number;
  /** '' for the current version, else ?version=N */
  q: string;
  names: Map<number, string>;
  /** the powers of the same version that name this one as a predecessor */
  successors: { code: string; name: string }[];
}

const bodyName = (ctx: RelationContext, id: number) => ctx.names.get(id) ?? '其他机构';
const powerA = (ctx: RelationContext, s: { code: string; name: string }) =>
  html`<a href="/bodies/${ctx.bodyId}/powers/${s.code}${ctx.q}">${s.name}</a>（<span class="code">${s.code}</span>）`;

/** What replaced or received a power no longer in force; empty when nothing did (a plain 取消). */
export function whereItWent(p: Pick<PublishedPower, 'status' | 'links'>, ctx: RelationContext): Html[] {
  const out: Html[] = [];
  for (const l of linksOf(p)) {
    if (l.direction === 'delegatedTo' && p.status === 'delegated')
      out.push(
        l.code
          ? html`下放至<a href="/bodies/${l.bodyId}/powers/${l.code}">${bodyName(ctx, l.bodyId)}</a>（<span class="code">${l.code}</span>）`
          : html`下放至<a href="/bodies/${l.bodyId}">${bodyName(ctx, l.bodyId)}</a>`,
      );
    if (l.direction === 'entrustedTo' && p.status === 'entrusted')
      out.push(html`委托<a href="/bodies/${l.bodyId}">${bodyName(ctx, l.bodyId)}</a>实施`);
  }
  if (ctx.successors.length) {
    const verb = p.status === 'merged' ? '合并为' : '分设为';
    out.push(html`${verb}${ctx.successors.map((s, i) => html`${i ? '、' : ''}${powerA(ctx, s)}`)}`);
  }
  return out;
}

/** Where a power came from: the body that delegated it to this one. */
export function whereItCameFrom(p: Pick<PublishedPower, 'links'>, ctx: Pick<RelationContext, 'names'>): Html[] {
  return linksOf(p)
    .filter((l) => l.direction === 'delegatedFrom')
    .map(
      (l) =>
        html`由<a href="/bodies/${l.bodyId}${l.code ? `/powers/${l.code}` : ''}">${ctx.names.get(l.bodyId) ?? '其他机构'}</a>下放`,
    );
}
