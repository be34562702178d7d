#!/usr/bin/env node
// Benchmark: load the bundled 26,140-object 2023 catalog from gzip (read, inflate, parse, build the catalog).
// Each run is a fresh Node process, so module loading and JIT warm-up are counted as a user would see them.
// Prints JSON: per-run figures and medians. Usage: npm run bench:load [-- --runs N] [-- FILE...]
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const runsIndex = args.indexOf('--runs');
const runs = runsIndex >= 0 ? Number(args[runsIndex + 1]) : 7;
const files = args.filter((a, i) => a !== '--runs' && i !== runsIndex + 1);
const defaultFile = fileURLToPath(
  new URL('../data/sample/spacetrack_3le_2023-10-09.txt.gz', import.meta.url),
);
const inputs = files.length > 0 ? files : [defaultFile];
const loader = new URL('../dist/edges/io/load-catalog.js', import.meta.url).href;

const child = `
const t0 = performance.now();
const { loadCatalogFiles } = await import(${JSON.stringify(loader)});
const t1 = performance.now();
const loaded = loadCatalogFiles(${JSON.stringify(inputs)});
const t2 = performance.now();
process.stdout.write(JSON.stringify({ objects: loaded.catalog.objects.length, rejected: loaded.rejectedRecords,
  importSeconds: (t1 - t0) / 1000, loadSeconds: (t2 - t1) / 1000, rssMiB: process.memoryUsage().rss / 2 ** 20 }));
`;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
};

const results = [];
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', child], { encoding: 'utf8' });
  const processSeconds = (performance.now() - started) / 1000;
  results.push({ ...JSON.parse(out), processSeconds });
}
const pick = (key) => results.map((r) => r[key]);
const summary = {
  benchmark: 'load-catalog',
  files: inputs,
  runs,
  objects: results[0]?.objects,
  rejected: results[0]?.rejected,
  median_load_seconds: median(pick('loadSeconds')),
  min_load_seconds: Math.min(...pick('loadSeconds')),
  max_load_seconds: Math.max(...pick('loadSeconds')),
  median_process_seconds: median(pick('processSeconds')),
  median_rss_mib: median(pick('rssMiB')),
  note: 'load = read + gunzip + parse + build catalog, in a fresh process; process = whole node process incl. startup',
  per_run: results,
};
process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
