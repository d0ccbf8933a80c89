// The register's pure domain code (spec §2; regulation 第六条–第八条).
export * from './power.js';
export * from './body.js';
export * from './code-scheme.js';
export * from './exclusion.js';
export * from './diff.js';
export * from './temporary-license.js';
