import type { Kysely } from 'kysely';
import type { ConcordDatabase } from './database-schema.js';
import { hashApiToken, newApiToken, sameTokenHash } from './token-hash.js';

export interface Party {
  readonly id: number;
  readonly name: string;
  readonly country: string;
  readonly contact: string | null;
  readonly role: 'admin' | 'party';
}

export interface NewParty {
  readonly name: string;
  readonly country: string;
  readonly contact?: string;
  readonly role?: 'admin' | 'party';
}

const PARTY_COLUMNS = ['id', 'name', 'country', 'contact', 'role'] as const;

/** Create a party; returns it with its API token (the only time the token is available). */
export async function createParty(
  db: Kysely<ConcordDatabase>,
  party: NewParty,
): Promise<{ party: Party; token: string }> {
  const token = newApiToken();
  const row = await db
    .insertInto('parties')
    .values({
      name: party.name,
      country: party.country,
      contact: party.contact ?? null,
      role: party.role ?? 'party',
      token_hash: hashApiToken(token),
    })
    .returning(PARTY_COLUMNS)
    .executeTakeFirstOrThrow();
  return { party: row, token };
}

/** Replace a party's token (the old one stops working at once); returns the new token. */
export async function rotatePartyToken(
  db: Kysely<ConcordDatabase>,
  partyId: number,
): Promise<string | undefined> {
  const token = newApiToken();
  const result = await db
    .updateTable('parties')
    .set({ token_hash: hashApiToken(token) })
    .where('id', '=', partyId)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n ? token : undefined;
}

/**
 * The party holding this token, if any. The lookup is by SHA-256 digest, so its timing says nothing useful about
 * the token; the digests are then compared in constant time.
 */
export async function findPartyByToken(
  db: Kysely<ConcordDatabase>,
  token: string,
): Promise<Party | undefined> {
  const digest = hashApiToken(token);
  const row = await db
    .selectFrom('parties')
    .select([...PARTY_COLUMNS, 'token_hash'])
    .where('token_hash', '=', digest)
    .executeTakeFirst();
  if (!row || !sameTokenHash(row.token_hash, digest)) return undefined;
  const { token_hash: _, ...party } = row;
  return party;
}

export async function getParty(db: Kysely<ConcordDatabase>, id: number): Promise<Party | undefined> {
  return db.selectFrom('parties').select(PARTY_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function findPartyByName(db: Kysely<ConcordDatabase>, name: string): Promise<Party | undefined> {
  return db.selectFrom('parties').select(PARTY_COLUMNS).where('name', '=', name).executeTakeFirst();
}

export async function listParties(db: Kysely<ConcordDatabase>): Promise<Party[]> {
  return db.selectFrom('parties').select(PARTY_COLUMNS).orderBy('id').execute();
}

export async function countAdmins(db: Kysely<ConcordDatabase>): Promise<number> {
  const row = await db
    .selectFrom('parties')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
