// Shapes of the adjustment, consultation, inbox, calendar, rulebook and report APIs as these
// pages use them (src/modules/adjustments/present.ts and friends). Kept by hand: the web bundle
// does not import server code.

export type AdjustmentKind = 'add' | 'cancel' | 'delegate' | 'modify' | 'merge' | 'split' | 'entrust' | 'takeBack';
export type AdjustmentStatus = 'due' | 'open' | 'withdrawn' | 'rejected' | 'done';
export type WorkflowRole = 'clerk' | 'leadUnit' | 'coordinator' | 'legalReviewer' | 'approver' | 'receiver';
export type StepId =
  | 'draft'
  | 'submit'
  | 'preliminaryReview'
  | 'legalityReview'
  | 'consultation'
  | 'reportToGovernment'
  | 'approval'
  | 'receivingConfirm'
  | 'publish'
  | 'platformSync'
  | 'itemClaim'
  | 'guideConfig'
  | 'filing';
export type Action =
  | 'complete'
  | 'return'
  | 'reject'
  | 'openConsultation'
  | 'start'
  | 'edit'
  | 'withdraw'
  | 'rebase'
  | 'revoke';

/** §8 screening of an item, and the coordination office's decision to keep it. */
export interface ExclusionFlag {
  clause: string;
  keyword: string;
  matched: string;
  reason: string;
}
export interface ExclusionOverride {
  note: string;
  byName: string;
  at: string;
}
/** §6 ¶2: one duty added, changed or removed by the application. */
export interface DutyItem {
  op: 'add' | 'change' | 'remove';
  base: { name: string; content: string } | null;
  proposed: { name: string; content: string } | null;
}
export interface DutyItemInput {
  op: DutyItem['op'];
  targetName?: string;
  name?: string;
  content?: string;
}

export interface Ability {
  action: Action;
  step: StepId | null;
}

/** §13(五): a delegated power the receiving body's list already has, and the decision taken. */
export type DuplicateChoice = 'merge' | 'replace' | 'keepBoth';
export interface Duplicate {
  ord: number;
  targetCode: string;
  name: string;
  category: string;
  existingCode: string;
  existingName: string;
  resolution: {
    choice: DuplicateChoice;
    choiceLabel: string;
    existingCode: string;
    reason: string;
    byName: string;
    at: string;
  } | null;
}

export interface Due {
  date: string;
  provisional: boolean;
  kind: 'deadline' | 'minimumDuration';
  amount: number;
  unit: 'workday' | 'calendarDay';
  from: string;
  citation: string;
  articleText: string;
  movedFrom?: string;
  /** for a provisional date: the notice that would make it exact */
  exactNotice?: string;
}

export interface StepDeadline {
  step: StepId;
  label: string;
  roles: WorkflowRole[];
  citation: string;
  articleText: string | null;
  state: 'done' | 'open' | 'pending';
  due: Due | null;
  workdaysLeft: number | null;
  overdue: boolean;
  completedOn: string | null;
  onTime: boolean | null;
}

export interface LegalBasis {
  documentName: string;
  level: string;
  article: string;
  text: string;
  documentId?: number | string;
}
export interface Responsibility {
  order: number;
  name: string;
  content: string;
}

export interface Power {
  code: string;
  name: string;
  category: string;
  status: string;
  parentCode?: string | null;
  responsibleSubject: string;
  implementingAgency: string;
  legalBases: LegalBasis[];
  responsibilities: Responsibility[];
  accountabilityCases: string[];
  accountabilityBasis: string;
  remarks: string;
}

export interface FieldChange {
  field: string;
  path: string;
  before?: unknown;
  after?: unknown;
}
export interface ChangedPower {
  code: string;
  nameBefore: string;
  nameAfter: string;
  changes: FieldChange[];
}
export interface ListDiff {
  added: Power[];
  removed: Power[];
  changed: ChangedPower[];
  unchangedCount: number;
}

export interface Item {
  id: number;
  ord: number;
  targetCode: string | null;
  resultCode: string | null;
  base: Power | null;
  proposed: Power | null;
  changes: FieldChange[];
}

