export * from './types.js';
export {
  adjustmentKindDef,
  categoryByCode,
  categoryByLabel,
  DEFAULT_RULEBOOK_ID,
  findStep,
  getRulebook,
  isRulebookId,
  listRulebooks,
  nextStep,
  procedureFor,
  RulebookError,
  stagesFor,
  stepsFor,
  triggerKindDef,
  type NextStep,
} from './rulebook.js';
export { validateRulebook, type RulebookIssue } from './validate.js';
export { chineseNumber, citeArticle, dueFor, meetsMinimum, type Due } from './deadlines.js';
