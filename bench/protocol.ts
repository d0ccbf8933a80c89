// What the run and the server child (server.ts) say to each other over IPC.
import type { ListBody } from './fixtures.js';

export type Command =
  | { cmd: 'bareSearch'; q: string; pageSize: number }
  | { cmd: 'importAnchor'; path: string }
  | { cmd: 'exportAnchor'; body: ListBody; rows: number }
  | { cmd: 'snapshotPage'; path: string; acceptEncoding: string }
  | { cmd: 'memory' }
  /** an operation of an extra phase (extra/server-ops.ts) */
  | { cmd: 'extra'; phase: string; op: string; args?: unknown }
  | { cmd: 'stop' };

/** Asked for by every load request, as browsers do. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/** The hello-world anchor route, added to the app in the server child. */
export const HELLO_PATH = '/bench/hello';
/** The same bytes as a portal page, sent from memory with no work (a diagnostic anchor). */
export const STATIC_PATH = '/bench/static-page';
