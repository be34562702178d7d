import { type Kysely, sql } from 'kysely';
import type { ConcordDatabase } from './database-schema.js';

/**
 * PostgreSQL advisory locks that serialise work across service processes (and, on the embedded store, cost
 * nothing). Keyed by schema too, so stores isolated in other schemas of the same database do not wait on each other.
 */
const LOCKS = {
  /** Merges and closing: each reads the open events it then changes, so two must not interleave. */
  'event-writers': 1,
  /** The scheduled full re-screen: one check-and-request at a time, so several servers request it once. */
  'full-rescreen-schedule': 2,
} as const;

export type AdvisoryLock = keyof typeof LOCKS;

/** Wait for the lock; it is held until the current transaction ends (call inside a transaction). */
export async function lockForTransaction(db: Kysely<ConcordDatabase>, lock: AdvisoryLock): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(current_schema()), ${LOCKS[lock]}::integer)`.execute(db);
}
