// Entry of the upload parse worker thread: the server runs TypeScript through tsx, so the
// worker loads its TypeScript the same way (as export-worker.mjs).
import { tsImport } from 'tsx/esm/api';

await tsImport('./parse-worker.ts', import.meta.url);
