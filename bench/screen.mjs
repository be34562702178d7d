#!/usr/bin/env node
// Benchmark: conjunction screening of the full 2023-10-09 catalog (26,140 objects), 7 days, 5 km, all-vs-all,
// on all cores; then one primary (ISS, 25544) against the full catalog. Each run is a fresh Node process
// (catalog loading excluded from the screening time, reported separately). Prints one JSON document.
// Usage: npm run bench:screen [-- --runs N] [-- --primary-runs N] [-- --days D] [-- --workers W]
//                             [-- --out result.json] [-- --compare previous.json] [-- --skip-full] [-- FILE]
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const flag = (name) => args.includes(name);
const valued = new Set([
  '--runs',
  '--primary-runs',
  '--days',
  '--workers',
  '--out',
  '--compare',
  '--primary',
]);
const files = args.filter((a, i) => !a.startsWith('--') && !valued.has(args[i - 1]));
const sample = fileURLToPath(new URL('../data/sample/spacetrack_3le_2023-10-09.txt.gz', import.meta.url));
const shared = fileURLToPath(
  new URL('../../shared/data/catalogs/spacetrack_3le_2023-10-09_cdm_on_chain.txt.gz', import.meta.url),
);
const input = files[0] ?? (existsSync(sample) ? sample : shared);
const runs = Number(opt('--runs', '1'));
const primaryRuns = Number(opt('--primary-runs', '3'));
const days = Number(opt('--days', '7'));
const workers = opt('--workers', '');
const primary = opt('--primary', '25544');
const dist = (p) => new URL(`../dist/${p}`, import.meta.url).href;

function child(primaryIds) {
  return `
const { loadCatalogFiles } = await import(${JSON.stringify(dist('edges/io/load-catalog.js'))});
const { screenWithWorkers } = await import(${JSON.stringify(dist('edges/workers/screen-pool.js'))});
const { epochUnixMs } = await import(${JSON.stringify(dist('core/screening/sgp4-states.js'))});
const t0 = performance.now();
const loaded = loadCatalogFiles([${JSON.stringify(input)}]);
const objects = loaded.catalog.objects;
const epochs = objects.map((o) => epochUnixMs(o.elementSet)).sort((a, b) => a - b);
const start = Math.round(epochs[Math.floor(epochs.length / 2)]);
const primaryIds = ${JSON.stringify(primaryIds)};
const primaryIndices = primaryIds ? primaryIds.map((id) => objects.findIndex((o) => String(o.elementSet.noradCatId) === id)) : undefined;
const request = { objects: objects.map((o) => ({ elementSet: o.elementSet, regime: o.regime })), startUnixMs: start,
  endUnixMs: start + ${days} * 86400000, thresholdKm: 5, ...(primaryIndices ? { primaryIndices } : {}) };
const cpu0 = process.cpuUsage();
const t1 = performance.now();
const result = await screenWithWorkers(request, ${workers ? `{ workers: ${Number(workers)} }` : '{}'});
const t2 = performance.now();
const cpu = process.cpuUsage(cpu0);
const id = (i) => objects[i].elementSet.catalogId;
process.stdout.write(JSON.stringify({
  objects: objects.length, screened: result.stats.objectsScreened, excluded: result.stats.excludedByReason,
  windowStart: new Date(start).toISOString(), days: ${days},
  loadSeconds: (t1 - t0) / 1000, wallSeconds: (t2 - t1) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6,
  peakRssMiB: process.resourceUsage().maxRSS / 1024, conjunctions: result.conjunctions.length,
  persistent: result.persistent.length, candidatePairs: result.stats.candidatePairs,
  knotEvaluations: result.stats.knotEvaluations, exactSgp4Calls: result.stats.exactSgp4Calls,
  events: result.conjunctions.map((e) => [id(e.index1), id(e.index2), e.tcaUnixMs, e.missKm, e.edge]),
}));
`;
}

function runChild(primaryIds) {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', child(primaryIds)], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  return JSON.parse(out);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function compare(current, previous) {
  const key = (e) => `${e[0]}/${e[1]}`;
  const prev = new Map();
  for (const e of previous) {
    const list = prev.get(key(e)) ?? [];
    list.push(e);
    prev.set(key(e), list);
  }
  let same = 0;
  let changed = 0;
  let added = 0;
  let maxTcaMs = 0;
  let maxMissM = 0;
  for (const e of current) {
    const list = prev.get(key(e)) ?? [];
    const k = list.findIndex((p) => Math.abs(p[2] - e[2]) < 1000);
    if (k < 0) {
      added += 1;
      continue;
    }
    const p = list.splice(k, 1)[0];
    const dt = Math.abs(p[2] - e[2]);
    const dm = Math.abs(p[3] - e[3]) * 1000;
    maxTcaMs = Math.max(maxTcaMs, dt);
    maxMissM = Math.max(maxMissM, dm);
    if (dt <= 1 && dm <= 1) same += 1;
    else changed += 1;
  }
  const removed = [...prev.values()].reduce((n, l) => n + l.length, 0);
  return { same, changed, added, removed, maxTcaDifferenceMs: maxTcaMs, maxMissDifferenceM: maxMissM };
}

// The previous events are read before the long run, so a wrong file fails at once, not after it.
const comparePath = opt('--compare', '');
let previousEvents;
if (comparePath) {
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(comparePath, 'utf8'));
  } catch (error) {
    console.error(`--compare ${comparePath}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
  if (!Array.isArray(parsed?.events)) {
    console.error(
      `--compare ${comparePath}: no "events" array; pass a file written by --out (the printed report holds no events)`,
    );
    process.exit(2);
  }
  previousEvents = parsed.events;
}

const report = { input, days, thresholdKm: 5 };
if (!flag('--skip-full')) {
  const full = [];
  for (let r = 0; r < runs; r++) full.push(runChild(undefined));
  const last = full[full.length - 1];
  report.allVsAll = {
    runs: full.map(({ events, ...rest }) => rest),
    median: {
      wallSeconds: median(full.map((r) => r.wallSeconds)),
      cpuSeconds: median(full.map((r) => r.cpuSeconds)),
      peakRssMiB: median(full.map((r) => r.peakRssMiB)),
      conjunctions: median(full.map((r) => r.conjunctions)),
    },
  };
  if (previousEvents)
    report.allVsAll.comparedWith = { file: comparePath, ...compare(last.events, previousEvents) };
  const outPath = opt('--out', '');
  if (outPath) writeFileSync(outPath, JSON.stringify({ events: last.events }));
}
if (primaryRuns > 0) {
  const single = [];
  for (let r = 0; r < primaryRuns; r++) single.push(runChild([primary]));
  report.onePrimary = {
    primary,
    runs: single.map(({ events, ...rest }) => rest),
    median: {
      wallSeconds: median(single.map((r) => r.wallSeconds)),
      cpuSeconds: median(single.map((r) => r.cpuSeconds)),
      conjunctions: median(single.map((r) => r.conjunctions)),
    },
  };
}
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
