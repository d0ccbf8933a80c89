import type { Database } from '../../db/connect.js';

export interface BodyRow {
  id: number;
  name: string;
  shortName: string | null;
  kind: string;
  office: 'government' | 'coordination' | 'legal' | null;
  seq: number;
  regionCode: string;
  regionName: string;
  regionPath: string;
  regionLevel: number;
}

export const bodySelect = (db: Database) =>
  db
    .selectFrom('body as b')
    .innerJoin('region as r', 'r.code', 'b.region_code')
    .select([
      'b.id',
      'b.name',
      'b.short_name as shortName',
      'b.kind',
      'b.office',
      'b.seq',
      'r.code as regionCode',
      'r.name as regionName',
      'r.path as regionPath',
      'r.level as regionLevel',
    ]);

export const findBody = (db: Database, id: number): Promise<BodyRow | undefined> =>
  bodySelect(db).where('b.id', '=', id).executeTakeFirst();

export async function findRegion(db: Database, code: string) {
  return db.selectFrom('region').selectAll().where('code', '=', code).executeTakeFirst();
}

export const listRegions = (db: Database) => db.selectFrom('region').selectAll().orderBy('path').execute();

/** Bodies by region and a name fragment (LIKE wildcards in the fragment are taken literally). */
export function listBodies(db: Database, f: { region?: string; q?: string }): Promise<BodyRow[]> {
  let q = bodySelect(db);
  if (f.region) q = q.where('b.region_code', '=', f.region);
  if (f.q) q = q.where('b.name', 'like', `%${f.q.replace(/[%_\\]/g, '\\$&')}%`);
  return q.orderBy('r.path').orderBy('b.seq').limit(2000).execute();
}
