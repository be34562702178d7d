import { CompiledQuery, type Kysely, sql } from 'kysely';
import type { Reconciliation, TrackedEvent } from '../../core/coordination/event-reconciliation.js';
import { lockForTransaction } from './advisory-locks.js';
import type { ConcordDatabase, ConjunctionEventsTable } from './database-schema.js';

/** A detection as the coordinator stores it (the runner's detection plus what CDMs need). */
export interface StoredDetection {
  readonly primaryNorad: number;
  readonly secondaryNorad: number;
  readonly tcaUnixMs: number;
  readonly missKm: number;
  readonly relSpeedKmS: number;
  readonly missRtnKm: readonly [number, number, number];
  readonly pc: number | null;
  /** Parties whose private ephemeris gave one of the states (empty: element sets only). */
  readonly ephemerisPartyIds: readonly number[];
  /** Everything else the version keeps (element-set and ephemeris ids, RTN frame owner, ...). */
  readonly detail: Readonly<Record<string, unknown>>;
}

export interface ConjunctionEvent {
  readonly id: number;
  readonly primaryNorad: number;
  readonly secondaryNorad: number;
  readonly tcaUnixMs: number;
  readonly missKm: number;
  readonly relSpeedKmS: number;
  readonly missRtnKm: readonly [number, number, number];
  readonly pc: number | null;
  readonly status: ConjunctionEventsTable['status'];
  readonly version: number;
  readonly firstRunId: number;
  readonly lastRunId: number;
  /** Parties whose private ephemeris gave a state of the latest version (empty: element sets only). */
  readonly ephemerisPartyIds: readonly number[];
}

export interface ConjunctionVersion {
  readonly version: number;
  readonly runId: number;
  readonly tcaUnixMs: number;
  readonly missKm: number;
  readonly relSpeedKmS: number;
  readonly pc: number | null;
  readonly detail: Record<string, unknown>;
  readonly createdAt: Date;
}

type EventRow = Pick<
  ConjunctionEventsTable,
  | 'primary_norad'
  | 'secondary_norad'
  | 'tca_unix_ms'
  | 'miss_km'
  | 'rel_speed_km_s'
  | 'miss_r_km'
  | 'miss_t_km'
  | 'miss_n_km'
  | 'pc'
  | 'status'
  | 'version'
  | 'first_run_id'
  | 'last_run_id'
> & { id: number; ephemeris_party_ids_json: string | null };

function toEvent(r: EventRow): ConjunctionEvent {
  return {
    id: r.id,
    primaryNorad: r.primary_norad,
    secondaryNorad: r.secondary_norad,
    tcaUnixMs: r.tca_unix_ms,
    missKm: r.miss_km,
    relSpeedKmS: r.rel_speed_km_s,
    missRtnKm: [r.miss_r_km, r.miss_t_km, r.miss_n_km],
    pc: r.pc,
    status: r.status,
    version: r.version,
    firstRunId: r.first_run_id,
    lastRunId: r.last_run_id,
    ephemerisPartyIds:
      r.ephemeris_party_ids_json === null ? [] : (JSON.parse(r.ephemeris_party_ids_json) as number[]),
  };
}

const partyIdsJson = (ids: readonly number[]) => (ids.length === 0 ? null : JSON.stringify(ids));

const EVENT_COLUMNS = [
  'id',
  'primary_norad',
  'secondary_norad',
  'tca_unix_ms',
  'miss_km',
  'rel_speed_km_s',
  'miss_r_km',
  'miss_t_km',
  'miss_n_km',
  'pc',
  'status',
  'version',
  'first_run_id',
  'last_run_id',
  'ephemeris_party_ids_json',
] as const;

