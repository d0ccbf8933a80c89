// What every route and command receives: injected once, never imported as globals.
import type { Config } from '../config.js';
import type { Database } from '../db/connect.js';

export interface AppDeps {
  db: Database;
  /** the public's reads (search) when READ_DATABASE_URL names a replica; else the same as db (issue 15.1) */
  readDb?: Database;
  config: Config;
  /** the current instant; tests pass a clock they can move */
  clock: () => Date;
}
