// Authorization as pure functions that deny by default (house habit 4), one file per area. Every
// function exported here has rows in the policy table (table/<area>.rows.ts, run by
// policies.test.ts: role × action × scope → allowed).
export { ADMIN_ROLES, type Abilities } from '../../contract/common.js';
export * from './abilities.js';
export * from './adjustments.js';
export * from './assessment.js';
export * from './administration.js';
export * from './consultations.js';
export * from './delegation.js';
export * from './exercise.js';
export * from './feedback.js';
export * from './open-data.js';
export * from './integrity.js';
export * from './register.js';
export * from './regional-platform.js';
export * from './reports.js';
export * from './scope.js';
export * from './supervision.js';