async function eventsInScope(
  db: Kysely<ConcordDatabase>,
  status: ConjunctionEventsTable['status'],
  norads: readonly number[] | null,
  tcaRangeUnixMs?: readonly [number, number],
): Promise<TrackedEvent[]> {
  let q = db.selectFrom('conjunction_events').select(EVENT_COLUMNS).where('status', '=', status);
  if (norads !== null) {
    const ids = [...norads];
    q = q.where((eb) =>
      eb.or([
        eb('primary_norad', '=', sql<number>`any(${ids}::integer[])`),
        eb('secondary_norad', '=', sql<number>`any(${ids}::integer[])`),
      ]),
    );
  }
  if (tcaRangeUnixMs !== undefined)
    q = q.where('tca_unix_ms', '>=', tcaRangeUnixMs[0]).where('tca_unix_ms', '<=', tcaRangeUnixMs[1]);
  const rows = await q.orderBy('id').execute();
  return rows.map(toEvent);
}

/** Open events involving any of `norads` (all open events when `norads` is null). */
export function openEventsInScope(
  db: Kysely<ConcordDatabase>,
  norads: readonly number[] | null,
): Promise<TrackedEvent[]> {
  return eventsInScope(db, 'open', norads);
}

/** Closed events involving any of `norads` (all when null) with a TCA in the range: what a re-screen may find again. */
export function closedEventsInScope(
  db: Kysely<ConcordDatabase>,
  norads: readonly number[] | null,
  fromUnixMs: number,
  toUnixMs: number,
): Promise<TrackedEvent[]> {
  return eventsInScope(db, 'closed', norads, [fromUnixMs, toUnixMs]);
}

type AlertKind = 'new' | 'updated' | 'closed' | 'cleared';

async function insertAlert(
  db: Kysely<ConcordDatabase>,
  kind: AlertKind,
  event: ConjunctionEvent,
  runId: number | null,
): Promise<void> {
  await db
    .insertInto('alerts')
    .values({
      event_id: event.id,
      kind,
      version: event.version,
      primary_norad: event.primaryNorad,
      secondary_norad: event.secondaryNorad,
      payload_json: JSON.stringify({
        eventId: event.id,
        kind,
        version: event.version,
        status: event.status,
        primaryNorad: event.primaryNorad,
        secondaryNorad: event.secondaryNorad,
        tcaUtc: new Date(event.tcaUnixMs).toISOString(),
        missKm: event.missKm,
        pc: event.pc,
        runId,
      }),
    })
    .onConflict((oc) => oc.columns(['event_id', 'version', 'kind']).doNothing())
    .execute();
}

async function insertVersion(
  db: Kysely<ConcordDatabase>,
  eventId: number,
  version: number,
  runId: number,
  d: StoredDetection,
) {
  await db
    .insertInto('conjunction_versions')
    .values({
      event_id: eventId,
      version,
      run_id: runId,
      tca_unix_ms: d.tcaUnixMs,
      miss_km: d.missKm,
      rel_speed_km_s: d.relSpeedKmS,
      pc: d.pc,
      detail_json: JSON.stringify({ ...d.detail, missRtnKm: d.missRtnKm }),
    })
    .execute();
}

/**
 * Write a reconciliation (call inside the transaction that marks the run merged, so it happens exactly once):
 * new events (version 1), new versions of changed events, cleared events; one alert per change.
 */
