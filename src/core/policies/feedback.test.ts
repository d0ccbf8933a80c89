// §15 ¶1–2 authorization, pure: routing, who sees, moderates, assigns, answers, reads the
// contact, opens an adjustment. Deny by default: no actor, no grant, wrong state → false.
import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../actor.js';
import {
  canAnswer,
  canAssign,
  canModerateFeedback,
  canOpenAdjustment,
  canReadContact,
  canSeeFeedback,
  isSubstantiated,
  routeOf,
  type FeedbackRef,
} from './feedback.js';

const CITY = '150200';
const KDL = '150200/150203';
const actor = (userId: number, ...g: [Role, number, string][]): Actor => ({
  userId,
  username: `u${userId}`,
  displayName: `u${userId}`,
  homeBodyId: g[0]?.[1] ?? 0,
  grants: g.map(([role, bodyId, regionPath]) => ({
    role,
    bodyId,
    bodyName: '',
    regionCode: regionPath.split('/').pop()!,
    regionPath,
  })),
});
const cityOffice = actor(1, ['coordinator', 900, CITY]);
const kdlOffice = actor(2, ['coordinator', 901, KDL]);
const clerk = actor(3, ['clerk', 10, CITY]);
const lead = actor(4, ['leadUnit', 10, CITY]);
const ref = (o: Partial<FeedbackRef> = {}): FeedbackRef => ({
  kind: 'complaint',
  status: 'open',
  bodyId: 10,
  regionPath: CITY,
  routedTo: 'office',
  officeBodyId: 900,
  handlerId: null,
  powerCode: 'X',
  outcome: null,
  adjustmentId: null,
  ...o,
});

describe('feedback policy (§15)', () => {
  it('routes complaints and reports to the office, opinions to the body', () => {
    expect(routeOf('complaint')).toBe('office');
    expect(routeOf('report')).toBe('office');
    expect(routeOf('suggestion')).toBe('body');
  });

  it('denies by default and keeps a complaint from the body it is about', () => {
    expect(canSeeFeedback(null, ref())).toBe(false);
    expect(canSeeFeedback(clerk, ref())).toBe(false);
    expect(canSeeFeedback(kdlOffice, ref())).toBe(false);
    expect(canSeeFeedback(cityOffice, ref({ regionPath: KDL }))).toBe(true);
    expect(canSeeFeedback(clerk, ref({ kind: 'suggestion', routedTo: 'body' }))).toBe(true);
    expect(canSeeFeedback(clerk, ref({ kind: 'suggestion', routedTo: 'body', status: 'moderation' }))).toBe(false);
  });

  it('moderation and assignment belong to the level office; an opinion also to the body’s lead unit', () => {
    expect(canModerateFeedback(cityOffice, ref({ status: 'moderation' }))).toBe(true);
    expect(canModerateFeedback(cityOffice, ref({ status: 'moderation', regionPath: KDL }))).toBe(false);
    expect(canModerateFeedback(cityOffice, ref({ status: 'open' }))).toBe(false);
    expect(canAssign(lead, ref())).toBe(false);
    expect(canAssign(lead, ref({ kind: 'suggestion', routedTo: 'body' }))).toBe(true);
    expect(canAssign(clerk, ref({ kind: 'suggestion', routedTo: 'body' }))).toBe(false);
    expect(canAssign(cityOffice, ref({ status: 'answered' }))).toBe(false);
  });

  it('only the handler answers and reads the contact', () => {
    const f = ref({ status: 'assigned', handlerId: 1 });
    expect(canAnswer(cityOffice, f)).toBe(true);
    expect(canReadContact(cityOffice, f)).toBe(true);
    const other = actor(5, ['coordinator', 900, CITY]);
    expect(canAnswer(other, f)).toBe(false);
    expect(canReadContact(other, f)).toBe(false);
    expect(canReadContact(cityOffice, ref({ status: 'open', handlerId: 1 }))).toBe(false);
  });

  it('an adopted opinion on a power opens an adjustment by the body’s clerk, once', () => {
    const f = ref({ kind: 'suggestion', routedTo: 'body', status: 'answered', outcome: 'adopted' });
    expect(canOpenAdjustment(clerk, f)).toBe(true);
    expect(canOpenAdjustment(lead, f)).toBe(false);
    expect(canOpenAdjustment(clerk, { ...f, adjustmentId: 7 })).toBe(false);
    expect(canOpenAdjustment(clerk, { ...f, outcome: 'notAdopted' })).toBe(false);
    expect(canOpenAdjustment(clerk, { ...f, powerCode: null })).toBe(false);
  });

  it('a complaint found (partly) true is what supervision takes up', () => {
    expect(isSubstantiated({ kind: 'complaint', outcome: 'substantiated' })).toBe(true);
    expect(isSubstantiated({ kind: 'report', outcome: 'partlySubstantiated' })).toBe(true);
    expect(isSubstantiated({ kind: 'report', outcome: 'unsubstantiated' })).toBe(false);
    expect(isSubstantiated({ kind: 'suggestion', outcome: 'adopted' })).toBe(false);
  });
});
