import { type Kysely, sql } from 'kysely';

/** Parties, objects, append-only element-set history, ephemerides, runs and shards, events with versions, alerts, audit. */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One statement per query: PGlite's parameterised protocol accepts a single statement.
  for (const statement of STATEMENTS.split(';').map((s) => s.trim())) {
    if (statement !== '') await sql.raw(statement).execute(db);
  }
}

const STATEMENTS = `
    create table parties (
      id integer generated always as identity primary key,
      name text not null unique,
      country text not null,
      contact text,
      role text not null check (role in ('admin', 'party')),
      token_hash text not null unique,
      created_at timestamptz not null default now()
    );
    create table objects (
      norad_cat_id integer primary key,
      object_id text not null default '',
      object_name text not null default '',
      object_type text not null default 'UNKNOWN',
      owner_code text not null default 'UNKNOWN',
      owner_party_id integer references parties(id),
      updated_at timestamptz not null default now()
    );
    create index objects_owner_party on objects (owner_party_id);
    create table element_sets (
      id integer generated always as identity primary key,
      norad_cat_id integer not null,
      epoch_unix_ms double precision not null,
      content_hash text not null unique,
      element_set_json text not null,
      format text not null,
      source text not null,
      submitted_by integer references parties(id),
      ingested_at timestamptz not null default now()
    );
    create index element_sets_latest on element_sets (norad_cat_id, epoch_unix_ms desc, id desc);
    create table ephemerides (
      id integer generated always as identity primary key,
      norad_cat_id integer not null,
      party_id integer not null references parties(id),
      start_unix_ms double precision not null,
      stop_unix_ms double precision not null,
      visibility text not null default 'private',
      content_hash text not null,
      oem_text text not null,
      ingested_at timestamptz not null default now(),
      unique (party_id, content_hash)
    );
    create index ephemerides_object on ephemerides (norad_cat_id);
    create table screening_runs (
      id integer generated always as identity primary key,
      kind text not null check (kind in ('full', 'incremental')),
      status text not null,
      window_start_unix_ms double precision not null,
      window_end_unix_ms double precision not null,
      threshold_km double precision not null,
      element_set_ids_json text not null,
      primaries_json text,
      shard_count integer not null,
      shards_done integer not null default 0,
      requested_by integer references parties(id),
      stats_json text,
      error text,
      created_at timestamptz not null default now(),
      finished_at timestamptz
    );
    create table screening_shards (
      run_id integer not null references screening_runs(id),
      shard_index integer not null,
      status text not null,
      attempts integer not null default 0,
      result_json text,
      updated_at timestamptz not null default now(),
      primary key (run_id, shard_index)
    );
    create table conjunction_events (
      id integer generated always as identity primary key,
      primary_norad integer not null,
      secondary_norad integer not null,
      tca_unix_ms double precision not null,
      miss_km double precision not null,
      rel_speed_km_s double precision not null,
      miss_r_km double precision not null,
      miss_t_km double precision not null,
      miss_n_km double precision not null,
      pc double precision,
      status text not null,
      version integer not null,
      first_run_id integer not null,
      last_run_id integer not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index conjunction_events_primary on conjunction_events (primary_norad, tca_unix_ms);
    create index conjunction_events_secondary on conjunction_events (secondary_norad, tca_unix_ms);
    create index conjunction_events_tca on conjunction_events (tca_unix_ms);
    create table conjunction_versions (
      event_id integer not null references conjunction_events(id),
      version integer not null,
      run_id integer not null,
      tca_unix_ms double precision not null,
      miss_km double precision not null,
      rel_speed_km_s double precision not null,
      pc double precision,
      detail_json text not null,
      created_at timestamptz not null default now(),
      primary key (event_id, version)
    );
    create table alerts (
      id integer generated always as identity primary key,
      event_id integer not null references conjunction_events(id),
      kind text not null,
      version integer not null,
      primary_norad integer not null,
      secondary_norad integer not null,
      payload_json text not null,
      created_at timestamptz not null default now(),
      unique (event_id, version, kind)
    );
    create table audit_log (
      id integer generated always as identity primary key,
      party_id integer,
      action text not null,
      detail_json text not null,
      at timestamptz not null default now()
    );
`;
