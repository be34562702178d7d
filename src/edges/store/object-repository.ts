import { type Kysely, sql } from 'kysely';
import type { SatcatEntry } from '../../core/catalog/satcat-entry.js';
import type { ConcordDatabase } from './database-schema.js';

export interface StoredObject {
  readonly noradCatId: number;
  readonly objectId: string;
  readonly objectName: string;
  readonly objectType: string;
  readonly ownerCode: string;
  readonly ownerPartyId: number | null;
}

/** Insert or refresh objects from SATCAT rows (names, type, owner code); the owner party is left as it is. */
export async function upsertSatcatObjects(
  db: Kysely<ConcordDatabase>,
  entries: readonly SatcatEntry[],
): Promise<number> {
  if (entries.length === 0) return 0;
  const result = await sql`
    insert into objects (norad_cat_id, object_id, object_name, object_type, owner_code)
    select * from unnest(${entries.map((e) => e.noradCatId)}::integer[], ${entries.map((e) => e.objectId)}::text[],
      ${entries.map((e) => e.objectName)}::text[], ${entries.map((e) => e.objectType)}::text[],
      ${entries.map((e) => e.ownerCode)}::text[])
    on conflict (norad_cat_id) do update set object_id = excluded.object_id, object_name = excluded.object_name,
      object_type = excluded.object_type, owner_code = excluded.owner_code, updated_at = now()
  `.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

/** Make sure every catalog number has an object row (names from element sets; unknown owner). */
export async function ensureObjects(
  db: Kysely<ConcordDatabase>,
  objects: readonly { noradCatId: number; objectId: string; objectName: string }[],
): Promise<void> {
  if (objects.length === 0) return;
  await sql`
    insert into objects (norad_cat_id, object_id, object_name)
    select * from unnest(${objects.map((o) => o.noradCatId)}::integer[], ${objects.map((o) => o.objectId)}::text[],
      ${objects.map((o) => o.objectName)}::text[])
    on conflict (norad_cat_id) do nothing
  `.execute(db);
}

/** Owner party of each catalog number that has one (objects without an owner are absent from the map). */
export async function ownersOf(
  db: Kysely<ConcordDatabase>,
  noradCatIds: readonly number[],
): Promise<Map<number, number>> {
  const owners = new Map<number, number>();
  if (noradCatIds.length === 0) return owners;
  const rows = await sql<{ norad_cat_id: number; owner_party_id: number }>`
    select norad_cat_id, owner_party_id from objects
    where norad_cat_id = any(${[...new Set(noradCatIds)]}::integer[]) and owner_party_id is not null
  `.execute(db);
  for (const r of rows.rows) owners.set(r.norad_cat_id, r.owner_party_id);
  return owners;
}

/** Give an object to a party (creating the object row if needed). */
export async function setObjectOwner(
  db: Kysely<ConcordDatabase>,
  noradCatId: number,
  partyId: number | null,
): Promise<void> {
  await db
    .insertInto('objects')
    .values({ norad_cat_id: noradCatId, owner_party_id: partyId })
    .onConflict((oc) => oc.column('norad_cat_id').doUpdateSet({ owner_party_id: partyId }))
    .execute();
}

/** Give every object whose SATCAT owner code is `ownerCode` to the party; returns how many objects. */
export async function assignOwnerCode(
  db: Kysely<ConcordDatabase>,
  ownerCode: string,
  partyId: number,
): Promise<number> {
  const result = await db
    .updateTable('objects')
    .set({ owner_party_id: partyId })
    .where('owner_code', '=', ownerCode)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Distinct SATCAT owner codes with their object counts, largest first. */
export async function ownerCodes(
  db: Kysely<ConcordDatabase>,
): Promise<{ ownerCode: string; objects: number }[]> {
  const rows = await db
    .selectFrom('objects')
    .select(['owner_code', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('owner_code')
    .orderBy('n', 'desc')
    .orderBy('owner_code')
    .execute();
  return rows.map((r) => ({ ownerCode: r.owner_code, objects: Number(r.n) }));
}

export async function getObject(
  db: Kysely<ConcordDatabase>,
  noradCatId: number,
): Promise<StoredObject | undefined> {
  const r = await db
    .selectFrom('objects')
    .selectAll()
    .where('norad_cat_id', '=', noradCatId)
    .executeTakeFirst();
  return r
    ? {
        noradCatId: r.norad_cat_id,
        objectId: r.object_id,
        objectName: r.object_name,
        objectType: r.object_type,
        ownerCode: r.owner_code,
        ownerPartyId: r.owner_party_id,
      }
    : undefined;
}

/** Catalog numbers owned by a party. */
export async function objectsOwnedBy(db: Kysely<ConcordDatabase>, partyId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('objects')
    .select('norad_cat_id')
    .where('owner_party_id', '=', partyId)
    .orderBy('norad_cat_id')
    .execute();
  return rows.map((r) => r.norad_cat_id);
}
