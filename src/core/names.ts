// The name rules (issue 10.10) are vocabulary shared by server and workspace: they live in
// src/contract/names.ts; the core keeps this re-export so its callers compile unchanged.
export * from '../contract/names.js';
