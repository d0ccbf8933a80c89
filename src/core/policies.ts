// The policies live in src/core/policies/ (one file per area, issue 11.3). This file only keeps
// the imports that still name it compiling while their files' open work lands; import
// '…/core/policies/index.js' in new code.
export * from './policies/index.js';
