// The server child's operations of the extra phases, by phase name (see types.ts).
import type { ServerOps } from './types.js';

export const SERVER_OPS: Record<string, ServerOps> = {};
