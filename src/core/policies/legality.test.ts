// §5: 由协调小组办公室或本级人民政府法制机构负责同级行政机关权责清单的合法性审查 — for a first
// compilation as for an adjustment, the rulebook names per level which office reviews.
import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../actor.js';
import { canLegalityReviewList } from './index.js';

const actor = (role: Role, regionPath: string): Actor => ({
  userId: 1,
  username: 'u',
  displayName: '测试',
  homeBodyId: 1,
  grants: [{ bodyId: 9, bodyName: '办公室', role, regionCode: regionPath.split('/').at(-1)!, regionPath }],
});
const cityBody = { id: 1, regionPath: '150200' };
const countyBody = { id: 2, regionPath: '150200/150203' };
const townshipBody = { id: 3, regionPath: '150200/150203/150203001' };

describe('who reviews a draft list for legality (§5)', () => {
  it('2023 rulebook: the city keeps it with its legal office; a 旗县区 may use either office, also for its townships (§18)', () => {
    const rb = 'baotou-2023';
    expect(canLegalityReviewList(actor('legalReviewer', '150200'), { ...cityBody, rulebookId: rb })).toBe(true);
    expect(canLegalityReviewList(actor('coordinator', '150200'), { ...cityBody, rulebookId: rb })).toBe(false);
    expect(canLegalityReviewList(actor('coordinator', '150200/150203'), { ...countyBody, rulebookId: rb })).toBe(true);
    expect(canLegalityReviewList(actor('legalReviewer', '150200/150203'), { ...countyBody, rulebookId: rb })).toBe(
      true,
    );
    expect(canLegalityReviewList(actor('coordinator', '150200/150203'), { ...townshipBody, rulebookId: rb })).toBe(
      true,
    );
  });

  it('2025 rulebook: the 法制部门 at every level', () => {
    const rb = 'baotou-2025';
    expect(canLegalityReviewList(actor('coordinator', '150200/150203'), { ...countyBody, rulebookId: rb })).toBe(false);
    expect(canLegalityReviewList(actor('legalReviewer', '150200/150203'), { ...countyBody, rulebookId: rb })).toBe(
      true,
    );
  });

  it('denies by default: another level, another role, nobody', () => {
    expect(canLegalityReviewList(actor('coordinator', '150200/150204'), countyBody)).toBe(false);
    expect(canLegalityReviewList(actor('legalReviewer', '150200'), countyBody)).toBe(false);
    expect(canLegalityReviewList(actor('approver', '150200/150203'), countyBody)).toBe(false);
    expect(canLegalityReviewList(null, cityBody)).toBe(false);
  });
});
