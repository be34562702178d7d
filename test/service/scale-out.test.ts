import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyRegime } from '../../src/core/orbits/regime.js';
import { screenCatalog } from '../../src/core/screening/screen-catalog.js';
import { parseIsoUtc, unixMsFromUtcInstant } from '../../src/core/time/iso-8601.js';
import { ingestElementSets } from '../../src/edges/server/ingest-element-sets.js';
import { ensureOperator } from '../../src/edges/server/service.js';
import { findPartyByName } from '../../src/edges/store/party-repository.js';
import { parseTle } from '../../src/formats/tle/parse-tle.js';
import { denseSubcatalog3le } from './sample-subcatalog.js';
import { explainSkippedStores, openTestStore, TEST_DATABASE_URL, type TestStore } from './test-stores.js';

explainSkippedStores();
const CLI = fileURLToPath(new URL('../../bin/concord.js', import.meta.url));
const BUILT = existsSync(fileURLToPath(new URL('../../dist/edges/cli/main.js', import.meta.url)));
if (!BUILT) console.warn('scale-out test skipped: run `npm run build` first (it starts the built CLI)');
// A 48 h window gives 16 shards of the dense sub-catalog: enough for a worker to die with work in hand.
const WINDOW = { startUtc: '2023-10-09T12:00:00.000Z', endUtc: '2023-10-11T12:00:00.000Z', thresholdKm: 10 };
const ms = (iso: string) => {
  const t = parseIsoUtc(iso);
  if (!t.ok) throw new Error(t.message);
  return unixMsFromUtcInstant(t.value);
};

function singleProcessEvents(text: string): string[] {
  const sets = parseTle(text, 'sub.3le').records.sort((a, b) => a.noradCatId - b.noradCatId);
  const r = screenCatalog({
    objects: sets.map((elementSet) => ({ elementSet, regime: classifyRegime(elementSet) })),
    startUnixMs: ms(WINDOW.startUtc),
    endUnixMs: ms(WINDOW.endUtc),
    thresholdKm: WINDOW.thresholdKm,
  });
  return r.conjunctions
    .filter((c) => c.edge === 'none')
    .map((c) => {
      const a = sets[c.index1]?.noradCatId ?? 0;
      const b = sets[c.index2]?.noradCatId ?? 0;
      return `${Math.min(a, b)}-${Math.max(a, b)}@${c.tcaUnixMs.toFixed(3)}:${c.missKm.toFixed(9)}`;
    })
    .sort();
}

describe.skipIf(TEST_DATABASE_URL === undefined || TEST_DATABASE_URL === '' || !BUILT)(
  'scale-out: one serve and two workers on PostgreSQL, one worker killed with SIGKILL',
  () => {
    let store: TestStore;
    const children: ChildProcess[] = [];
    const port = 18_500 + (process.pid % 400);
    const spawnCli = (args: string[]) => {
      const child = spawn(process.execPath, [CLI, ...args], {
        env: {
          ...process.env,
          DATABASE_URL: TEST_DATABASE_URL,
          CONCORD_JOB_EXPIRE_SECONDS: '4',
          CONCORD_MAINTENANCE_SECONDS: '1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      return child;
    };
    const ready = (child: ChildProcess, text: string) =>
      new Promise<void>((resolve, reject) => {
        let out = '';
        child.stdout?.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes(text)) resolve();
        });
        child.stderr?.on('data', (d: Buffer) => {
          out += d.toString();
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });

    beforeAll(async () => {
      store = await openTestStore('postgres');
    });
    afterAll(async () => {
      for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 500));
      for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
      await store?.dispose();
    });

    it('produces exactly the events of a single-process run', async () => {
      const sub = denseSubcatalog3le();
      const token = (await ensureOperator(store)) ?? '';
      const operator = await findPartyByName(store.db, 'operator');
      if (!operator) throw new Error('no operator');
      await ingestElementSets(store, Buffer.from(sub.text), 'sub.3le', operator);

      // Only the run posted below: no scheduled full re-screen, no closing (the 2023 TCAs are past).
      const serve = spawnCli([
        'serve',
        '--port',
        String(port),
        '--schema',
        store.schema,
        '--no-auto-screen',
        '--full-rescreen-hours',
        '0',
        '--close-past-events-seconds',
        '0',
      ]);
      await ready(serve, 'listening on');
      const w1 = spawnCli(['worker', '--schema', store.schema]);
      const w2 = spawnCli(['worker', '--schema', store.schema]);
      await Promise.all([ready(w1, 'ready'), ready(w2, 'ready')]);

      const base = `http://127.0.0.1:${port}`;
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const posted = await fetch(`${base}/v1/screenings`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          kind: 'full',
          windowStartUtc: WINDOW.startUtc,
          windowEndUtc: WINDOW.endUtc,
          thresholdKm: WINDOW.thresholdKm,
        }),
      });
      expect(posted.status).toBe(202);
      const run = (await posted.json()) as { id: number; shardCount: number };
      expect(run.shardCount).toBe(16);

      // Kill worker 1 while it holds a shard: as soon as it has started one and the run is not finished.
      let killed = false;
      let status = 'queued';
      for (let i = 0; i < 1200 && status !== 'done' && status !== 'failed'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        const view = (await (await fetch(`${base}/v1/screenings/${run.id}`, { headers })).json()) as {
          status: string;
          shardsDone: number;
        };
        status = view.status;
        if (!killed && view.shardsDone >= 2 && view.shardsDone < run.shardCount - 2) {
          w1.kill('SIGKILL');
          killed = true;
        }
      }
      expect(killed).toBe(true);
      expect(status).toBe('done');

      const rows = await store.db.selectFrom('conjunction_events').selectAll().execute();
      const stored = rows
        .map(
          (r) =>
            `${r.primary_norad}-${r.secondary_norad}@${r.tca_unix_ms.toFixed(3)}:${r.miss_km.toFixed(9)}`,
        )
        .sort();
      expect(stored).toEqual(singleProcessEvents(sub.text));
      expect(new Set(stored).size).toBe(stored.length);
      const alerts = await store.db.selectFrom('alerts').selectAll().execute();
      expect(alerts).toHaveLength(rows.length);
      const shards = await store.db
        .selectFrom('screening_shards')
        .selectAll()
        .where('run_id', '=', run.id)
        .execute();
      expect(shards.every((s) => s.status === 'done')).toBe(true);
    });
  },
);
