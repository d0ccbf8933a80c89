// §14 ¶2, §16, §17 as pure rules: who sees and who acts on a finding, which transitions each state
// allows, nobody approving their own 通报批评, one key per fact, and the rulebook's period.
import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../actor.js';
import { createWorkdayCalendar } from '../calendar/index.js';
import { getRulebook } from '../rulebook/index.js';
import {
  canDesignateLeadUnit,
  canReportRectification,
  canSuperviseBody,
  canViewSupervision,
  factKey,
  mayApproveReprimand,
  mayDecide,
  mayDismiss,
  mayDraftReprimand,
  mayIssueOrder,
  mayPublishReprimand,
  mayReport,
  rectificationDue,
} from './supervision.js';

const actor = (role: Role, bodyId: number, regionPath: string): Actor => ({
  userId: bodyId * 10,
  username: `${role}.${bodyId}`,
  displayName: role,
  homeBodyId: bodyId,
  grants: [{ role, bodyId, bodyName: '机构', regionCode: regionPath.split('/').pop()!, regionPath }],
});
const cityBody = { id: 1, regionPath: '150200' };
const kdlBody = { id: 2, regionPath: '150200/150203' };
const townBody = { id: 3, regionPath: '150200/150203/150203001' };
const cityOffice = actor('coordinator', 100, '150200');
const kdlOffice = actor('coordinator', 200, '150200/150203');

describe('scope (§16: 本级; the city sees every level)', () => {
  it.each([
    ['city office, city body', cityOffice, cityBody, true, true],
    ['city office, 旗县区 body', cityOffice, kdlBody, true, false],
    ['旗县区 office, its body', kdlOffice, kdlBody, true, true],
    ['旗县区 office, its 街道 body (§18)', kdlOffice, townBody, true, true],
    ['旗县区 office, city body', kdlOffice, cityBody, false, false],
    ['the body’s lead unit', actor('leadUnit', 1, '150200'), cityBody, true, false],
    ['another body’s clerk', actor('clerk', 9, '150200'), cityBody, false, false],
    ['the legal office', actor('legalReviewer', 300, '150200'), cityBody, false, false],
  ])('%s: sees %s, acts %s', (_, a, body, sees, acts) => {
    expect(canViewSupervision(a, body)).toBe(sees);
    expect(canSuperviseBody(a, body)).toBe(acts);
  });
  it('nobody signed in sees nothing; only the body reports and names its 牵头机构', () => {
    expect(canViewSupervision(null, cityBody)).toBe(false);
    expect(canReportRectification(actor('clerk', 1, '150200'), cityBody)).toBe(true);
    expect(canReportRectification(cityOffice, cityBody)).toBe(false);
    expect(canDesignateLeadUnit(actor('leadUnit', 1, '150200'), cityBody)).toBe(true);
    expect(canDesignateLeadUnit(cityOffice, cityBody)).toBe(false);
  });
});

describe('transitions', () => {
  it('an order and a dismissal only on an open finding', () => {
    expect(mayIssueOrder('open').ok).toBe(true);
    for (const s of ['rectifying', 'rectified', 'escalated', 'dismissed'] as const) {
      expect(mayIssueOrder(s)).toMatchObject({ ok: false, code: 'INVALID_STATE' });
      expect(mayDismiss(s).ok).toBe(false);
    }
  });
  it('a report once and within the period; a decision only on a report', () => {
    expect(mayReport('issued', '2026-12-28', '2026-12-28').ok).toBe(true);
    expect(mayReport('issued', '2026-12-28', '2026-12-29')).toMatchObject({ ok: false, code: 'DEADLINE' });
    expect(mayReport('reported', '2026-12-28', '2026-12-01')).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(mayDecide('reported').ok).toBe(true);
    expect(mayDecide('issued').ok).toBe(false);
  });
  it('通报批评: only on an escalated finding, once; approved by someone else; published once approved', () => {
    expect(mayDraftReprimand('escalated', false).ok).toBe(true);
    expect(mayDraftReprimand('escalated', true).ok).toBe(false);
    expect(mayDraftReprimand('rectifying', false).ok).toBe(false);
    expect(mayApproveReprimand('draft', 7, 8).ok).toBe(true);
    expect(mayApproveReprimand('draft', 7, 7)).toMatchObject({ ok: false, code: 'SELF_REVIEW' });
    expect(mayApproveReprimand('approved', 7, 8).ok).toBe(false);
    expect(mayPublishReprimand('approved').ok).toBe(true);
    expect(mayPublishReprimand('draft').ok).toBe(false);
  });
});

describe('facts and deadlines', () => {
  it('one key per fact; none for a finding the office describes itself', () => {
    expect(factKey({ kind: 'late', adjustmentId: 5, bodyId: 1 })).toBe('late:5');
    expect(factKey({ kind: 'delayed', adjustmentId: 5, bodyId: 1, round: 2, step: 'platformSync' })).toBe(
      'delayed:5:2:platformSync',
    );
    expect(factKey({ kind: 'noLeadUnit', bodyId: 1 })).toBe('noLeadUnit:1');
    expect(factKey({ kind: 'unlistedExercise', bodyId: 1 })).toBeNull();
  });
  it('the rectification period is the rulebook’s, in working days, citing §16', () => {
    const clock = getRulebook('baotou-2023').supervision.rectification;
    expect(clock).toMatchObject({ unit: 'workday', kind: 'deadline', article: '§16' });
    const cal = createWorkdayCalendar();
    const due = rectificationDue('baotou-2023', '2026-09-28', cal);
    // 国庆节 and 中秋节 2026 (1–7 Oct) are not working days; 10 Oct (Sat) is a make-up working day
    expect(due.date).toBe(cal.addWorkdays('2026-09-28', clock.amount).date);
    expect(cal.workdaysBetween('2026-09-28', due.date)).toBe(clock.amount);
  });
});
