// §6 code scheme at the database: allocating new codes for a body (core/register/code-scheme.ts
// computes them; power_code remembers every code ever issued, so none is reused).
import { sql, type Transaction } from 'kysely';
import { AppError } from '../../core/errors.js';
import { nextCode, nextSubCode } from '../../core/register/index.js';
import type { DB } from '../../db/schema.js';
import { issueCodes } from './publish.js';

/** A new 主项 in a category, a new 子项 under an existing 主项, or under a 主项 earlier in the same batch. */
export type CodeRequest = { category: string } | { parentCode: string } | { parentIndex: number };

// any constant: with the body id, serialises code allocation per body across connections
const CODE_LOCK = 150206;

/**
 * Allocate and issue one code per request, in order (§6: max + 1 over every code ever issued in
 * the scope, never a gap). Runs in the caller's transaction; a rollback returns the numbers.
 */
export async function allocateCodes(
  trx: Transaction<DB>,
  bodyId: number,
  requests: readonly CodeRequest[],
): Promise<string[]> {
  if (requests.length === 0) return [];
  await sql`select pg_advisory_xact_lock(${CODE_LOCK}, ${bodyId})`.execute(trx);
  const body = await trx.selectFrom('body').select(['region_code', 'seq']).where('id', '=', bodyId).executeTakeFirst();
  if (!body) throw new AppError('NOT_FOUND', '机构不存在');
  // §18: a 苏木乡镇·街道 body's codes carry its 9-digit region code (see code-scheme.ts)
  const existing = (await trx.selectFrom('power_code').select('code').where('body_id', '=', bodyId).execute()).map(
    (r) => r.code,
  );
  const scope = { regionCode: body.region_code, bodyCode: String(body.seq).padStart(3, '0') };
  const out: string[] = [];
  for (const req of requests) {
    let code: string;
    try {
      if ('category' in req) code = nextCode(existing, { ...scope, category: req.category });
      else if ('parentCode' in req) code = nextSubCode(existing, req.parentCode);
      else {
        const parent = out[req.parentIndex];
        if (!parent) throw new RangeError(`第${req.parentIndex + 1}项不是本批次中在前的主项`);
        code = nextSubCode(existing, parent);
      }
    } catch (e) {
      if (e instanceof RangeError) throw new AppError('VALIDATION_FAILED', e.message);
      throw e;
    }
    existing.push(code);
    out.push(code);
  }
  await issueCodes(trx, bodyId, out);
  return out;
}
