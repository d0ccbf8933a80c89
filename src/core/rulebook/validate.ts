// Integrity of a rulebook: a rulebook is data, so check it like data. Every step
// has a role, every clock an article, every kind a procedure, and no clock starts
// from an event its procedure has not reached yet.
import {
  ADJUSTMENT_KINDS,
  CATEGORY_CODES,
  LEVELS,
  ROLES,
  TRIGGER_KINDS,
  type Clock,
  type ClockEvent,
  type ProcedureDef,
  type Rulebook,
  type StepDef,
  type StepId,
} from './types.js';

export interface RulebookIssue {
  /** Where in the rulebook, e.g. 'procedures.governmentApproval.approval.clock'. */
  readonly path: string;
  readonly message: string;
}

const blank = (s: unknown) => typeof s !== 'string' || s.trim() === '';

/** The step that must be over before a clock can start from this event. */
const EVENT_STEP: { readonly [E in ClockEvent]: StepId | null } = {
  triggerDate: null,
  submitted: 'submit',
  consultationOpened: null, // the consultation's own clock starts when it opens
  consultationEnded: 'consultation',
  approved: 'approval',
  published: 'publish',
  relatedConsulted: null, // §13.2 ¶2: a related body's clock starts when it is asked
  rectificationOrdered: null, // §16: a supervision clock, not an application's
  feedbackReceived: null, // §15: an opinion's clock starts when it is received
};

function checkClock(clock: Clock, path: string, issues: RulebookIssue[]): void {
  if (!Number.isInteger(clock.amount) || clock.amount <= 0) {
    issues.push({ path, message: `amount must be a positive integer, got ${clock.amount}` });
  }
  if (clock.unit !== 'workday' && clock.unit !== 'calendarDay')
    issues.push({ path, message: `bad unit ${clock.unit}` });
  if (clock.kind !== 'deadline' && clock.kind !== 'minimumDuration')
    issues.push({ path, message: `bad kind ${clock.kind}` });
  if (!(clock.from in EVENT_STEP)) issues.push({ path, message: `unknown start event ${clock.from}` });
  if (blank(clock.article)) issues.push({ path, message: 'clock has no article' });
  if (blank(clock.articleText)) issues.push({ path, message: 'clock has no article text' });
}

function checkStep(step: StepDef, before: ReadonlySet<StepId>, path: string, issues: RulebookIssue[]): void {
  if (!Array.isArray(step.roles) || step.roles.length === 0) issues.push({ path, message: 'step has no role' });
  for (const role of step.roles ?? []) {
    if (!ROLES.includes(role)) issues.push({ path, message: `unknown role ${role}` });
  }
  if (blank(step.label)) issues.push({ path, message: 'step has no label' });
  if (blank(step.article)) issues.push({ path, message: 'step has no article' });
  if (!step.clock) return;
  checkClock(step.clock, `${path}.clock`, issues);
  const needs = EVENT_STEP[step.clock.from];
  if (needs && !before.has(needs)) {
    issues.push({ path: `${path}.clock`, message: `starts at ${step.clock.from}, but ${needs} does not come earlier` });
  }
  if (step.clock.from === 'consultationOpened' && step.id !== 'consultation' && !before.has('consultation')) {
    issues.push({
      path: `${path}.clock`,
      message: 'starts at consultationOpened, but there is no consultation before it',
    });
  }
}

function checkProcedure(proc: ProcedureDef, path: string, issues: RulebookIssue[]): void {
  if (proc.stages.length === 0) issues.push({ path, message: 'procedure has no stages' });
  const before = new Set<StepId>();
  const seen = new Set<StepId>();
  proc.stages.forEach((stage, i) => {
    if (stage.length === 0) issues.push({ path: `${path}.stages[${i}]`, message: 'empty stage' });
    for (const step of stage) {
      if (seen.has(step.id)) issues.push({ path: `${path}.${step.id}`, message: 'step appears twice' });
      seen.add(step.id);
      checkStep(step, before, `${path}.${step.id}`, issues);
    }
    for (const step of stage) before.add(step.id);
  });
  // §13: only an approved application changes a published list — every path ends in publication.
  if (!seen.has('publish')) issues.push({ path, message: 'procedure never publishes' });
  if (seen.has('approval') && !proc.stages.flat().some((s) => s.requires?.includes('normativeDocumentNumber'))) {
    issues.push({ path, message: 'approval without a normative document number' });
  }
}

function unique<T>(values: readonly T[], path: string, what: string, issues: RulebookIssue[]): void {
  const seen = new Set<T>();
  for (const v of values) {
    if (seen.has(v)) issues.push({ path, message: `duplicate ${what} ${String(v)}` });
    seen.add(v);
  }
}