export interface HistoryRecord {
  id: number;
  round: number;
  step: StepId | null;
  action: string;
  reason: string | null;
  data: Record<string, unknown> | null;
  actorId: number | null;
  actorName: string | null;
  actorRole: string | null;
  at: string;
  dueOn: string | null;
  onTime: boolean | null;
}

export interface Attachment {
  id: number;
  filename: string;
  media_type: string;
  size_bytes: number;
  sm3: string;
  uploaded_at: string;
  uploaded_by_name: string;
}

export interface Conflict {
  id: number;
  title: string;
  kind: AdjustmentKind;
  status: AdjustmentStatus;
  openSteps: StepId[];
  codes: string[];
}

export interface ConsultationRef {
  id: number;
  round: number;
  opensOn: string;
  closesOn: string;
  status: 'open' | 'closed' | 'cancelled';
  openedAt: string;
  closedAt: string | null;
}

export interface Adjustment {
  id: number;
  bodyId: number;
  bodyName: string;
  regionCode: string;
  regionPath: string;
  regionName: string;
  kind: AdjustmentKind;
  kindLabel: string;
  kindCitation: string;
  status: AdjustmentStatus;
  statusLabel: string;
  rulebookId: string;
  rulebook: { id: string; label: string; managingOffice: string };
  round: number;
  completedSteps: StepId[];
  openSteps: StepId[];
  title: string;
  /** issue 10.8: bumped by every change; sent back with each save */
  version: number;
  triggerKind: string;
  triggerKindLabel: string;
  triggerDate: string;
  filing: {
    due: string;
    provisional: boolean;
    citation: string;
    articleText: string;
    late: boolean;
    missing: boolean;
    workdaysLeft: number | null;
  };
  reason: string;
  legalBasis: string;
  takeover: string;
  specialNotes: string;
  receivingBodyId: number | null;
  receivingBodyName: string | null;
  baseVersion: number | null;
  currentVersion: number | null;
  batchId: number | null;
  lawChangeId: number | null;
  late: boolean;
  firstSubmittedAt: string | null;
  normativeDocumentNumber: string | null;
  approvedAt: string | null;
  publishedAt: string | null;
  publishedVersion: number | null;
  receivingPublishedVersion: number | null;
  closedReason: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  items: (Item & { exclusionFlags?: ExclusionFlag[]; exclusionOverride?: ExclusionOverride | null })[];
  dutyItems: DutyItem[];
  preview: { diff: ListDiff; receivingDiff: ListDiff | null; error: string | null } | null;
  stale: string[];
  conflicts: Conflict[];
  /** §13(五): delegated powers the receiving body already lists (open 下放 only) */
  duplicates?: Duplicate[];
  consultation: ConsultationRef | null;
  deadlines: StepDeadline[];
  history: HistoryRecord[];
  attachments: Attachment[];
  can: Ability[];
  today: string;
}

export interface AdjustmentRow {
  id: number;
  title: string;
  kind: AdjustmentKind;
  status: AdjustmentStatus;
  statusLabel: string;
  rulebookId: string;
  bodyId: number;
  bodyName: string;
  openSteps: StepId[];
  triggerDate: string;
  filingDue: string;
  filingDueProvisional: boolean;
  late: boolean;
  missing: boolean;
  publishedVersion: number | null;
  updatedAt: string;
  can: Ability[];
}

export interface ContentInput {
  title?: string;
  kind?: AdjustmentKind;
  triggerKind?: string;
  triggerDate?: string;
  reason?: string;
  legalBasis?: string;
  takeover?: string;
  specialNotes?: string;
  receivingBodyId?: number | null;
  batchId?: number | null;
}

export interface ItemInput {
  targetCode?: string;
  values?: Partial<Omit<Power, 'code' | 'status' | 'parentCode'>>;
}

export interface InboxItem {
  id: number;
  kind: 'task' | 'reminder' | 'overdue' | 'missing' | 'notice';
  adjustmentId: number | null;
  step: StepId | null;
  title: string;
  body: string;
  dueOn: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface PublishedList {
  body: { id: number; name: string };
  version: number;
  effectiveDate: string;
  powers: Power[];
  duties?: { name: string; content: string }[];
}
