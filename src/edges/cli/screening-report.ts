import type {
  ConjunctionEvent,
  ScreeningRequest,
  ScreeningResult,
} from '../../core/screening/screening-types.js';
import { formatIsoUtc, utcInstantFromUnixMs } from '../../core/time/iso-8601.js';
import type { OemPrimaryDescription } from './oem-primaries.js';
import type { ScreenedObject } from './screened-objects.js';
import type { WrittenCdms } from './screening-cdms.js';

export type ScreeningReportFormat = 'table' | 'json' | 'csv';

/** What a report needs besides the result. */
export interface ScreeningReportContext {
  readonly request: ScreeningRequest;
  readonly wallSeconds: number;
  readonly workers: number;
  readonly cdms?: { readonly dir: string; readonly written: WrittenCdms };
  readonly oem?: readonly OemPrimaryDescription[];
}

/** One reported conjunction, as written in JSON and CSV (names say units; times ISO-8601 UTC). */
export interface ConjunctionRecord {
  readonly id1: string;
  readonly name1: string;
  readonly id2: string;
  readonly name2: string;
  readonly tca: string;
  readonly miss_km: number;
  readonly rel_speed_km_s: number;
  readonly miss_rtn_km: readonly [number, number, number];
  /** Days from the element-set epoch to TCA; null for an object given by an ephemeris. */
  readonly element_set_age1_days: number | null;
  readonly element_set_age2_days: number | null;
  readonly regime1: string;
  readonly regime2: string;
  /** `catalog` (SGP4 of the element set) or `oem` (the operator ephemeris). */
  readonly source1: string;
  readonly source2: string;
  /**
   * `none` for a true minimum; `window-start`/`window-end` when clipped by the window, `coverage-start`/
   * `coverage-end` when clipped by an ephemeris coverage change (not a TCA).
   */
  readonly edge: string;
  /** With --cdm-dir: the CDM written for this conjunction (file name in that directory). */
  readonly cdm_file?: string;
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));
const isoMs = (unixMs: number) => formatIsoUtc(utcInstantFromUnixMs(unixMs), 3);

