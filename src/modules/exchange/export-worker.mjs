// Entry of the export worker thread: the server runs TypeScript through tsx, so the worker
// loads its TypeScript the same way.
import { tsImport } from 'tsx/esm/api';

await tsImport('./export-worker.ts', import.meta.url);
