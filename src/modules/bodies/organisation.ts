// Writes regions and bodies into the database in batches: the first start (accounts/setup.ts),
// the demo data and tests.
import type { Database } from '../../db/connect.js';
import type { Body, Region } from '../../core/register/body.js';

const chunks = <T>(xs: T[], n: number) =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

export async function loadOrganisation(db: Database, regions: Region[], bodies: Body[]) {
  // parents first: sort by level so the foreign key holds
  for (const part of chunks(
    [...regions].sort((a, b) => a.level - b.level || a.code.localeCompare(b.code)),
    500,
  ))
    await db
      .insertInto('region')
      .values(
        part.map((r) => ({
          code: r.code,
          name: r.name,
          kind: r.kind,
          level: r.level,
          parent_code: r.parentCode,
          path: r.path,
        })),
      )
      .execute();
  for (const part of chunks(bodies, 500))
    await db
      .insertInto('body')
      .values(
        part.map((b) => ({
          region_code: b.regionCode,
          name: b.name,
          short_name: b.shortName,
          kind: b.kind,
          office: b.office,
          seq: b.seq,
        })),
      )
      .execute();
}
