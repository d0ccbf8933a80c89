// Per test file: a fresh clone of the seeded template database and the app built in-process,
// with a clock the test can move. Clients keep the session cookie and send the CSRF header.
import type { FastifyInstance, InjectOptions } from 'fastify';
import { type KyselyPlugin, PostgresQueryCompiler } from 'kysely';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { loadConfig } from '../src/config.js';
import { connect, type Database, type DbHandle } from '../src/db/connect.js';
import { DEMO_PASSWORD } from '../src/modules/demo/users.seed.js';
import { buildApp } from '../src/server/app.js';
import { adminUrl } from './global-setup.js';

export class TestClock {
  constructor(public now = new Date('2026-11-30T09:00:00+08:00')) {}
  advanceMinutes(m: number) {
    this.now = new Date(this.now.getTime() + m * 60_000);
  }
  read = () => this.now;
}

export interface Client {
  csrf?: string;
  cookie?: string;
  request(
    method: InjectOptions['method'],
    url: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ): Promise<Awaited<ReturnType<FastifyInstance['inject']>>>;
  get(url: string): ReturnType<Client['request']>;
  post(url: string, payload?: unknown): ReturnType<Client['request']>;
  put(url: string, payload?: unknown): ReturnType<Client['request']>;
  patch(url: string, payload?: unknown): ReturnType<Client['request']>;
  del(url: string, payload?: unknown): ReturnType<Client['request']>;
}

/**
 * The statements the app sends to the database (issue 11.5: query budgets), when the test app was
 * set up with `countQueries`. Transaction control (BEGIN/COMMIT) is not counted: only what a
 * repository or command asks for.
 */
export class QueryLog implements KyselyPlugin {
  readonly statements: string[] = [];
  private readonly compiler = new PostgresQueryCompiler();
  transformQuery: KyselyPlugin['transformQuery'] = (args) => {
    this.statements.push(this.compiler.compileQuery(args.node, args.queryId).sql);
    return args.node;
  };
  transformResult: KyselyPlugin['transformResult'] = async (args) => args.result;
  /** The statements run by `fn` (e.g. one request). */
  async during(fn: () => Promise<unknown>): Promise<string[]> {
    const from = this.statements.length;
    await fn();
    return this.statements.slice(from);
  }
}

export interface TestApp {
  app: FastifyInstance;
  /** set when the app was built with `countQueries` */
  queries?: QueryLog;
  db: Database;
  handle: DbHandle;
  clock: TestClock;
  anon: Client;
  login(username: string, password?: string): Promise<Client>;
  close(): Promise<void>;
}

function client(app: FastifyInstance): Client {
  const c: Client = {
    async request(method, url, payload, headers = {}) {
      const h: Record<string, string> = { ...headers };
      if (c.cookie) h.cookie = c.cookie;
      if (c.csrf && !('x-csrf-token' in headers)) h['x-csrf-token'] = c.csrf;
      const res = await app.inject({ method, url, payload: payload as InjectOptions['payload'], headers: h });
      const set = res.cookies.find((k) => k.name === 'qz_sid');
      if (set) c.cookie = set.value ? `qz_sid=${set.value}` : undefined;
      return res;
    },
    get: (u) => c.request('GET', u),
    post: (u, p) => c.request('POST', u, p ?? {}),
    put: (u, p) => c.request('PUT', u, p ?? {}),
    patch: (u, p) => c.request('PATCH', u, p ?? {}),
    del: (u, p) => c.request('DELETE', u, p ?? {}),
  };
  return c;
}

async function cloneDatabase(): Promise<{ handle: DbHandle; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  const tpl = inject('pgTemplateDb');
  if (url && tpl) {
    const name = `qz_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    await admin.query(`create database ${name} template ${tpl}`);
    const handle = await connect({ databaseUrl: adminUrl(url, name) });
    return {
      handle,
      drop: async () => {
        await handle.close();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const file = inject('pgliteTemplate');
  const handle = await connect({ loadDataDir: new Blob([await readFile(file)]) });
  return { handle, drop: () => handle.close() };
}

export async function setupTestApp(
  opts: { countQueries?: boolean; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const { handle, drop } = await cloneDatabase();
  // counting wraps the app's handle in a plugin (same connection and transactions); the test's own
  // t.db stays unwrapped, so seeding a case is not counted
  const queries = opts.countQueries ? new QueryLog() : undefined;
  const clock = new TestClock();
  // no anchor file: a test that anchors names its own (./data/ belongs to the demo)
  // the tests stand behind a proxy on loopback, so X-Forwarded-For tells their clients apart
  // env: variables a test sets, e.g. SMTP_URL for the e-mail notices (issue 12.6)
  const config = {
    ...loadConfig(opts.env ?? {}),
    loginRateLimitPerMinute: 1000,
    auditAnchorFile: null,
    trustProxy: ['loopback'],
  };
  const app = await buildApp({ db: queries ? handle.db.withPlugin(queries) : handle.db, config, clock: clock.read });
  await app.ready();
  return {
    app,
    queries,
    db: handle.db,
    handle,
    clock,
    anon: client(app),
    async login(username, password = DEMO_PASSWORD) {
      const c = client(app);
      const res = await c.post('/api/auth/login', { username, password });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
      c.csrf = res.json().csrfToken;
      return c;
    },
    async close() {
      await app.close();
      await drop();
    },
  };
}