export async function applyReconciliation(
  db: Kysely<ConcordDatabase>,
  runId: number,
  rec: Reconciliation<StoredDetection & { readonly primaryNorad: number }>,
): Promise<{ created: number; updated: number; cleared: number }> {
  for (const d of rec.created) {
    const row = await db
      .insertInto('conjunction_events')
      .values({
        primary_norad: d.primaryNorad,
        secondary_norad: d.secondaryNorad,
        tca_unix_ms: d.tcaUnixMs,
        miss_km: d.missKm,
        rel_speed_km_s: d.relSpeedKmS,
        miss_r_km: d.missRtnKm[0],
        miss_t_km: d.missRtnKm[1],
        miss_n_km: d.missRtnKm[2],
        pc: d.pc,
        status: 'open',
        version: 1,
        first_run_id: runId,
        last_run_id: runId,
        ephemeris_party_ids_json: partyIdsJson(d.ephemerisPartyIds),
      })
      .returning(EVENT_COLUMNS)
      .executeTakeFirstOrThrow();
    await insertVersion(db, row.id, 1, runId, d);
    await insertAlert(db, 'new', toEvent(row), runId);
  }
  for (const { event, detection: d } of rec.updated) {
    const row = await db
      .updateTable('conjunction_events')
      .set({
        tca_unix_ms: d.tcaUnixMs,
        miss_km: d.missKm,
        rel_speed_km_s: d.relSpeedKmS,
        miss_r_km: d.missRtnKm[0],
        miss_t_km: d.missRtnKm[1],
        miss_n_km: d.missRtnKm[2],
        pc: d.pc,
        version: event.version + 1,
        last_run_id: runId,
        ephemeris_party_ids_json: partyIdsJson(d.ephemerisPartyIds),
        updated_at: new Date(),
      })
      .where('id', '=', event.id)
      .returning(EVENT_COLUMNS)
      .executeTakeFirstOrThrow();
    await insertVersion(db, event.id, event.version + 1, runId, d);
    await insertAlert(db, 'updated', toEvent(row), runId);
  }
  for (const { event } of rec.unchanged) {
    await db
      .updateTable('conjunction_events')
      .set({ last_run_id: runId })
      .where('id', '=', event.id)
      .execute();
  }
  for (const event of rec.cleared) {
    const row = await db
      .updateTable('conjunction_events')
      .set({ status: 'cleared', version: event.version + 1, last_run_id: runId, updated_at: new Date() })
      .where('id', '=', event.id)
      .returning(EVENT_COLUMNS)
      .executeTakeFirstOrThrow();
    await insertAlert(db, 'cleared', toEvent(row), runId);
  }
  return { created: rec.created.length, updated: rec.updated.length, cleared: rec.cleared.length };
}

/** Close open events whose TCA has passed; one alert each. Returns how many were closed. */
export async function closePastEvents(db: Kysely<ConcordDatabase>, nowUnixMs: number): Promise<number> {
  return db.transaction().execute(async (tx) => {
    await lockForTransaction(tx, 'event-writers');
    const rows = await tx
      .updateTable('conjunction_events')
      .set((eb) => ({ status: 'closed', version: eb('version', '+', 1), updated_at: new Date() }))
      .where('status', '=', 'open')
      .where('tca_unix_ms', '<', nowUnixMs)
      .returning(EVENT_COLUMNS)
      .execute();
    for (const r of rows) await insertAlert(tx, 'closed', toEvent(r), null);
    return rows.length;
  });
}

export interface ConjunctionFilter {
  readonly object?: number;
  /** Events that involve an object owned by this party. */
  readonly partyId?: number;
  readonly tcaFromUnixMs?: number;
  readonly tcaToUnixMs?: number;
  readonly maxMissKm?: number;
  readonly minPc?: number;
  readonly status?: ConjunctionEventsTable['status'];
  readonly limit: number;
  /** Keyset cursor: events after (tca, id). */
  readonly after?: { readonly tcaUnixMs: number; readonly id: number };
}

const EVENT_COLUMN_LIST = EVENT_COLUMNS.join(', ');

/**
 * Events by TCA then id, filtered; one more than `limit` is fetched to know whether a next page exists.
 *
 * The SQL is written out rather than built with the query builder: this is the service's hottest read, and building
 * and compiling the query cost as much as running it. The text depends only on which filters are present, so each
 * shape is planned once by the embedded store's prepared statements.
 */
