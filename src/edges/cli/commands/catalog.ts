import { type Command, Option } from 'commander';
import { summarizeCatalog } from '../../../core/catalog/catalog-summary.js';
import {
  checkPropagationReadiness,
  type PropagationReadiness,
} from '../../../core/catalog/propagation-readiness.js';
import { formatIsoUtc } from '../../../core/time/iso-8601.js';
import { formatIssue } from '../../../formats/record-issue.js';
import { type LoadedCatalog, loadCatalogFiles } from '../../io/load-catalog.js';
import { jsonOption, parseUtcOption, referenceTimeOption, skipInvalidOption } from '../options.js';
import { createProgress } from '../progress.js';

interface InspectOptions {
  json?: boolean;
  skipInvalid?: boolean;
  at?: string;
  checkDays: string;
}

const fmt = (n: number) => n.toLocaleString('en-US');

function table(title: string, counts: Readonly<Record<string, number>>, limit = 12): string {
  const entries = Object.entries(counts);
  const shown = entries.slice(0, limit);
  const rest = entries.slice(limit).reduce((sum, [, n]) => sum + n, 0);
  const width = Math.max(...shown.map(([k]) => k.length), 8);
  const lines = shown.map(([k, n]) => `  ${k.padEnd(width)} ${fmt(n).padStart(8)}`);
  if (rest > 0) lines.push(`  ${`(${entries.length - limit} more)`.padEnd(width)} ${fmt(rest).padStart(8)}`);
  return `${title}\n${lines.join('\n')}`;
}

function printHuman(
  loaded: LoadedCatalog,
  readiness: PropagationReadiness | undefined,
  seconds: number,
): void {
  const { catalog } = loaded;
  const s = summarizeCatalog(catalog);
  const out: string[] = [];
  out.push(
    `Loaded ${fmt(s.objects)} objects from ${loaded.files.length} file(s) in ${seconds.toFixed(2)} s ` +
      `(${fmt(loaded.elementSetsRead)} element sets, ${fmt(loaded.satcatRowsRead)} SATCAT rows read; ${fmt(loaded.rejectedRecords)} records rejected)`,
  );
  for (const f of loaded.files)
    out.push(`  ${f.file}: ${f.kind}, ${fmt(f.records)} records, ${fmt(f.rejected)} rejected`);
  out.push('');
  if (s.objects === 0) {
    out.push('No object loaded.');
    printIssues(loaded, out);
    process.stdout.write(`${out.join('\n')}\n`);
    return;
  }
  out.push(table('By object type:', s.byObjectType));
  if (s.objectTypeInferredFromName > 0) {
    out.push(`  (${fmt(s.objectTypeInferredFromName)} object types inferred from the name, no SATCAT entry)`);
  }
  out.push(table('By owner (SATCAT country/owner code):', s.byOwner));
  out.push(
    table(
      'By regime (LEO: apogee < 2000 km; GEO: 0.9-1.1 rev/day, e < 0.1; HEO: e >= 0.25; MEO: other):',
      s.byRegime,
    ),
  );
  const a = s.elementSetAge;
  out.push(
    `Element-set age at ${formatIsoUtc(catalog.referenceTime, 3)} UTC (${catalog.referenceTimeSource === 'given' ? 'given with --at' : '99th percentile of the epochs, the snapshot time'}), days:`,
  );
  out.push(
    `  min ${a.minDays.toFixed(2)}  median ${a.medianDays.toFixed(2)}  p90 ${a.p90Days.toFixed(2)}  max ${a.maxDays.toFixed(2)}` +
      `  | older than 1 d: ${fmt(a.olderThan['1'])}, 3 d: ${fmt(a.olderThan['3'])}, 7 d: ${fmt(a.olderThan['7'])}, 30 d: ${fmt(a.olderThan['30'])}` +
      (a.minDays < 0
        ? ` | ${fmt(catalog.objects.filter((o) => o.elementSetAgeDays < 0).length)} with epochs after the reference`
        : ''),
  );
  out.push(
    `Merged element sets: ${fmt(s.merges.duplicate)} duplicates, ${fmt(s.merges.superseded)} superseded by a newer epoch, ${fmt(s.merges.conflict)} conflicts`,
  );
  for (const m of catalog.merges.filter((e) => e.kind === 'conflict').slice(0, 20)) {
    out.push(
      `  conflict ${m.noradCatId}: ${m.dropped.file}:${m.dropped.line} vs ${m.kept.file}:${m.kept.line}: ${m.detail}`,
    );
  }
  if (readiness) {
    const codes = Object.entries(readiness.failuresByCode)
      .map(([code, n]) => `${code} ${fmt(n ?? 0)}`)
      .join(', ');
    out.push(
      `Screen-ready: ${fmt(readiness.objectsReady)} of ${fmt(readiness.objectsChecked)} objects propagate (SGP4, TEME) over ` +
        `${readiness.days} days from ${formatIsoUtc(readiness.start, 0)} UTC, sampled every ${readiness.stepHours} h` +
        (codes ? `; failures by code: ${codes}` : '; no failures'),
    );
  }
  printIssues(loaded, out);
  process.stdout.write(`${out.join('\n')}\n`);
}

