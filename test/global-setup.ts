// Once per test run: migrate and seed one database, then let every test file clone it
// (PGlite: a dumped data directory; PostgreSQL: CREATE DATABASE … TEMPLATE).
import type { TestProject } from 'vitest/node';
import { writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { connect } from '../src/db/connect.js';
import { migrate } from '../src/db/migrate.js';
import { seedDemo } from '../src/modules/demo/seed.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplateDb: string;
  }
}

export function adminUrl(url: string, database = 'postgres') {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  process.env.TZ = 'Asia/Shanghai';
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `qz_tpl_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const h = await connect({ databaseUrl: adminUrl(url, name) });
    await migrate(h.db);
    await seedDemo(h.db);
    await h.close();
    project.provide('pgTemplateDb', name);
    project.provide('pgliteTemplate', '');
    return async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const h = await connect({});
  await migrate(h.db);
  await seedDemo(h.db);
  const dump = await h.pglite!.dumpDataDir('none');
  const file = join(tmpdir(), `qz-template-${process.pid}-${Date.now()}.tar`);
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  await h.close();
  project.provide('pgliteTemplate', file);
  project.provide('pgTemplateDb', '');
  return async () => rm(file, { force: true });
}
