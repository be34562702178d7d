import { availableParallelism } from 'node:os';
import { type Command, Option } from 'commander';
import type { CatalogObject } from '../../../core/catalog/catalog.js';
import { ConcordError } from '../../../core/result.js';
import { elementSetAtTca } from '../../../core/risk/conjunction-assessment.js';
import type {
  ConjunctionEvent,
  ScreeningObject,
  ScreeningRequest,
  ScreeningResult,
} from '../../../core/screening/screening-types.js';
import { epochUnixMs } from '../../../core/screening/sgp4-states.js';
import { formatIsoUtc, unixMsFromUtcInstant, utcInstantFromUnixMs } from '../../../core/time/iso-8601.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { loadCatalogFiles, requireNoRejections } from '../../io/load-catalog.js';
import { screenWithWorkers } from '../../workers/screen-pool.js';
import { bundledHbrTable, parseHbrOption } from '../cdm-file.js';
import { parsePositiveNumberOption, parseUtcOption, skipInvalidOption } from '../options.js';
import { createProgress } from '../progress.js';
import {
  type CdmSubject,
  prepareCdmDirectory,
  type WrittenCdms,
  writeScreeningCdms,
} from '../screening-cdms.js';

interface ScreenOptions {
  start?: string;
  end?: string;
  days?: string;
  thresholdKm: string;
  primary?: string;
  workers?: string;
  format: 'table' | 'json' | 'csv';
  out?: string;
  maxAgeDays?: string;
  skipInvalid?: boolean;
  cdmDir?: string;
  hbrM?: string;
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
  readonly element_set_age1_days: number;
  readonly element_set_age2_days: number;
  readonly regime1: string;
  readonly regime2: string;
  /** `none` for a true minimum; `window-start`/`window-end` when clipped by the window (not a TCA). */
  readonly edge: string;
  /** With --cdm-dir: the CDM written for this conjunction (file name in that directory). */
  readonly cdm_file?: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function record(
  objects: readonly CatalogObject[],
  e: ConjunctionEvent,
  cdmFile: string | undefined,
): ConjunctionRecord {
  const a = objects[e.index1] as CatalogObject;
  const b = objects[e.index2] as CatalogObject;
  const ageDays = (o: CatalogObject) => (e.tcaUnixMs - epochUnixMs(o.elementSet)) / 86_400_000;
  const round = (x: number, digits: number) => Number(x.toFixed(digits));
  return {
    id1: a.elementSet.catalogId,
    name1: a.elementSet.objectName,
    id2: b.elementSet.catalogId,
    name2: b.elementSet.objectName,
    tca: formatIsoUtc(utcInstantFromUnixMs(e.tcaUnixMs), 3),
    miss_km: round(e.missKm, 6),
    rel_speed_km_s: round(e.relSpeedKmS, 6),
    miss_rtn_km: [round(e.missRtnKm[0], 6), round(e.missRtnKm[1], 6), round(e.missRtnKm[2], 6)],
    element_set_age1_days: round(ageDays(a), 4),
    element_set_age2_days: round(ageDays(b), 4),
    regime1: a.regime,
    regime2: b.regime,
    edge: e.edge,
    ...(cdmFile ? { cdm_file: cdmFile } : {}),
  };
}

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function render(
  format: ScreenOptions['format'],
  objects: readonly CatalogObject[],
  request: ScreeningRequest,
  result: ScreeningResult,
  wallSeconds: number,
  workers: number,
  cdms: { readonly dir: string; readonly written: WrittenCdms } | undefined,
): string {
  const conjunctions = result.conjunctions.map((e, k) => record(objects, e, cdms?.written.files[k]));
  const persistent = result.persistent.map((p) => {
    const a = objects[p.index1] as CatalogObject;
    const b = objects[p.index2] as CatalogObject;
    return {
      id1: a.elementSet.catalogId,
      name1: a.elementSet.objectName,
      id2: b.elementSet.catalogId,
      name2: b.elementSet.objectName,
      from: formatIsoUtc(utcInstantFromUnixMs(p.fromUnixMs), 3),
      to: formatIsoUtc(utcInstantFromUnixMs(p.toUnixMs), 3),
      min_range_km: Number(p.minRangeKm.toFixed(6)),
      min_range_time: formatIsoUtc(utcInstantFromUnixMs(p.minRangeUnixMs), 3),
      max_range_km: Number(p.maxRangeKm.toFixed(6)),
      collapsed_events: p.collapsedEvents,
    };
  });
  const exclusions = result.exclusions.map((x) => ({
    id: (objects[x.index] as CatalogObject).elementSet.catalogId,
    name: (objects[x.index] as CatalogObject).elementSet.objectName,
    code: x.code,
    detail: x.detail,
  }));
  const window = {
    start: formatIsoUtc(utcInstantFromUnixMs(request.startUnixMs), 3),
    end: formatIsoUtc(utcInstantFromUnixMs(request.endUnixMs), 3),
    threshold_km: request.thresholdKm,
  };
  const stats = {
    ...result.stats,
    objects_screened: result.stats.objectsScreened,
    excluded_by_reason: result.stats.excludedByReason,
    candidate_pairs: result.stats.candidatePairs,
    conjunctions: conjunctions.length,
    persistent_proximities: persistent.length,
    workers,
    wall_s: Number(wallSeconds.toFixed(3)),
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
  if (excluded.length > 0) lines.push(`Excluded: ${excluded.map(([k, n]) => `${k} ${n}`).join(', ')}`);
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

/** CDM subjects of catalog objects: SGP4 states at TCA, synthetic covariances, CARA/RCS/default radii. */
function catalogSubjects(objects: readonly CatalogObject[]): CdmSubject[] {
  const table = bundledHbrTable();
  return objects.map((o) => ({
    fileId: o.elementSet.catalogId,
    identity: {
      designator: String(o.elementSet.noradCatId),
      name: o.elementSet.objectName || `NORAD ${o.elementSet.noradCatId}`,
      internationalDesignator: o.elementSet.objectId || 'UNKNOWN',
      objectType: o.objectType,
      elementSetEpochUtc: o.elementSet.epochIso.replace(/Z$/, ''),
    },
    atTca: (tcaUnixMs: number) =>
      elementSetAtTca(o.elementSet, tcaUnixMs, {
        hbr: { table, ...(o.satcat?.rcsSize ? { rcsSize: o.satcat.rcsSize } : {}) },
      }),
  }));
}

export function registerScreenCommand(program: Command): void {
  program
    .command('screen')
    .description('conjunction screening: every close approach below the threshold over a time window')
    .argument('<files...>', 'catalog files (TLE/3LE, OMM, SATCAT CSV; gzip accepted)')
    .option('--start <iso>', 'window start, ISO-8601 UTC (default: median element-set epoch)')
    .option('--end <iso>', 'window end, ISO-8601 UTC')
    .option('--days <n>', 'window length in days when --end is not given', '7')
    .option('--threshold-km <km>', 'report approaches at or below this distance', '5')
    .option('--primary <ids>', 'comma-separated catalog ids: screen these against the catalog (one-vs-all)')
    .option('--workers <n>', 'worker threads (default: all cores)')
    .addOption(
      new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'),
    )
    .option('--out <file>', 'write the output to this file instead of stdout')
    .option('--max-age-days <n>', 'exclude element sets older than this at the window start')
    .option(
      '--cdm-dir <dir>',
      'write one CCSDS CDM (KVN) per conjunction into this directory (synthetic covariances, flagged)',
    )
    .option(
      '--hbr-m <metres>',
      'with --cdm-dir: combined hard-body radius for the Pc (default: CARA table per object, else RCS size, else 5 m each)',
    )
    .addOption(skipInvalidOption())
    .action(async (files: string[], options: ScreenOptions) => {
      const loaded = loadCatalogFiles(files);
      requireNoRejections(loaded, options.skipInvalid === true);
      const objects = loaded.catalog.objects;
      if (objects.length === 0) throw new ConcordError('EMPTY_CATALOG', 'no element set loaded');
      const startUnixMs = options.start
        ? unixMsFromUtcInstant(parseUtcOption('--start', options.start))
        : Math.round(median(objects.map((o) => epochUnixMs(o.elementSet))));
      const endUnixMs = options.end
        ? unixMsFromUtcInstant(parseUtcOption('--end', options.end))
        : startUnixMs + parsePositiveNumberOption('--days', options.days ?? '7') * 86_400_000;
      if (!(endUnixMs > startUnixMs)) throw new ConcordError('BAD_OPTION', '--end must be after --start');
      const thresholdKm = parsePositiveNumberOption('--threshold-km', options.thresholdKm);
      let primaryIndices: number[] | undefined;
      if (options.primary) {
        primaryIndices = [];
        for (const id of options.primary
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)) {
          const index = objects.findIndex(
            (o) =>
              o.elementSet.catalogId === id ||
              String(o.elementSet.noradCatId) === id.replace(/^0+(?=\d)/, ''),
          );
          if (index < 0)
            throw new ConcordError('UNKNOWN_PRIMARY', `--primary: no object with catalog id '${id}'`);
          primaryIndices.push(index);
        }
      }
      const combinedHbrM = parseHbrOption(options.hbrM);
      if (combinedHbrM !== undefined && !options.cdmDir)
        throw new ConcordError('BAD_OPTION', '--hbr-m is used for the CDMs: give --cdm-dir as well');
      if (options.cdmDir) prepareCdmDirectory(options.cdmDir);
      const workers = options.workers
        ? Math.floor(parsePositiveNumberOption('--workers', options.workers))
        : availableParallelism();
      const request: ScreeningRequest = {
        objects: objects.map((o): ScreeningObject => ({ elementSet: o.elementSet, regime: o.regime })),
        startUnixMs,
        endUnixMs,
        thresholdKm,
        ...(primaryIndices ? { primaryIndices } : {}),
        ...(options.maxAgeDays
          ? { maxElementSetAgeDays: parsePositiveNumberOption('--max-age-days', options.maxAgeDays) }
          : {}),
      };
      const progress = createProgress();
      const started = performance.now();
      let progressStarted = false;
      const result = await screenWithWorkers(request, {
        workers,
        onProgress: (done, total) => {
          if (!progressStarted) {
            progress.start(total, 'screening');
            progressStarted = true;
          }
          progress.update(done);
        },
      });
      progress.stop();
      const wallSeconds = (performance.now() - started) / 1000;
      const cdms = options.cdmDir
        ? {
            dir: options.cdmDir,
            written: writeScreeningCdms(options.cdmDir, result.conjunctions, catalogSubjects(objects), {
              creationUnixMs: Date.now(),
              ...(combinedHbrM !== undefined ? { combinedHbrM } : {}),
              comments: [
                `concord screen, window ${formatIsoUtc(utcInstantFromUnixMs(startUnixMs), 3)} to ${formatIsoUtc(utcInstantFromUnixMs(endUnixMs), 3)}, threshold ${thresholdKm} km`,
              ],
            }),
          }
        : undefined;
      const text = render(options.format, objects, request, result, wallSeconds, workers, cdms);
      if (options.out) writeFileAtomic(options.out, text);
      else process.stdout.write(text);
    });
}
