import { type Kysely, sql } from 'kysely';

/**
 * Screening with operator ephemerides: a run names the ephemeris used for each primary it replaces (workers load it
 * from `ephemerides`), and an event names the parties whose private ephemeris gave a state of its latest version
 * (what its readers may see depends on it).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table screening_runs add column ephemerides_json text`.execute(db);
  await sql`alter table conjunction_events add column ephemeris_party_ids_json text`.execute(db);
}
