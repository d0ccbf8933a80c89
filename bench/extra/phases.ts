// The bench's phases beyond the register's own, in the order they run (see types.ts).
import { exercisePhase } from './exercise.js';
import { openDataPhase } from './open-data.js';
import { publishPhase } from './publish.js';
import { reconcilePhase } from './reconcile.js';
import type { ExtraPhase } from './types.js';

export const EXTRA_PHASES: ExtraPhase[] = [exercisePhase, reconcilePhase, publishPhase, openDataPhase];
