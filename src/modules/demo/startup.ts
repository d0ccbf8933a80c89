// What a start writes before serving (issue 10.4): demo data only when asked for — `--demo`
// (which `npm start` passes for the embedded database) or SEED_DEMO=true — and only into an
// empty database. A production start (DATABASE_URL or NODE_ENV=production) seeds nothing by
// itself; its administrators come from the one-time `npm run setup`.
import type { Database } from '../../db/connect.js';
import { hasAdministrators } from '../accounts/setup.js';
import { isEmpty, seedDemo } from './seed.js';

export function demoRequested(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  return argv.includes('--demo') || env.SEED_DEMO === 'true';
}

export type StartState = 'demoSeeded' | 'setupNeeded' | 'ready';

export async function prepareData(db: Database, opts: { demo: boolean }): Promise<StartState> {
  if (opts.demo && (await isEmpty(db))) {
    await seedDemo(db);
    return 'demoSeeded';
  }
  return (await hasAdministrators(db)) ? 'ready' : 'setupNeeded';
}
