import { availableParallelism } from 'node:os';
import { type Command, Option } from 'commander';
import { ConcordError } from '../../../core/result.js';
import type { ScreeningRequest } from '../../../core/screening/screening-types.js';
import { epochUnixMs } from '../../../core/screening/sgp4-states.js';
import { unixMsFromUtcInstant } from '../../../core/time/iso-8601.js';
import { formatIssue } from '../../../formats/record-issue.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { loadCatalogFiles, requireNoRejections } from '../../io/load-catalog.js';
import { screenWithWorkers } from '../../workers/screen-pool.js';
import { bundledHbrTable, parseHbrOption } from '../cdm-file.js';
import { loadOemPrimaries } from '../oem-primaries.js';
import { parsePositiveNumberOption, parseUtcOption, skipInvalidOption } from '../options.js';
import { createProgress } from '../progress.js';
import { catalogScreenedObject, type ScreenedObject } from '../screened-objects.js';
import { prepareCdmDirectory, writeScreeningCdms } from '../screening-cdms.js';
import { renderScreening, type ScreeningReportFormat } from '../screening-report.js';

interface ScreenOptions {
  start?: string;
  end?: string;
  days?: string;
  thresholdKm: string;
  primary?: string;
  oem?: string[];
  workers?: string;
  format: ScreeningReportFormat;
  out?: string;
  maxAgeDays?: string;
  skipInvalid?: boolean;
  cdmDir?: string;
  hbrM?: string;
}

const DEFAULT_DAYS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const iso = (unixMs: number) => new Date(unixMs).toISOString();

export function registerScreenCommand(program: Command): void {
  program
    .command('screen')
    .description('conjunction screening: every close approach below the threshold over a time window')
    .argument('<files...>', 'catalog files (TLE/3LE, OMM, SATCAT CSV; gzip accepted)')
    .option(
      '--start <iso>',
      'window start, ISO-8601 UTC (default: start of the OEM coverage with --oem, else median element-set epoch)',
    )
    .option('--end <iso>', 'window end, ISO-8601 UTC')
    .option(
      '--days <n>',
      `window length in days when --end is not given (default ${DEFAULT_DAYS}; with --oem: to the end of the coverage)`,
    )
    .option('--threshold-km <km>', 'report approaches at or below this distance', '5')
    .option('--primary <ids>', 'comma-separated catalog ids: screen these against the catalog (one-vs-all)')
    .option(
      '--oem <file>',
      'CCSDS OEM (KVN or XML) of an object to screen as a primary against the catalog; repeatable. It replaces the catalog element set of the same object',
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
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
      const catalog = loaded.catalog.objects;
      if (catalog.length === 0) throw new ConcordError('EMPTY_CATALOG', 'no element set loaded');
      const thresholdKm = parsePositiveNumberOption('--threshold-km', options.thresholdKm);
      const combinedHbrM = parseHbrOption(options.hbrM);
      if (combinedHbrM !== undefined && !options.cdmDir)
        throw new ConcordError('BAD_OPTION', '--hbr-m is used for the CDMs: give --cdm-dir as well');
      const table = bundledHbrTable;
      const oem = options.oem ? loadOemPrimaries(options.oem, catalog, table) : undefined;
      for (const w of oem?.warnings ?? []) process.stderr.write(`concord: warning: ${formatIssue(w)}\n`);

      // With OEM primaries the window defaults to their coverage and never extends beyond it.
      let startUnixMs = options.start
        ? unixMsFromUtcInstant(parseUtcOption('--start', options.start))
        : oem
          ? oem.span.fromUnixMs
          : Math.round(median(catalog.map((o) => epochUnixMs(o.elementSet))));
      let endUnixMs = options.end
        ? unixMsFromUtcInstant(parseUtcOption('--end', options.end))
        : options.days !== undefined || !oem
          ? startUnixMs +
            parsePositiveNumberOption('--days', options.days ?? String(DEFAULT_DAYS)) * 86_400_000
          : oem.span.toUnixMs;
      const endFromOem = oem !== undefined && !options.end && options.days === undefined;
      if (!(endUnixMs > startUnixMs) && !endFromOem)
        throw new ConcordError('BAD_OPTION', '--end must be after --start');
      if (oem) {
        const requested = endFromOem
          ? `from ${iso(startUnixMs)}`
          : `${iso(startUnixMs)} to ${iso(endUnixMs)}`;
        startUnixMs = Math.max(startUnixMs, oem.span.fromUnixMs);
        endUnixMs = Math.min(endUnixMs, oem.span.toUnixMs);
        if (!(endUnixMs > startUnixMs))
          throw new ConcordError(
            'NO_EPHEMERIS_COVERAGE',
            `--oem: the ephemerides cover ${iso(oem.span.fromUnixMs)} to ${iso(oem.span.toUnixMs)}, nothing of the window ${requested}`,
          );
      }

      // OEM objects first (primaries), then the catalog without the objects they replace.
      const objects: ScreenedObject[] = [
        ...(oem?.objects ?? []),
        ...catalog
          .filter((_, i) => !oem?.replacedCatalogIndices.has(i))
          .map((o) => catalogScreenedObject(o, table)),
      ];
      let primaryIndices: number[] | undefined = oem ? oem.objects.map((_, i) => i) : undefined;
      if (options.primary) {
        primaryIndices ??= [];
        for (const id of options.primary
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)) {
          const norad = id.replace(/^0+(?=\d)/, '');
          const index = objects.findIndex(
            (o) =>
              o.id === id ||
              (o.screening.elementSet
                ? String(o.screening.elementSet.noradCatId) === norad
                : String(o.screening.noradCatId) === norad),
          );
          if (index < 0)
            throw new ConcordError('UNKNOWN_PRIMARY', `--primary: no object with catalog id '${id}'`);
          if (!primaryIndices.includes(index)) primaryIndices.push(index);
        }
      }
      if (options.cdmDir) prepareCdmDirectory(options.cdmDir);
      const workers = options.workers
        ? Math.floor(parsePositiveNumberOption('--workers', options.workers))
        : availableParallelism();
      const request: ScreeningRequest = {
        objects: objects.map((o) => o.screening),
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
            written: writeScreeningCdms(
              options.cdmDir,
              result.conjunctions,
              objects.map((o) => o.cdm),
              {
                creationUnixMs: Date.now(),
                ...(combinedHbrM !== undefined ? { combinedHbrM } : {}),
                comments: [
                  `concord screen, window ${iso(startUnixMs)} to ${iso(endUnixMs)}, threshold ${thresholdKm} km`,
                ],
              },
            ),
          }
        : undefined;
      const text = renderScreening(options.format, objects, result, {
        request,
        wallSeconds,
        workers,
        ...(cdms ? { cdms } : {}),
        ...(oem ? { oem: oem.descriptions } : {}),
      });
      if (options.out) writeFileAtomic(options.out, text);
      else process.stdout.write(text);
    });
}
