import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { bootstrapSample } from '../../server/bootstrap-sample.js';
import { createService, ensureOperator } from '../../server/service.js';
import {
  DEFAULT_CLOSE_PAST_EVENTS_SECONDS,
  DEFAULT_FULL_RESCREEN_HOURS,
} from '../../server/service-timers.js';
import { findPartyByName } from '../../store/party-repository.js';
import { getScreeningRun } from '../../store/screening-repository.js';
import { DEFAULT_SCREENING } from '../../workers/screening-coordinator.js';
import { parseNonNegativeNumberOption, parsePositiveNumberOption } from '../options.js';
import { createProgress } from '../progress.js';
import { dataDirOf, openCliStore } from '../service-store.js';

const SAMPLE = (name: string) => fileURLToPath(new URL(`../../../../data/sample/${name}`, import.meta.url));

interface ServeOptions {
  port: string;
  host: string;
  data?: string;
  schema?: string;
  work?: boolean;
  autoScreen: boolean;
  bootstrapSample?: boolean;
  windowHours?: number;
  thresholdKm?: number;
  fullRescreenHours: number;
  closePastEventsSeconds: number;
}

/** `concord serve`: the coordination service (API; on the embedded store it also runs the screening jobs). */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description(
      'Run the coordination service: HTTP API (OpenAPI at /openapi.json, docs at /docs). Store: DATABASE_URL (PostgreSQL, jobs for `concord worker`) or the embedded store in --data DIR (default ./.concord, jobs run here).',
    )
    .option('--port <n>', 'TCP port', '8080')
    .option('--host <h>', 'address to listen on', '127.0.0.1')
    .option('--data <dir>', 'embedded store directory (default ./.concord)')
    .option('--schema <name>', 'PostgreSQL schema (default public)')
    .option('--work', 'on PostgreSQL, also execute screening jobs in this process')
    .option('--no-auto-screen', 'do not re-screen automatically when element sets arrive')
    .option(
      '--bootstrap-sample',
      'on an empty store: load the bundled sample catalog and SATCAT, register a party per owner, screen',
    )
    .option('--window-hours <h>', 'default screening window, hours', (v) =>
      parsePositiveNumberOption('--window-hours', v),
    )
    .option('--threshold-km <km>', 'default screening threshold, km', (v) =>
      parsePositiveNumberOption('--threshold-km', v),
    )
    .option(
      '--full-rescreen-hours <h>',
      'screen the whole catalog again when the latest full screening is this old, hours (0: never); several servers on one PostgreSQL request it once',
      (v) => parseNonNegativeNumberOption('--full-rescreen-hours', v),
      DEFAULT_FULL_RESCREEN_HOURS,
    )
    .option(
      '--close-past-events-seconds <s>',
      'how often events whose TCA has passed are closed (a `closed` alert each), seconds (0: never)',
      (v) => parseNonNegativeNumberOption('--close-past-events-seconds', v),
      DEFAULT_CLOSE_PAST_EVENTS_SECONDS,
    )
    .action(async (options: ServeOptions) => {
      const store = await openCliStore(options);
      const dataDir = dataDirOf(options);
      const service = await createService(store, {
        work: options.work ?? false,
        autoScreen: options.autoScreen,
        fullRescreenHours: options.fullRescreenHours,
        closePastEventsSeconds: options.closePastEventsSeconds,
        screening: {
          ...DEFAULT_SCREENING,
          ...(options.windowHours === undefined ? {} : { windowHours: options.windowHours }),
          ...(options.thresholdKm === undefined ? {} : { thresholdKm: options.thresholdKm }),
        },
        ...(process.env['CONCORD_JOB_EXPIRE_SECONDS']
          ? { jobExpireSeconds: Number(process.env['CONCORD_JOB_EXPIRE_SECONDS']) }
          : {}),
        ...(process.env['CONCORD_RATE_LIMIT']
          ? { rateLimitPerMinute: Number(process.env['CONCORD_RATE_LIMIT']) }
          : {}),
      });
      const operatorToken = await ensureOperator(store);
      const tokenFile = join(dataDir, 'operator-token');
      if (operatorToken !== undefined) {
        process.stdout.write(`operator (admin) token, shown once: ${operatorToken}\n`);
        if (store.kind === 'pglite') {
          writeFileSync(tokenFile, `${operatorToken}\n`, { mode: 0o600 });
          chmodSync(tokenFile, 0o600);
          process.stdout.write(`  (also saved to ${tokenFile}, mode 600)\n`);
        }
      }
      const stop = async () => {
        await service.close();
        await store.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
      const port = Number(options.port);
      const address = await service.app.listen({ port, host: options.host });
      process.stdout.write(
        `Concord service (${store.kind}${store.kind === 'pglite' ? ` in ${join(dataDir, 'db')}` : ''}, jobs: ${service.queue.kind}) listening on ${address}\n` +
          `  API      ${address}/v1/   (Authorization: Bearer <token>)\n` +
          `  OpenAPI  ${address}/openapi.json\n  Docs     ${address}/docs\n  Health   ${address}/health   Metrics ${address}/metrics\n`,
      );
      if (options.bootstrapSample) {
        const operator = await findPartyByName(store.db, 'operator');
        if (!operator) throw new Error('no operator party');
        const outcome = await bootstrapSample(store, operator, {
          catalogFile: SAMPLE('spacetrack_3le_2023-10-09.txt.gz'),
          satcatFile: SAMPLE('spacetrack_satcat_2021-01.csv.gz'),
        });
        if (!outcome.loaded) {
          process.stdout.write('sample already loaded (the store holds element sets)\n');
          return;
        }
        const partyFile = join(dataDir, 'party-tokens.tsv');
        if (store.kind === 'pglite') {
          const lines = outcome.parties.map((p) => `${p.name}\t${p.objects}\t${p.token}`);
          writeFileSync(partyFile, `# party\tobjects\ttoken\n${lines.join('\n')}\n`, { mode: 0o600 });
        }
        process.stdout.write(
          `loaded ${outcome.elementSets} element sets and ${outcome.satcatRows} SATCAT rows; registered ${outcome.parties.length} parties (one per SATCAT owner code${store.kind === 'pglite' ? `; tokens in ${partyFile}` : ''})\n`,
        );
        const runId = await service.ctx.coordinator.requestScreening({
          kind: 'full',
          requestedBy: operator.id,
        });
        const progress = createProgress(true);
        let run = await getScreeningRun(store.db, runId);
        progress.start(run?.shardCount ?? 1, `screening run ${runId}`);
        while (run && run.status !== 'done' && run.status !== 'failed') {
          await new Promise((r) => setTimeout(r, 250));
          run = await getScreeningRun(store.db, runId);
          progress.update(run?.shardsDone ?? 0);
        }
        progress.update(run?.shardCount ?? 1);
        progress.stop();
        const events = (run?.stats?.['events'] ?? {}) as { created?: number };
        process.stdout.write(
          `first screening ${run?.status}: ${run?.elementSetIds.length} objects, ${new Date(run?.windowStartUnixMs ?? 0).toISOString()} + ${DEFAULT_SCREENING.windowHours} h, ${events.created ?? 0} conjunction events\n` +
            `  try: curl -H "Authorization: Bearer $(cat ${tokenFile})" '${address}/v1/conjunctions?limit=5'\n`,
        );
      }
      if (existsSync(tokenFile) && operatorToken === undefined && store.kind === 'pglite') {
        process.stdout.write(
          `operator token: ${readFileSync(tokenFile, 'utf8').trim().slice(0, 12)}... (${tokenFile})\n`,
        );
      }
    });
}
