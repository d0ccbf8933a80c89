// Due dates from rulebook clocks on the shipped calendar. Hand-computed; the 2026
// arrangement used is in ../calendar/calendar.test.ts (国庆 10-01..07 off, 10-10 worked,
// 09-20 worked). No 2027 data is shipped; 2027-01-09 is a Saturday, and Fri 2027-01-01 is 元旦
// by 《全国年节及纪念日放假办法》第二条 even before the 2027 notice (../calendar/statutory.ts).
import { describe, expect, it } from 'vitest';
import { createWorkdayCalendar } from '../calendar/calendar.js';
import { chineseNumber, citeArticle, dueFor, meetsMinimum } from './deadlines.js';
import { findStep, getRulebook } from './rulebook.js';
import type { AdjustmentKind, RulebookId, StepId } from './types.js';

const cal = createWorkdayCalendar();
const T2023 = '《包头市政府工作部门权责清单动态管理办法》';
const T2025 = '《包头市行政权力清单管理办法》';

function clockOf(id: RulebookId, kind: AdjustmentKind, step: StepId) {
  const clock = findStep(getRulebook(id), kind, step)?.clock;
  if (!clock) throw new Error(`no clock on ${step}`);
  return clock;
}

describe('dueFor', () => {
  it.each<[RulebookId, AdjustmentKind, StepId, string, string, boolean, string]>([
    // spec §5 vector: filing deadline 15 working days after the trigger (§12)
    ['baotou-2023', 'add', 'submit', '2026-09-28', '2026-10-23', false, `${T2023}第十二条`],
    // review across Spring Festival 2026 (see calendar tests)
    ['baotou-2023', 'add', 'preliminaryReview', '2026-02-09', '2026-03-06', false, `${T2023}第十二条`],
    // report to government, consultation ended 12-21, reaches into 2027: 12-22..31 (8), 1-01 元旦, 1-04..08 (13), 1-11, 1-12
    ['baotou-2023', 'cancel', 'reportToGovernment', '2026-12-21', '2027-01-12', true, `${T2023}第十二条`],
    // platform update: 10-08, 10-09, 10-10 (Sat worked), 10-12, 10-13
    ['baotou-2023', 'cancel', 'platformSync', '2026-09-30', '2026-10-13', false, `${T2023}第十三条第一项`],
    // 2025 inherited clock cites the 2023 regulation
    ['baotou-2025', 'add', 'submit', '2026-09-28', '2026-10-23', false, `${T2023}第十二条`],
    // 30 calendar days: 09-08 + 30 = 10-08, a Thursday
    ['baotou-2025', 'cancel', 'itemClaim', '2026-09-08', '2026-10-08', false, `${T2025}解读二(三)`],
    // 08-21 + 30 = 09-20, a Sunday that is worked: stays
    ['baotou-2025', 'cancel', 'itemClaim', '2026-08-21', '2026-09-20', false, `${T2025}解读二(三)`],
    // 09-01 + 30 = 10-01, National Day: moves to the next working day (民法典 §203)
    ['baotou-2025', 'add', 'guideConfig', '2026-09-01', '2026-10-08', false, `${T2025}解读二(三)`],
    // 12-10 + 30 = 2027-01-09 (Sat, no data): moves to Mon 01-11, provisional
    ['baotou-2025', 'add', 'itemClaim', '2026-12-10', '2027-01-11', true, `${T2025}解读二(三)`],
  ])('%s %s %s from %s → %s (provisional %s)', (id, kind, step, start, date, provisional, citation) => {
    const due = dueFor(getRulebook(id), clockOf(id, kind, step), start, cal);
    expect(due).toMatchObject({ date, provisional, citation, kind: 'deadline' });
  });

  it('records where a moved deadline would have fallen', () => {
    const due = dueFor(getRulebook('baotou-2025'), clockOf('baotou-2025', 'add', 'itemClaim'), '2026-09-01', cal);
    expect(due.movedFrom).toBe('2026-10-01');
  });

  it('a consultation opened Mon 2026-09-21 may close at the end of Sat 09-26 at the earliest (§12: 不少于5日)', () => {
    const rb = getRulebook('baotou-2023');
    const clock = clockOf('baotou-2023', 'add', 'consultation');
    expect(dueFor(rb, clock, '2026-09-21', cal)).toMatchObject({ date: '2026-09-26', kind: 'minimumDuration' });
    expect(meetsMinimum(rb, clock, '2026-09-21', '2026-09-25', cal)).toBe(false);
    expect(meetsMinimum(rb, clock, '2026-09-21', '2026-09-26', cal)).toBe(true);
    expect(meetsMinimum(rb, clock, '2026-09-21', '2026-10-10', cal)).toBe(true);
    expect(() => meetsMinimum(rb, clockOf('baotou-2023', 'add', 'submit'), '2026-09-21', '2026-09-26', cal)).toThrow();
  });
});

describe('citations', () => {
  it.each([
    [1, '一'],
    [6, '六'],
    [10, '十'],
    [12, '十二'],
    [19, '十九'],
    [20, '二十'],
    [22, '二十二'],
    [99, '九十九'],
  ] as const)('chineseNumber(%i) = %s', (n, s) => expect(chineseNumber(n)).toBe(s));

  it.each<[RulebookId, string, boolean, string]>([
    ['baotou-2023', '§12', false, `${T2023}第十二条`],
    ['baotou-2023', '§13.3', false, `${T2023}第十三条第三项`],
    ['baotou-2025', '§5', false, `${T2025}第五条`],
    ['baotou-2025', '§12', true, `${T2023}第十二条`],
    ['baotou-2025', '解读二(二)', false, `${T2025}解读二(二)`],
  ])('%s %s (inherited %s) → %s', (id, ref, inherited, text) => {
    expect(citeArticle(getRulebook(id), ref, inherited)).toBe(text);
  });
});
