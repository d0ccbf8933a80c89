import { describe, expect, it } from 'vitest';
import {
  isLegalLevel,
  isPowerStatus,
  isStatutoryLevel,
  POWER_STATUS_LABELS,
  POWER_STATUSES,
  powerStatusFromLabel,
} from './power.js';

describe('power status (spec §2)', () => {
  it.each([
    ['active', '在用'],
    ['cancelled', '已取消'],
    ['delegated', '已下放'],
    ['entrusted', '已委托'],
    ['merged', '已合并'],
  ] as const)('%s ↔ %s', (code, label) => {
    expect(POWER_STATUS_LABELS[code]).toBe(label);
    expect(powerStatusFromLabel(label)).toBe(code);
    expect(isPowerStatus(code)).toBe(true);
  });
  it('has exactly five statuses', () => expect(POWER_STATUSES).toHaveLength(5));
  it('rejects unknown', () => {
    expect(isPowerStatus('已暂停')).toBe(false);
    expect(powerStatusFromLabel('已暂停')).toBeNull();
  });
});

describe('legal levels (§7)', () => {
  it.each([
    ['法律', true],
    ['行政法规', true],
    ['国务院决定', true],
    ['地方性法规', true],
    ['自治区政府规章', true],
    ['市政府规章', true],
    ['临时性行政许可', true],
    ['部门规章', false],
    ['规范性文件', false],
  ] as const)('%s is a level; 设定依据 under §7: %s', (level, statutory) => {
    expect(isLegalLevel(level)).toBe(true);
    expect(isStatutoryLevel(level)).toBe(statutory);
  });
  it('rejects unknown levels', () => expect(isLegalLevel('内部文件')).toBe(false));
});