/** Everything wrong with a rulebook; an empty list means it can be used. */
export function validateRulebook(rb: Rulebook): RulebookIssue[] {
  const issues: RulebookIssue[] = [];
  // §5, §16 ¶1: each assessment term names its article; a cap bounds what one fact can cost
  for (const [i, t] of rb.assessment.terms.entries()) {
    if (blank(t.label) || blank(t.article) || !(t.cap >= 0) || !Number.isFinite(t.weight))
      issues.push({ path: `assessment.terms.${i}`, message: 'term needs a label, an article, a weight and a cap' });
  }
  if (blank(rb.id) || blank(rb.label) || blank(rb.regulation.title)) {
    issues.push({ path: 'id', message: 'rulebook needs an id, a label and a regulation title' });
  }
  if (blank(rb.managingOffice.name) || blank(rb.managingOffice.article)) {
    issues.push({ path: 'managingOffice', message: 'managing office needs a name and an article' });
  }
  for (const role of ROLES) {
    const def = rb.roles[role];
    if (!def || blank(def.label) || blank(def.article))
      issues.push({ path: `roles.${role}`, message: 'role needs a label and an article' });
  }

  if (rb.categories.length === 0) issues.push({ path: 'categories', message: 'no categories' });
  if (blank(rb.categoriesArticle)) issues.push({ path: 'categoriesArticle', message: 'categories need an article' });
  unique(
    rb.categories.map((c) => c.code),
    'categories',
    'code',
    issues,
  );
  unique(
    rb.categories.map((c) => c.label),
    'categories',
    'label',
    issues,
  );
  for (const c of rb.categories) {
    if (!CATEGORY_CODES.includes(c.code)) issues.push({ path: `categories.${c.code}`, message: 'unknown code' });
  }

  unique(
    rb.adjustmentKinds.map((k) => k.kind),
    'adjustmentKinds',
    'kind',
    issues,
  );
  for (const kind of ADJUSTMENT_KINDS) {
    const def = rb.adjustmentKinds.find((k) => k.kind === kind);
    const path = `adjustmentKinds.${kind}`;
    if (!def) issues.push({ path, message: 'missing' });
    else if (blank(def.label) || blank(def.article)) issues.push({ path, message: 'needs a label and an article' });
    else if (!Object.hasOwn(rb.procedures, def.procedure))
      issues.push({ path, message: `unknown procedure ${def.procedure}` });
  }

  unique(
    rb.triggerKinds.map((t) => t.kind),
    'triggerKinds',
    'kind',
    issues,
  );
  for (const kind of TRIGGER_KINDS) {
    const def = rb.triggerKinds.find((t) => t.kind === kind);
    if (!def || blank(def.label) || def.articles.length === 0 || def.articles.some(blank)) {
      issues.push({ path: `triggerKinds.${kind}`, message: 'needs a label and an article' });
    }
    if (def && (def.adjustmentKinds.length === 0 || def.adjustmentKinds.some((k) => !ADJUSTMENT_KINDS.includes(k)))) {
      issues.push({ path: `triggerKinds.${kind}`, message: 'needs the adjustment kinds it justifies' });
    }
  }

  unique(
    rb.stepRolesByLevel.map((s) => s.step),
    'stepRolesByLevel',
    'step',
    issues,
  );
  for (const s of rb.stepRolesByLevel) {
    const path = `stepRolesByLevel.${s.step}`;
    if (blank(s.article) || blank(s.articleText)) issues.push({ path, message: 'needs an article and its text' });
    for (const level of LEVELS) {
      const roles = s.roles[level];
      if (!roles || roles.length === 0 || roles.some((r) => !ROLES.includes(r)))
        issues.push({ path: `${path}.${level}`, message: 'needs known roles' });
    }
  }

  for (const [id, proc] of Object.entries(rb.procedures)) {
    if (proc.id !== id) issues.push({ path: `procedures.${id}`, message: `id says ${proc.id}` });
    checkProcedure(proc, `procedures.${id}`, issues);
  }

  unique(
    rb.batchKinds.map((b) => b.id),
    'batchKinds',
    'id',
    issues,
  );
  for (const b of rb.batchKinds) {
    if (blank(b.label) || blank(b.article))
      issues.push({ path: `batchKinds.${b.id}`, message: 'needs a label and an article' });
  }
  for (const d of rb.periodicDuties) {
    if (d.roles.length === 0 || blank(d.article))
      issues.push({ path: `periodicDuties.${d.id}`, message: 'needs a role and an article' });
  }
  if (blank(rb.periodRules.article)) issues.push({ path: 'periodRules', message: 'needs an article' });

  // The 2023 rulebook is the source of inherited values: it cannot inherit from itself.
  if (rb.id === 'baotou-2023' && JSON.stringify(rb).includes('"inherited2023":true')) {
    issues.push({ path: 'id', message: 'baotou-2023 cannot mark values as inherited from itself' });
  }
  return issues;
}
