// Numbered plain-SQL migrations, forward only, applied at start by Kysely's Migrator.
// Migrations never import application code: they are frozen in time.
import { readdir, readFile } from 'node:fs/promises';
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

const dir = new URL('./migrations/', import.meta.url);

class SqlFileProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(dir)).filter((f) => /^\d{4}_.*\.sql$/.test(f)).sort();
    const out: Record<string, Migration> = {};
    for (const f of files) {
      const text = await readFile(new URL(f, dir), 'utf8');
      out[f.replace(/\.sql$/, '')] = { up: async (db) => void (await sql.raw(text).execute(db)) };
    }
    return out;
  }
}

export async function migrate(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: new SqlFileProvider(),
    // numbers are handed out per task ahead of time (e.g. 0045 after 0054): a database that already
    // has the later ones still takes the earlier one, each exactly once
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
