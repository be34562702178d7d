#!/usr/bin/env node
// Benchmark: POST the bundled 26,140-object 2023 catalog (gzip 3LE) to /v1/element-sets over loopback HTTP, then
// post it again (must store nothing). Fresh store per run; PGlite always, PostgreSQL when DATABASE_URL is set
// (an isolated schema, dropped afterwards). Prints JSON with per-run figures and medians.
// Usage: npm run build && node bench/service-ingest.mjs [--runs N]
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const runsIndex = args.indexOf('--runs');
const runs = runsIndex >= 0 ? Number(args[runsIndex + 1]) : 3;
const dist = (p) => new URL(`../dist/edges/${p}`, import.meta.url).href;
const { openStore, dropSchema } = await import(dist('store/open-store.js'));
const { createService, ensureOperator, jobSchemaFor } = await import(dist('server/service.js'));
const body = readFileSync(new URL('../data/sample/spacetrack_3le_2023-10-09.txt.gz', import.meta.url));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const url = process.env.DATABASE_URL;
const kinds = url ? ['pglite', 'postgres'] : ['pglite'];
const summary = { benchmark: 'service-ingest', bodyBytes: body.length, runs, stores: {} };
for (const kind of kinds) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const schema = `concord_bench_${randomBytes(4).toString('hex')}`;
    const store = kind === 'pglite' ? await openStore({}) : await openStore({ databaseUrl: url, schema });
    const service = await createService(store, { autoScreen: false, rateLimitPerMinute: 0 });
    const token = await ensureOperator(store);
    const address = await service.app.listen({ port: 0, host: '127.0.0.1' });
    const post = async () => {
      const t0 = performance.now();
      const r = await fetch(`${address}/v1/element-sets?filename=catalog.3le.gz`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/gzip' },
        body,
      });
      const json = await r.json();
      return {
        seconds: (performance.now() - t0) / 1000,
        status: r.status,
        stored: json.stored,
        duplicates: json.duplicates,
      };
    };
    const first = await post();
    const again = await post();
    results.push({
      firstSeconds: first.seconds,
      firstStored: first.stored,
      repostSeconds: again.seconds,
      repostStored: again.stored,
      repostDuplicates: again.duplicates,
    });
    await service.close();
    await store.close();
    if (kind === 'postgres') {
      await dropSchema(url, schema);
      await dropSchema(url, jobSchemaFor({ schema }));
    }
  }
  summary.stores[kind] = {
    runs: results,
    medianFirstSeconds: median(results.map((r) => r.firstSeconds)),
    medianRepostSeconds: median(results.map((r) => r.repostSeconds)),
    allRepostsStoredNothing: results.every((r) => r.repostStored === 0),
  };
}
process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
process.exit(0);
