// The policy table's world (policies.test.ts; the rows by area in this folder): the city
// (150200), two 旗县区 (150203 昆都仑区, 150204 青山区), one 街道 under 150203, the bodies in them,
// actors written 'clerk@10', and the objects the rows ask about.
import { expect } from 'vitest';
import type { Actor, Role, RoleGrant } from '../../actor.js';
import { createWorkdayCalendar } from '../../calendar/index.js';
import { getRulebook } from '../../rulebook/index.js';
import type * as policies from '../index.js';

export const REGIONS = {
  city: { code: '150200', path: '150200' },
  kdl: { code: '150203', path: '150200/150203' },
  qs: { code: '150204', path: '150200/150204' },
  street: { code: '150203001', path: '150200/150203/150203001' },
} as const;
export type Place = keyof typeof REGIONS;
// body id → where it sits: 1 市市场监管局, 2 市级办公室 (the city's offices), 10 区市场监管局,
// 11 区办公室, 20 街道办事处, 30 青山区市场监管局
export const BODIES: Record<number, Place> = { 1: 'city', 2: 'city', 10: 'kdl', 11: 'kdl', 20: 'street', 30: 'qs' };
export const body = (id: number) => ({ id, regionPath: REGIONS[BODIES[id]].path });

/** 'clerk@10' — one grant at body 10; 'clerk@10+leadUnit@10' — several; 'none' — signed in, no grant. */
export function actor(who: string): Actor | null {
  if (who === 'nobody') return null;
  const grants: RoleGrant[] =
    who === 'none'
      ? []
      : who.split('+').map((g) => {
          const [role, id] = g.split('@');
          const r = REGIONS[BODIES[Number(id)]];
          return {
            role: role as Role,
            bodyId: Number(id),
            bodyName: `单位${id}`,
            regionCode: r.code,
            regionPath: r.path,
          };
        });
  return { userId: 7, username: 'u', displayName: '测试', homeBodyId: 1, grants };
}

/** Results compared by what matters: a grant by role@body, grants as a list of those. */
export const shown = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(shown)
    : v && typeof v === 'object' && 'bodyId' in v && 'role' in v
      ? `${(v as RoleGrant).role}@${(v as RoleGrant).bodyId}`
      : v;

/** A row: who acts (or '-' for a function of no actor), the other arguments, the expected result. */
export type Row = [who: string, args: unknown[], expected: unknown];
export type Policies = typeof policies;
export type PolicyName = {
  [K in keyof Policies]: Policies[K] extends (...a: never[]) => unknown ? K : never;
}[keyof Policies];

export const city = body(1);
export const cityOffice = body(2);
export const kdl = body(10);
export const street = body(20);
export const qs = body(30);
export const adj = (bodyId: number, receivingBodyId: number | null = null) => ({
  bodyId,
  receivingBodyId,
  regionCode: REGIONS[BODIES[bodyId]].code,
  regionPath: REGIONS[BODIES[bodyId]].path,
});

// An opinion, complaint or report about the 街道办事处 (20); its office is 昆都仑区's (11). Actors are user 7.
export const fb = (over: Partial<policies.FeedbackRef> = {}): policies.FeedbackRef => ({
  kind: 'complaint',
  status: 'open',
  bodyId: 20,
  regionPath: REGIONS.street.path,
  routedTo: 'office',
  officeBodyId: 11,
  handlerId: null,
  powerCode: null,
  outcome: null,
  adjustmentId: null,
  ...over,
});
export const opinion = (over: Partial<policies.FeedbackRef> = {}) =>
  fb({ kind: 'suggestion', routedTo: 'body', ...over });
export const adopted = opinion({ status: 'answered', outcome: 'adopted', powerCode: '150203001-XK-0001' });
export const OK = { ok: true };
export const refused = (code: string) => expect.objectContaining({ ok: false, code });
export const cal = createWorkdayCalendar();
export const rectification = getRulebook('baotou-2023').supervision.rectification;

// A 下放/委托 (§13): the prior assessment's 三不放 answers, related bodies' answers, the handover.
export const rb2023 = getRulebook('baotou-2023');
export const noRefusal = {
  unlawful: { answer: 'no', reason: '有法律法规依据' },
  policyRisk: { answer: 'no', reason: '无政策风险' },
  cannotCarry: { answer: 'no', reason: '承接部门人员、设备到位' },
} as const;
export const related = (bodyName: string, answer: string | null, waivedReason: string | null = null) => ({
  bodyName,
  answer,
  waivedReason,
});
export const handed = (item: string, confirmed = true) => ({
  item,
  handedAt: new Date('2026-10-01T02:00:00Z'),
  confirmedAt: confirmed ? new Date('2026-10-01T03:00:00Z') : null,
});
export const delegatedPower = { adjustmentId: 4, code: '150200-XK-0107', name: '特种设备使用登记' };
