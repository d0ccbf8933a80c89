// The publication phase's work in the server child (issue 15.2), where the database handle is
// open: a fresh city body with N codes issued (not timed), the anchor — COPY of the very rows the
// publication inserts, search columns included, in a transaction rolled back — and the first
// publication itself (publishVersion: diff, the rows with their search columns computed in the
// application, the version row and its audit event, committed).
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Power } from '../../src/core/register/index.js';
import { DEFAULT_RULEBOOK_ID } from '../../src/core/rulebook/index.js';
import { searchColumns } from '../../src/core/search/columns.js';
import { chunks, normalizePower, powerToRow } from '../../src/modules/register/power-rows.js';
import { issueCodes, publishVersion } from '../../src/modules/register/publish.js';
import { checkSearchColumns } from '../../src/modules/search/columns.js';
import { CITY_CODE } from '../../src/seed/index.js';
import { copyLine, POWER_COPY_COLUMNS, textArray } from '../db.js';
import { benchListPowers } from '../fixtures.js';
import type { ServerOps } from './types.js';

let prepared: { bodyId: number; level: number; powers: Power[] } | null = null;

export const PUBLISH_OPS: ServerOps = {
  /** A new city body (no list yet) and `rows` powers with their codes issued. */
  async prepare({ handle }, args) {
    const { rows } = args as { rows: number };
    const db = handle.db;
    const max = await sql<{
      seq: number | null;
    }>`select max(seq) as seq from body where region_code = ${CITY_CODE}`.execute(db);
    const seq = (max.rows[0]?.seq ?? 0) + 1;
    if (seq > 999) throw new RangeError('no free body number in the city for the publication bench');
    const body = await db
      .insertInto('body')
      .values({
        region_code: CITY_CODE,
        name: `包头市基准测试公布局${seq}`,
        short_name: null,
        kind: '政府工作部门',
        office: null,
        seq,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const level = await sql<{ level: number }>`select level from region where code = ${CITY_CODE}`.execute(db);
    // citations by document name and text only: the scale documents' ids are not this list's concern
    const powers = [...benchListPowers({ regionCode: CITY_CODE, seq, name: '' }, rows)].map(
      (p) => normalizePower({ ...p, legalBases: p.legalBases.map((c) => ({ ...c, documentId: undefined })) }) as Power,
    );
    await db.transaction().execute((trx) =>
      issueCodes(
        trx,
        body.id,
        powers.map((p) => p.code),
      ),
    );
    prepared = { bodyId: body.id, level: level.rows[0]?.level ?? 0, powers };
    return { bodyId: body.id, powers: powers.length };
  },

  /** COPY of the same rows (search columns computed beforehand, not timed), rolled back. */
  async anchor({ handle, target }) {
    const { bodyId, level, powers } = prepared!;
    const lines = powers.map((p, i) => {
      const s = searchColumns({ ...p, bodyId, level });
      const row = { ...powerToRow(bodyId, p, i, 1), search_text: s.text, search_grams: textArray(s.grams) };
      return copyLine(POWER_COPY_COLUMNS.map((c) => row[c] as string | number | null));
    });
    const stmt = `copy power (${POWER_COPY_COLUMNS.join(', ')}) from`;
    if (handle.kind === 'pglite') {
      const t0 = performance.now();
      let ms = 0;
      await handle.pglite!.transaction(async (tx) => {
        for (const part of chunks(lines, 20_000)) await tx.query(`${stmt} '/dev/blob'`, [], { blob: new Blob(part) });
        ms = performance.now() - t0;
        await tx.rollback();
      });
      return { ms, rows: lines.length };
    }
    const client = new pg.Client({ connectionString: target.kind === 'postgres' ? target.databaseUrl : '' });
    await client.connect();
    try {
      await client.query('begin');
      const t0 = performance.now();
      const stream = client.query(copyFrom(`${stmt} stdin`));
      for (const part of chunks(lines, 500)) if (!stream.write(part.join(''))) await once(stream, 'drain');
      stream.end();
      await finished(stream);
      const ms = performance.now() - t0;
      await client.query('rollback');
      return { ms, rows: lines.length };
    } finally {
      await client.end();
    }
  },

  /** Diagnostic: the same rows inserted as before 0090 (multi-row INSERTs without the search columns, the trigger computing them), rolled back. */
  async triggerPath({ handle }) {
    const { bodyId, powers } = prepared!;
    let ms = 0;
    await handle.db
      .transaction()
      .execute(async (trx) => {
        const t0 = performance.now();
        const rows = powers.map((p, i) => powerToRow(bodyId, p, i, 1));
        for (const part of chunks(rows)) await trx.insertInto('power').values(part).execute();
        ms = performance.now() - t0;
        throw new Error('rollback');
      })
      .catch((e: Error) => {
        if (e.message !== 'rollback') throw e;
      });
    return { ms };
  },

  /** The first publication of the list, committed; then its search columns checked against the database's functions. */
  async publish({ handle }) {
    const { bodyId, powers } = prepared!;
    const t0 = performance.now();
    const r = await handle.db.transaction().execute((trx) =>
      publishVersion(trx, {
        bodyId,
        powers,
        source: { type: 'compilation', id: 0 },
        rulebookId: DEFAULT_RULEBOOK_ID,
        actor: null,
        at: new Date(),
        note: '基准测试：首次公布',
      }),
    );
    const ms = performance.now() - t0;
    const check = await checkSearchColumns(handle.db, 97, bodyId);
    return { ms, version: r.version, added: r.diff.added.length, check };
  },
};
