import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import { ConcordError } from '../../core/result.js';
import * as initial from './migrations/001-initial.js';
import * as ephemerisScreening from './migrations/002-ephemeris-screening.js';

/** Versioned migrations, applied in name order; Kysely records each in `kysely_migration` inside the schema. */
const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '001-initial': initial,
  '002-ephemeris-screening': ephemerisScreening,
};

class StaticMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return { ...MIGRATIONS };
  }
}

/**
 * Bring `schema` to the latest version; returns the names of the migrations applied now. The schema is named
 * explicitly: without it Kysely looks for its bookkeeping tables in every schema of the database, finds another
 * schema's (a second Concord store, a concurrent test) and then fails on its own search path.
 */
export async function migrateToLatest(db: Kysely<unknown>, schema = 'public'): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: new StaticMigrationProvider(),
    migrationTableSchema: schema,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new ConcordError('MIGRATION_FAILED', `database migration failed: ${why}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export const LATEST_MIGRATION = Object.keys(MIGRATIONS).sort().at(-1) ?? '';
