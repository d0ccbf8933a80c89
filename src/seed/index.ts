// Demo and benchmark data built from data/reference/ (issue 3, items 10 and 11).
export { buildDemoData, dutiesForBody, instantiatePower, powersForBody } from './demo.js';
export type { DemoData, DemoOptions, SeedDuty, SeedPower } from './demo.js';
export { buildScaleData } from './scale.js';
export type { ScaleOptions, ScaleRow } from './scale.js';
export { buildBodies, buildRegions, CITY_CODE } from './bodies.js';
export type { SeedBodies, SeedBody } from './bodies.js';
export { buildTemplates, subItemsOf } from './templates.js';
export type { PowerTemplate, TemplateSet } from './templates.js';
export { DEFAULT_REFERENCE_DIR, loadReferenceData } from './reference.js';
export type { ReferenceData } from './reference.js';