function record(
  objects: readonly ScreenedObject[],
  e: ConjunctionEvent,
  cdmFile: string | undefined,
): ConjunctionRecord {
  const a = objects[e.index1] as ScreenedObject;
  const b = objects[e.index2] as ScreenedObject;
  const ageDays = (o: ScreenedObject) =>
    o.elementSetEpochUnixMs === undefined
      ? null
      : round((e.tcaUnixMs - o.elementSetEpochUnixMs) / 86_400_000, 4);
  return {
    id1: a.id,
    name1: a.name,
    id2: b.id,
    name2: b.name,
    tca: formatIsoUtc(utcInstantFromUnixMs(e.tcaUnixMs), 3),
    miss_km: round(e.missKm, 6),
    rel_speed_km_s: round(e.relSpeedKmS, 6),
    miss_rtn_km: [round(e.missRtnKm[0], 6), round(e.missRtnKm[1], 6), round(e.missRtnKm[2], 6)],
    element_set_age1_days: ageDays(a),
    element_set_age2_days: ageDays(b),
    regime1: a.regime,
    regime2: b.regime,
    source1: a.source,
    source2: b.source,
    edge: e.edge,
    ...(cdmFile ? { cdm_file: cdmFile } : {}),
  };
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The screening output in one of the formats (JSON: window, conjunctions, persistent, exclusions, stats). */
export function renderScreening(
  format: ScreeningReportFormat,
  objects: readonly ScreenedObject[],
  result: ScreeningResult,
  context: ScreeningReportContext,
): string {
  const { request, wallSeconds, workers, cdms, oem } = context;
  const conjunctions = result.conjunctions.map((e, k) => record(objects, e, cdms?.written.files[k]));
  const persistent = result.persistent.map((p) => {
    const a = objects[p.index1] as ScreenedObject;
    const b = objects[p.index2] as ScreenedObject;
    return {
      id1: a.id,
      name1: a.name,
      id2: b.id,
      name2: b.name,
      from: isoMs(p.fromUnixMs),
      to: isoMs(p.toUnixMs),
      min_range_km: Number(p.minRangeKm.toFixed(6)),
      min_range_time: isoMs(p.minRangeUnixMs),
      max_range_km: Number(p.maxRangeKm.toFixed(6)),
      collapsed_events: p.collapsedEvents,
    };
  });
  const exclusions = result.exclusions.map((x) => ({
    id: (objects[x.index] as ScreenedObject).id,
    name: (objects[x.index] as ScreenedObject).name,
    code: x.code,
    detail: x.detail,
    ...(x.fromUnixMs !== undefined && x.toUnixMs !== undefined
      ? { from: isoMs(x.fromUnixMs), to: isoMs(x.toUnixMs) }
      : {}),
  }));
  const window = {
    start: isoMs(request.startUnixMs),
    end: isoMs(request.endUnixMs),
    threshold_km: request.thresholdKm,
  };
  const replaced = (oem ?? []).filter((o) => o.replaces_catalog_object);
  const stats = {
    ...result.stats,
    objects_screened: result.stats.objectsScreened,
    excluded_by_reason: result.stats.excludedByReason,
    candidate_pairs: result.stats.candidatePairs,
    conjunctions: conjunctions.length,
    persistent_proximities: persistent.length,
    workers,
    wall_s: Number(wallSeconds.toFixed(3)),
    ...(oem
      ? {
          oem_primaries: oem,
          oem_replaced: replaced.map((o) => ({ id: o.id, name: o.name, file: o.file })),
        }
      : {}),
    ...(cdms
      ? {
          cdm_dir: cdms.dir,
          cdms_written: cdms.written.files.filter(Boolean).length,
          cdms_skipped: cdms.written.skipped,
        }
      : {}),
  };
  if (format === 'json') {
    return `${JSON.stringify({ window, conjunctions, persistent, exclusions, stats }, null, 2)}\n`;
  }
  if (format === 'csv') {
    const header = [
      'id1',
      'name1',
      'id2',
      'name2',
      'tca',
      'miss_km',
      'rel_speed_km_s',
      'miss_r_km',
      'miss_t_km',
      'miss_n_km',
      'element_set_age1_days',
      'element_set_age2_days',
      'regime1',
      'regime2',
      'edge',
    ];
    const rows = conjunctions.map((c) =>
      [
        c.id1,
        c.name1,
        c.id2,
        c.name2,
        c.tca,
        c.miss_km,
        c.rel_speed_km_s,
        ...c.miss_rtn_km,
        c.element_set_age1_days,
        c.element_set_age2_days,
        c.regime1,
        c.regime2,
        c.edge,
      ]
        .map(csvField)
        .join(','),
    );
    return `${[header.join(','), ...rows].join('\n')}\n`;
  }
  const lines: string[] = [];
  lines.push(
    `Screened ${result.stats.objectsScreened.toLocaleString('en-US')} of ${result.stats.objectsInput.toLocaleString('en-US')} objects, ${window.start} to ${window.end}, threshold ${request.thresholdKm} km, in ${wallSeconds.toFixed(1)} s on ${workers} worker(s)`,
  );
  const excluded = Object.entries(result.stats.excludedByReason);
  for (const o of oem ?? []) {
    lines.push(
      `OEM primary ${o.id} ${o.name} from ${o.file} (${o.frame} ${o.time_system} → TEME, ${[...new Set(o.interpolation)].join(', ')}, ${o.states} states, ${o.coverage.map((c) => `${c.from} to ${c.to}`).join(', ')})${o.replaces_catalog_object ? ': replaces the catalog element set' : ''}`,
    );
  }
  if (excluded.length > 0) lines.push(`Excluded: ${excluded.map(([k, n]) => `${k} ${n}`).join(', ')}`);
  // Coverage gaps of ephemeris objects, span by span (other partial exclusions are in the JSON output).
  for (const x of exclusions)
    if ('from' in x && x.code === 'OUTSIDE_EPHEMERIS')
      lines.push(`  ${x.id} ${x.name} not screened from ${x.from} to ${x.to} [${x.code}]`);
  if (cdms) {
    lines.push(`${stats.cdms_written} CDM(s) written to ${cdms.dir}`);
    for (const x of cdms.written.skipped)
      lines.push(`  CDM not written for conjunction ${x.conjunction + 1}: ${x.reason}`);
  }
  lines.push(
    `${conjunctions.length} conjunction(s), ${persistent.length} persistent proximit${persistent.length === 1 ? 'y' : 'ies'}, ${result.stats.candidatePairs} candidate pairs refined`,
  );
  lines.push('');
  lines.push(
    `${'TCA (UTC)'.padEnd(24)} ${'id1'.padEnd(6)} ${'name1'.padEnd(24)} ${'id2'.padEnd(6)} ${'name2'.padEnd(24)} ${'miss km'.padStart(8)} ${'v km/s'.padStart(7)}  edge`,
  );
  for (const c of conjunctions) {
    lines.push(
      `${c.tca.padEnd(24)} ${c.id1.padEnd(6)} ${c.name1.slice(0, 24).padEnd(24)} ${c.id2.padEnd(6)} ${c.name2.slice(0, 24).padEnd(24)} ${c.miss_km.toFixed(3).padStart(8)} ${c.rel_speed_km_s.toFixed(3).padStart(7)}  ${c.edge === 'none' ? '' : c.edge}`,
    );
  }
  if (persistent.length > 0) {
    lines.push('', 'Persistent proximities (within the threshold for hours or more; reported once):');
    for (const p of persistent)
      lines.push(
        `  ${p.id1} ${p.name1} / ${p.id2} ${p.name2}: ${p.min_range_km.toFixed(3)}-${p.max_range_km.toFixed(3)} km from ${p.from} to ${p.to} (${p.collapsed_events} minima)`,
      );
  }
  return `${lines.join('\n')}\n`;
}
