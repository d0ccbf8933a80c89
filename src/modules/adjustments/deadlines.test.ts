import { describe, expect, it } from 'vitest';
import { createWorkdayCalendar } from '../../core/calendar/index.js';
import { describeDue, stepDeadlines, type DeadlineInput } from './deadlines.js';

const cal = createWorkdayCalendar();
const base: DeadlineInput = {
  rulebookId: 'baotou-2023',
  kind: 'cancel',
  completed: ['draft', 'submit'],
  open: ['preliminaryReview', 'legalityReview'],
  starts: { triggerDate: '2026-09-28', submitted: '2026-10-26' },
  completedOn: { draft: '2026-10-20', submit: '2026-10-26' },
  today: '2026-11-13',
};
const by = (input: DeadlineInput, step: string) => stepDeadlines(input, cal).find((d) => d.step === step)!;

describe('step deadlines of one application (baotou-2023, cancel)', () => {
  // [step, due date or null, state, onTime, overdue]
  const table: [string, string | null, string, boolean | null, boolean][] = [
    ['draft', null, 'done', null, false],
    // §12: filed by 2026-10-23; filed on the 26th → late
    ['submit', '2026-10-23', 'done', false, false],
    // §12: 15 working days from receipt on 2026-10-26
    ['preliminaryReview', '2026-11-16', 'open', null, false],
    ['legalityReview', '2026-11-16', 'open', null, false],
    ['consultation', null, 'pending', null, false],
    ['reportToGovernment', null, 'pending', null, false],
  ];
  it.each(table)('%s: due %s, %s', (step, date, state, onTime, overdue) => {
    const d = by(base, step);
    expect(d.due?.date ?? null).toBe(date);
    expect(d).toMatchObject({ state, onTime, overdue });
    expect(d.citation).toMatch(/^《包头市政府工作部门权责清单动态管理办法》第十[二三]条/);
  });

  it('counts working days left and flags overdue steps', () => {
    expect(by(base, 'preliminaryReview').workdaysLeft).toBe(1);
    const late = by({ ...base, today: '2026-11-18' }, 'preliminaryReview');
    expect(late).toMatchObject({ overdue: true, workdaysLeft: -2 });
    expect(describeDue(late)).toContain('已逾期2个工作日');
  });

  it('a consultation clock is a minimum, never overdue', () => {
    const d = by(
      {
        ...base,
        completed: [...base.completed, 'preliminaryReview', 'legalityReview'],
        open: ['consultation'],
        starts: { ...base.starts, consultationOpened: '2026-11-13' },
      },
      'consultation',
    );
    expect(d.due).toMatchObject({ kind: 'minimumDuration', date: '2026-11-18' });
    expect(d).toMatchObject({ overdue: false, workdaysLeft: null });
    expect(describeDue(d)).toContain('最早可于 2026-11-18 结束');
  });

  it('a deadline reaching a year without holiday data is provisional', () => {
    const d = by({ ...base, starts: { triggerDate: '2026-12-20' }, completed: [], open: ['draft'] }, 'submit');
    // 12-21..25 (5), 12-28..31 (9), Fri 1-01 元旦 by statute, 1-04..08 (14), 1-11 (15)
    expect(d.due).toMatchObject({ date: '2027-01-11', provisional: true });
    expect(describeDue(d)).toContain('暂定');
  });
});