export async function listConjunctions(
  db: Kysely<ConcordDatabase>,
  filter: ConjunctionFilter,
): Promise<{ events: ConjunctionEvent[]; hasMore: boolean }> {
  const parameters: unknown[] = [];
  const parameter = (value: unknown) => {
    parameters.push(value);
    return `$${parameters.length}`;
  };
  const where: string[] = [];
  if (filter.object !== undefined) {
    const object = parameter(filter.object);
    where.push(`(primary_norad = ${object} or secondary_norad = ${object})`);
  }
  if (filter.partyId !== undefined) {
    const owned = `select norad_cat_id from objects where owner_party_id = ${parameter(filter.partyId)}`;
    where.push(`(primary_norad in (${owned}) or secondary_norad in (${owned}))`);
  }
  if (filter.tcaFromUnixMs !== undefined) where.push(`tca_unix_ms >= ${parameter(filter.tcaFromUnixMs)}`);
  if (filter.tcaToUnixMs !== undefined) where.push(`tca_unix_ms <= ${parameter(filter.tcaToUnixMs)}`);
  if (filter.maxMissKm !== undefined) where.push(`miss_km <= ${parameter(filter.maxMissKm)}`);
  if (filter.minPc !== undefined) where.push(`pc >= ${parameter(filter.minPc)}`);
  if (filter.status !== undefined) where.push(`status = ${parameter(filter.status)}`);
  if (filter.after !== undefined) {
    const tca = parameter(filter.after.tcaUnixMs);
    where.push(`(tca_unix_ms > ${tca} or (tca_unix_ms = ${tca} and id > ${parameter(filter.after.id)}))`);
  }
  const text =
    `select ${EVENT_COLUMN_LIST} from conjunction_events` +
    (where.length > 0 ? ` where ${where.join(' and ')}` : '') +
    ` order by tca_unix_ms, id limit ${parameter(filter.limit + 1)}`;
  const { rows } = await db.executeQuery<EventRow>(CompiledQuery.raw(text, parameters));
  return { events: rows.slice(0, filter.limit).map(toEvent), hasMore: rows.length > filter.limit };
}

export async function getConjunction(
  db: Kysely<ConcordDatabase>,
  id: number,
): Promise<ConjunctionEvent | undefined> {
  const r = await db
    .selectFrom('conjunction_events')
    .select(EVENT_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? toEvent(r) : undefined;
}

export async function conjunctionVersions(
  db: Kysely<ConcordDatabase>,
  eventId: number,
): Promise<ConjunctionVersion[]> {
  const rows = await db
    .selectFrom('conjunction_versions')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('version')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    runId: r.run_id,
    tcaUnixMs: r.tca_unix_ms,
    missKm: r.miss_km,
    relSpeedKmS: r.rel_speed_km_s,
    pc: r.pc,
    detail: JSON.parse(r.detail_json) as Record<string, unknown>,
    createdAt: r.created_at,
  }));
}

export interface AlertRow {
  readonly id: number;
  readonly primaryNorad: number;
  readonly secondaryNorad: number;
  readonly payload: Record<string, unknown>;
}

/** Alerts after `afterId`, oldest first. */
export async function alertsAfter(
  db: Kysely<ConcordDatabase>,
  afterId: number,
  limit = 500,
): Promise<AlertRow[]> {
  const rows = await db
    .selectFrom('alerts')
    .select(['id', 'primary_norad', 'secondary_norad', 'payload_json'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    primaryNorad: r.primary_norad,
    secondaryNorad: r.secondary_norad,
    payload: JSON.parse(r.payload_json) as Record<string, unknown>,
  }));
}

export async function lastAlertId(db: Kysely<ConcordDatabase>): Promise<number> {
  const r = await db
    .selectFrom('alerts')
    .select((eb) => eb.fn.max('id').as('m'))
    .executeTakeFirst();
  return Number(r?.m ?? 0);
}

export async function countConjunctions(db: Kysely<ConcordDatabase>): Promise<number> {
  const r = await db
    .selectFrom('conjunction_events')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
