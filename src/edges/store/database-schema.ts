import type { ColumnType, Generated } from 'kysely';

/**
 * Tables of the system of record (Kysely types). Times: `*_unix_ms` are Unix milliseconds UTC (double precision,
 * sub-millisecond kept); `*_at` columns are the database clock (timestamptz). Distances km, speeds km/s.
 */
export interface PartiesTable {
  id: Generated<number>;
  name: string;
  /** ISO 3166 / SATCAT owner code, e.g. `US`, `FR`, `PRC`. */
  country: string;
  contact: string | null;
  role: 'admin' | 'party';
  /** SHA-256 (hex) of the API token; the token itself is shown once and never stored. */
  token_hash: string;
  created_at: ColumnType<Date, never, never>;
}

export interface ObjectsTable {
  norad_cat_id: number;
  object_id: Generated<string>;
  object_name: Generated<string>;
  object_type: Generated<string>;
  /** SATCAT owner / country code. */
  owner_code: Generated<string>;
  owner_party_id: ColumnType<number | null, number | null | undefined, number | null>;
  updated_at: ColumnType<Date, never, never>;
}

export interface ElementSetsTable {
  id: Generated<number>;
  norad_cat_id: number;
  epoch_unix_ms: number;
  /** SHA-256 (hex) of the catalog number, epoch and mean elements: a set stored once whoever posts it again. */
  content_hash: string;
  /** The canonical `ElementSet` as JSON (numbers round-trip exactly). */
  element_set_json: string;
  format: string;
  source: string;
  submitted_by: number | null;
  ingested_at: ColumnType<Date, never, never>;
}

export interface EphemeridesTable {
  id: Generated<number>;
  norad_cat_id: number;
  party_id: number;
  start_unix_ms: number;
  stop_unix_ms: number;
  /** Operator ephemerides are private to their party and the service operator. */
  visibility: 'private';
  content_hash: string;
  oem_text: string;
  ingested_at: ColumnType<Date, never, never>;
}

export interface ScreeningRunsTable {
  id: Generated<number>;
  kind: 'full' | 'incremental';
  status: 'queued' | 'running' | 'merging' | 'done' | 'failed';
  window_start_unix_ms: number;
  window_end_unix_ms: number;
  threshold_km: number;
  /** JSON array of the element-set ids screened (frozen at creation so every shard sees the same catalog). */
  element_set_ids_json: string;
  /** JSON array of primary catalog numbers (one-vs-all), or null for all-vs-all. */
  primaries_json: string | null;
  /**
   * JSON array of `{ noradCatId, ephemerisId }`: primaries whose states come from that stored ephemeris instead of
   * their element set; null when none.
   */
  ephemerides_json: ColumnType<string | null, string | null | undefined, string | null>;
  shard_count: number;
  shards_done: Generated<number>;
  requested_by: number | null;
  stats_json: string | null;
  error: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  finished_at: Date | null;
}

export interface ScreeningShardsTable {
  run_id: number;
  shard_index: number;
  status: 'queued' | 'done';
  attempts: Generated<number>;
  result_json: string | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface ConjunctionEventsTable {
  id: Generated<number>;
  /** Lower catalog number of the pair (events keep their identity by pair and TCA). */
  primary_norad: number;
  secondary_norad: number;
  tca_unix_ms: number;
  miss_km: number;
  rel_speed_km_s: number;
  miss_r_km: number;
  miss_t_km: number;
  miss_n_km: number;
  pc: number | null;
  status: 'open' | 'closed' | 'cleared';
  version: number;
  first_run_id: number;
  last_run_id: number;
  /**
   * JSON array of the parties whose private ephemeris gave a state of the latest version (who may see the states
   * derived from it); null when all states came from element sets.
   */
  ephemeris_party_ids_json: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface ConjunctionVersionsTable {
  event_id: number;
  version: number;
  run_id: number;
  tca_unix_ms: number;
  miss_km: number;
  rel_speed_km_s: number;
  pc: number | null;
  /** The conjunction data of this version (states, element-set ids) from which CDMs are written. */
  detail_json: string;
  created_at: ColumnType<Date, never, never>;
}

export interface AlertsTable {
  id: Generated<number>;
  event_id: number;
  kind: 'new' | 'updated' | 'closed' | 'cleared';
  version: number;
  primary_norad: number;
  secondary_norad: number;
  payload_json: string;
  created_at: ColumnType<Date, never, never>;
}

export interface AuditLogTable {
  id: Generated<number>;
  party_id: number | null;
  action: string;
  detail_json: string;
  at: ColumnType<Date, never, never>;
}

export interface ConcordDatabase {
  parties: PartiesTable;
  objects: ObjectsTable;
  element_sets: ElementSetsTable;
  ephemerides: EphemeridesTable;
  screening_runs: ScreeningRunsTable;
  screening_shards: ScreeningShardsTable;
  conjunction_events: ConjunctionEventsTable;
  conjunction_versions: ConjunctionVersionsTable;
  alerts: AlertsTable;
  audit_log: AuditLogTable;
}
