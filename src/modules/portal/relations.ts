// How a power relates to others, in words and links: where a power no longer in force went
// (合并 into, 分设 into, 下放 to, 委托 to: spec §2, §13(五)) and where one came from.
import type { PublishedPower } from '../register/power-rows.js';
import { html, type Html } from './html.js';

/** §13(五): a delegation or entrustment link as the list stores it (adjustments/apply.ts). */
export interface LinkView {
  direction: 'delegatedTo' | 'delegatedFrom' | 'entrustedTo';
  /** null: §13.3 an organisation outside the register (named in the 委托公告) */
  bodyId: number | null;
  code: string | null;
}

const DIRECTIONS = new Set(['delegatedTo', 'delegatedFrom', 'entrustedTo']);

export function linksOf(p: Pick<PublishedPower, 'links'>): LinkView[] {
  return (p.links ?? []).flatMap((l) => {
    const o = l as Partial<LinkView> | null;
    const organisation = o?.direction === 'entrustedTo' && o.bodyId === null;
    return o && DIRECTIONS.has(String(o.direction)) && (Number.isInteger(o.bodyId) || organisation)
      ? [{ direction: o.direction!, bodyId: o.bodyId ?? null, code: o.code ?? null }]
      : [];
  });
}

export const linkedBodyIds = (powers: Pick<PublishedPower, 'links'>[]) =>
  powers.flatMap((p) => linksOf(p).flatMap((l) => (l.bodyId === null ? [] : [l.bodyId])));

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

const bodyName = (ctx: RelationContext, id: number | null) =>
  id === null ? '其他机构' : (ctx.names.get(id) ?? '其他机构');
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
      out.push(
        l.bodyId === null
          ? html`委托名录外的组织实施（见<a href="/entrustments">委托公告</a>）`
          : html`委托<a href="/bodies/${l.bodyId}">${bodyName(ctx, l.bodyId)}</a>实施`,
      );
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
        html`由<a href="/bodies/${l.bodyId}${l.code ? `/powers/${l.code}` : ''}">${l.bodyId === null ? '其他机构' : (ctx.names.get(l.bodyId) ?? '其他机构')}</a>下放`,
    );
}
