// The server child's operations of the extra phases, by phase name (see types.ts).
import { EXERCISE_OPS } from './exercise-ops.js';
import { OPEN_DATA_OPS } from './open-data-ops.js';
import { PUBLISH_OPS } from './publish-ops.js';
import { RECONCILE_OPS } from './reconcile-ops.js';
import type { ServerOps } from './types.js';

export const SERVER_OPS: Record<string, ServerOps> = {
  exercise: EXERCISE_OPS,
  reconcile: RECONCILE_OPS,
  publish: PUBLISH_OPS,
  'open-data': OPEN_DATA_OPS,
};