function printIssues(loaded: LoadedCatalog, out: string[]): void {
  const errors = loaded.issues.filter((i) => i.severity === 'error');
  const warnings = loaded.issues.filter((i) => i.severity === 'warning');
  if (errors.length > 0) {
    out.push(`Rejected records (${fmt(loaded.rejectedRecords)}):`);
    for (const issue of errors) out.push(`  ${formatIssue(issue)}`);
  }
  if (warnings.length > 0) {
    out.push(`Warnings (${fmt(warnings.length)}, records kept):`);
    for (const issue of warnings) out.push(`  ${formatIssue(issue)}`);
  }
}

function toJson(
  loaded: LoadedCatalog,
  readiness: PropagationReadiness | undefined,
  seconds: number,
): unknown {
  const s = summarizeCatalog(loaded.catalog);
  return {
    objects: s.objects,
    load_seconds: Number(seconds.toFixed(4)),
    files: loaded.files,
    element_sets_read: loaded.elementSetsRead,
    satcat_rows_read: loaded.satcatRowsRead,
    rejected_records: loaded.rejectedRecords,
    rejected: loaded.issues.filter((i) => i.severity === 'error'),
    warnings: loaded.issues.filter((i) => i.severity === 'warning'),
    by_object_type: s.byObjectType,
    object_type_inferred_from_name: s.objectTypeInferredFromName,
    by_owner: s.byOwner,
    by_regime: s.byRegime,
    element_set_age_days: {
      reference_time_utc: formatIsoUtc(loaded.catalog.referenceTime, 6),
      reference_time_source: loaded.catalog.referenceTimeSource,
      min: s.elementSetAge.minDays,
      median: s.elementSetAge.medianDays,
      p90: s.elementSetAge.p90Days,
      max: s.elementSetAge.maxDays,
      older_than_days: s.elementSetAge.olderThan,
    },
    merges: { ...s.merges, conflicts: loaded.catalog.merges.filter((m) => m.kind === 'conflict') },
    ...(readiness
      ? {
          propagation_check: {
            start_utc: formatIsoUtc(readiness.start, 6),
            days: readiness.days,
            step_hours: readiness.stepHours,
            frame: 'TEME',
            objects_checked: readiness.objectsChecked,
            objects_ready: readiness.objectsReady,
            failures_by_code: readiness.failuresByCode,
            failures: readiness.failures,
          },
        }
      : {}),
  };
}

export function registerCatalogCommand(program: Command): void {
  const catalog = program
    .command('catalog')
    .description('load and inspect element-set catalogs (TLE/3LE, OMM, SATCAT)');
  catalog
    .command('inspect')
    .description(
      'load any mix of TLE/3LE, OMM (KVN, XML, JSON, CSV) and SATCAT CSV files (gzip or not) into one catalog and report ' +
        'counts by object type, owner and regime, element-set ages, merges, every rejected record, and whether every object propagates',
    )
    .argument('<files...>', 'catalog files')
    .addOption(jsonOption())
    .addOption(skipInvalidOption())
    .addOption(referenceTimeOption())
    .addOption(
      new Option(
        '--check-days <days>',
        'propagate every object over this many days from the reference time (0: skip)',
      ).default('7'),
    )
    .action((files: string[], options: InspectOptions) => {
      const started = performance.now();
      const loaded = loadCatalogFiles(
        files,
        options.at ? { referenceTime: parseUtcOption('--at', options.at) } : {},
      );
      const seconds = (performance.now() - started) / 1000;
      const checkDays = Number(options.checkDays);
      let readiness: PropagationReadiness | undefined;
      if (Number.isFinite(checkDays) && checkDays > 0) {
        const progress = createProgress();
        progress.start(loaded.catalog.objects.length, 'propagation check');
        readiness = checkPropagationReadiness(
          loaded.catalog,
          loaded.catalog.referenceTime,
          checkDays,
          6,
          (done) => progress.update(done),
        );
        progress.stop();
      }
      if (options.json)
        process.stdout.write(`${JSON.stringify(toJson(loaded, readiness, seconds), null, 2)}\n`);
      else printHuman(loaded, readiness, seconds);
      // Rejections are reported above either way; without --skip-invalid they make the run fail.
      if (loaded.rejectedRecords > 0 && !options.skipInvalid) {
        process.stderr.write(
          `concord: ${loaded.rejectedRecords} record(s) rejected (listed above); pass --skip-invalid to accept a partial load [INVALID_RECORDS]\n`,
        );
        process.exitCode = 1;
      }
    });
}
