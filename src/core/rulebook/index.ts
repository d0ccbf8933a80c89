export * from './types.js';
export {
  adjustmentKindDef,
  categoryByCode,
  categoryByLabel,
  DEFAULT_RULEBOOK_ID,
  findStep,
  getRulebook,
  isRulebookId,
  levelOfPath,
  listRulebooks,
  nextStep,
  procedureFor,
  RulebookError,
  stagesFor,
  stepRoles,
  stepsFor,
  triggerAllows,
  triggerKindDef,
  type NextStep,
} from './rulebook.js';
export { validateRulebook, type RulebookIssue } from './validate.js';
export { articleWords, chineseNumber, citeArticle, dueFor, meetsMinimum, type Due } from './deadlines.js';
