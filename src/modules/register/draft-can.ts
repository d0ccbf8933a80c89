// What the signed-in actor may do with a compilation draft now (spec §2), sent with the draft so
// the workspace shows only the buttons the server will honour: the policies of the body's level,
// the draft's state, and spec §1's rule that nobody submits or reviews a draft they wrote.
import type { Actor } from '../../core/actor.js';
import {
  canDraftList,
  canLegalityReviewList,
  canPreliminaryReviewList,
  canPublishList,
  canSubmitList,
} from '../../core/policies/index.js';
import type { DraftStatus } from '../../contract/register.js';
import type { DraftCan } from '../../contract/register.views.js';

/** The draft header fields the abilities depend on (draft.repo.ts DraftHeader). */
interface DraftState {
  body_id: number;
  regionPath: string;
  rulebook_id: string;
  status: DraftStatus;
  submitted_by: number | null;
  preliminary_passed_at: Date | string | null;
  legality_passed_at: Date | string | null;
}

export function draftCan(actor: Actor, d: DraftState, authors: ReadonlySet<number>): DraftCan {
  const body = { id: d.body_id, regionPath: d.regionPath, rulebookId: d.rulebook_id };
  const clerk = canDraftList(actor, body);
  const lead = canSubmitList(actor, body);
  const coord = canPreliminaryReviewList(actor, body);
  // §5: whichever office the rulebook names for the body's level
  const legal = canLegalityReviewList(actor, body);
  // §12: the coordination office publishes and decides the §8 flags
  const publisher = canPublishList(actor, body);
  const own = authors.has(actor.userId);
  const ownOrSubmitted = own || d.submitted_by === actor.userId;
  const editable = d.status === 'drafting' || d.status === 'returned';
  const inReview = d.status === 'submitted' || d.status === 'reviewed';
  // one person holding both offices' roles gives the review still missing first
  const review =
    !inReview || ownOrSubmitted
      ? null
      : coord && (!legal || !d.preliminary_passed_at)
        ? ('preliminary' as const)
        : legal
          ? ('legality' as const)
          : null;
  return {
    edit: clerk && editable,
    exportDraft: clerk || lead,
    // spec §1: the writers of a draft do not submit it
    submit: lead && editable && !own,
    review,
    canPass:
      review !== null &&
      d.status === 'submitted' &&
      !(review === 'preliminary' ? d.preliminary_passed_at : d.legality_passed_at),
    override: publisher && d.status !== 'published' && d.status !== 'withdrawn',
    publish: publisher && d.status === 'reviewed' && !ownOrSubmitted,
  };
}
