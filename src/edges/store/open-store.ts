import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { ConcordDatabase } from './database-schema.js';
import { migrateToLatest } from './migrate.js';
import { PgliteDialect } from './pglite-dialect.js';

export type StoreKind = 'pglite' | 'postgres';

/** An open system of record: the Kysely handle, what backs it, and how to close it. */
export interface Store {
  readonly db: Kysely<ConcordDatabase>;
  readonly kind: StoreKind;
  /** PostgreSQL connection string (postgres only): workers and the job queue connect with it. */
  readonly databaseUrl?: string;
  /** PostgreSQL schema holding the tables (postgres only; `public` unless isolated, e.g. by tests). */
  readonly schema: string;
  /**
   * Embedded store only: changes whenever a statement that may write has run. Every write goes through this
   * process's one session, so a read answered while this value stays the same is still current. Absent on
   * PostgreSQL, where other processes write.
   */
  readonly writeGeneration?: () => number;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** Real PostgreSQL; when absent the embedded store is used. */
  readonly databaseUrl?: string;
  /** Embedded store directory; absent = in memory (tests). */
  readonly dataDir?: string;
  /** PostgreSQL only: a schema to create and use (tests isolate themselves this way). */
  readonly schema?: string;
  /** Pool size for PostgreSQL (default 10). */
  readonly poolSize?: number;
}

function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`invalid schema name ${name}`);
  return `"${name}"`;
}

/** Open (and migrate) the store: PostgreSQL when a URL is given, PGlite otherwise. */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  if (options.databaseUrl !== undefined) {
    const schema = options.schema ?? 'public';
    if (schema !== 'public') {
      const admin = new pg.Client({ connectionString: options.databaseUrl });
      await admin.connect();
      try {
        await admin.query(`create schema if not exists ${quoteIdentifier(schema)}`);
      } finally {
        await admin.end();
      }
    }
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      options: `-c search_path=${quoteIdentifier(schema)}`,
    });
    const db = new Kysely<ConcordDatabase>({ dialect: new PostgresDialect({ pool }) });
    await migrateToLatest(db as unknown as Kysely<unknown>, schema);
    return {
      db,
      kind: 'postgres',
      databaseUrl: options.databaseUrl,
      schema,
      close: () => db.destroy(),
    };
  }
  if (options.dataDir !== undefined) mkdirSync(options.dataDir, { recursive: true });
  const pglite = await PGlite.create(options.dataDir);
  const dialect = new PgliteDialect(pglite);
  const db = new Kysely<ConcordDatabase>({ dialect });
  await migrateToLatest(db as unknown as Kysely<unknown>);
  return {
    db,
    kind: 'pglite',
    schema: 'public',
    writeGeneration: () => dialect.writeCount,
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}

/** Drop an isolated PostgreSQL schema and everything in it (tests clean up with this). */
export async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${quoteIdentifier(schema)} cascade`);
  } finally {
    await client.end();
  }
}

/** Round trip to the database (health check). */
export async function pingStore(store: Store): Promise<void> {
  await sql`select 1`.execute(store.db);
}
