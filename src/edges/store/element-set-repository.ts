import { type Kysely, sql } from 'kysely';
import type { ElementSet } from '../../core/orbits/element-set.js';
import { unixMsFromUtcInstant } from '../../core/time/iso-8601.js';
import type { ConcordDatabase } from './database-schema.js';
import { elementSetContentHash } from './element-set-hash.js';

export interface StoredElementSet {
  readonly id: number;
  readonly elementSet: ElementSet;
}

export interface ElementSetInsertOutcome {
  /** Element sets stored now. */
  readonly stored: number;
  /** Element sets already in the history (same catalog number, epoch and elements), not stored again. */
  readonly duplicates: number;
  /** Catalog numbers that got at least one new element set. */
  readonly touchedNoradCatIds: number[];
}

/**
 * Append element sets to the history in one statement (append-only; duplicates, also within the batch, are
 * ignored by the unique content hash). Call inside a transaction together with the object rows.
 */
export async function insertElementSets(
  db: Kysely<ConcordDatabase>,
  elementSets: readonly ElementSet[],
  source: string,
  submittedBy: number | null,
): Promise<ElementSetInsertOutcome> {
  if (elementSets.length === 0) return { stored: 0, duplicates: 0, touchedNoradCatIds: [] };
  const ids: number[] = [];
  const epochs: number[] = [];
  const hashes: string[] = [];
  const json: string[] = [];
  const formats: string[] = [];
  for (const es of elementSets) {
    ids.push(es.noradCatId);
    epochs.push(unixMsFromUtcInstant(es.epoch));
    hashes.push(elementSetContentHash(es));
    json.push(JSON.stringify(es));
    formats.push(es.origin.format);
  }
  const result = await sql<{ norad_cat_id: number }>`
    insert into element_sets (norad_cat_id, epoch_unix_ms, content_hash, element_set_json, format, source, submitted_by)
    select n, e, h, j, f, ${source}, ${submittedBy}::integer
    from unnest(${ids}::integer[], ${epochs}::float8[], ${hashes}::text[], ${json}::text[], ${formats}::text[])
      as u(n, e, h, j, f)
    on conflict (content_hash) do nothing
    returning norad_cat_id
  `.execute(db);
  const touched = [...new Set(result.rows.map((r) => r.norad_cat_id))].sort((a, b) => a - b);
  return {
    stored: result.rows.length,
    duplicates: elementSets.length - result.rows.length,
    touchedNoradCatIds: touched,
  };
}

function parseStored(row: { id: number; element_set_json: string }): StoredElementSet {
  return { id: row.id, elementSet: JSON.parse(row.element_set_json) as ElementSet };
}

/** The newest element set (by epoch, then by ingest order) of every object: the current catalog. */
export async function latestElementSets(db: Kysely<ConcordDatabase>): Promise<StoredElementSet[]> {
  const rows = await sql<{ id: number; element_set_json: string }>`
    select distinct on (norad_cat_id) id, element_set_json from element_sets
    order by norad_cat_id, epoch_unix_ms desc, id desc
  `.execute(db);
  return rows.rows.map(parseStored);
}

/** Element sets by id, in catalog-number order (how screening runs freeze their catalog). */
export async function elementSetsByIds(
  db: Kysely<ConcordDatabase>,
  ids: readonly number[],
): Promise<StoredElementSet[]> {
  if (ids.length === 0) return [];
  const rows = await sql<{ id: number; element_set_json: string }>`
    select id, element_set_json from element_sets where id = any(${[...ids]}::integer[])
    order by norad_cat_id, id
  `.execute(db);
  return rows.rows.map(parseStored);
}

/** History of one object, newest epoch first. */
export async function elementSetHistory(
  db: Kysely<ConcordDatabase>,
  noradCatId: number,
  limit = 100,
): Promise<(StoredElementSet & { source: string; ingestedAt: Date })[]> {
  const rows = await db
    .selectFrom('element_sets')
    .select(['id', 'element_set_json', 'source', 'ingested_at'])
    .where('norad_cat_id', '=', noradCatId)
    .orderBy('epoch_unix_ms', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...parseStored(r), source: r.source, ingestedAt: r.ingested_at }));
}

export async function countElementSets(db: Kysely<ConcordDatabase>): Promise<number> {
  const row = await db
    .selectFrom('element_sets')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
