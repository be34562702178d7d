import type { Kysely } from 'kysely';
import type { ConcordDatabase } from './database-schema.js';

/** Append one entry to the audit log: who (party id, null = the service itself) did what. */
export async function appendAudit(
  db: Kysely<ConcordDatabase>,
  partyId: number | null,
  action: string,
  detail: Readonly<Record<string, unknown>>,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ party_id: partyId, action, detail_json: JSON.stringify(detail) })
    .execute();
}

export interface AuditEntry {
  readonly id: number;
  readonly partyId: number | null;
  readonly action: string;
  readonly detail: unknown;
  readonly at: Date;
}

export async function listAudit(db: Kysely<ConcordDatabase>, limit = 100): Promise<AuditEntry[]> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    partyId: r.party_id,
    action: r.action,
    detail: JSON.parse(r.detail_json) as unknown,
    at: r.at,
  }));
}
