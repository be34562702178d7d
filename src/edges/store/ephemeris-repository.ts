import { type Kysely, sql } from 'kysely';
import type { ConcordDatabase } from './database-schema.js';

/** A stored operator ephemeris: its object, its owner (the submitting party) and its OEM text. */
export interface StoredEphemeris {
  readonly id: number;
  readonly noradCatId: number;
  readonly partyId: number;
  readonly startUnixMs: number;
  readonly stopUnixMs: number;
  readonly oemText: string;
}

/** Ephemerides by id (in id order; unknown ids are missing from the answer). */
export async function ephemeridesByIds(
  db: Kysely<ConcordDatabase>,
  ids: readonly number[],
): Promise<StoredEphemeris[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('ephemerides')
    .select(['id', 'norad_cat_id', 'party_id', 'start_unix_ms', 'stop_unix_ms', 'oem_text'])
    .where('id', '=', sql<number>`any(${[...ids]}::integer[])`)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    noradCatId: r.norad_cat_id,
    partyId: r.party_id,
    startUnixMs: r.start_unix_ms,
    stopUnixMs: r.stop_unix_ms,
    oemText: r.oem_text,
  }));
}
