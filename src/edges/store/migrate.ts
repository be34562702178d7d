import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import { ConcordError } from '../../core/result.js';
import * as initial from './migrations/001-initial.js';

/** Versioned migrations, applied in name order; Kysely records each in `kysely_migration` inside the schema. */
const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '001-initial': initial,
};

class StaticMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return { ...MIGRATIONS };
  }
}

/**
 * Bring the schema to the latest version; returns the names of the migrations applied now. The migration tables are
 * looked for in `schema` itself: otherwise Kysely takes those of any other schema of the database (another Concord
 * store, or a test running at the same time) for its own and fails.
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
