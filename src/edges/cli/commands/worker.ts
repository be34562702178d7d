import type { Command } from 'commander';
import { ConcordError } from '../../../core/result.js';
import { createCoordinator } from '../../server/service.js';
import { openCliStore } from '../service-store.js';

/** `concord worker`: take screening jobs (shards, merges) from PostgreSQL; run as many as you like, anywhere. */
export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description(
      'Process screening jobs from the PostgreSQL store named by DATABASE_URL (any number of workers)',
    )
    .option('--schema <name>', 'PostgreSQL schema (default public)')
    .action(async (options: { schema?: string }) => {
      if (!process.env['DATABASE_URL'])
        throw new ConcordError(
          'NO_DATABASE_URL',
          'concord worker needs DATABASE_URL (PostgreSQL); the embedded store runs jobs inside `concord serve`',
        );
      const store = await openCliStore(options);
      const coordinator = await createCoordinator(store, {
        ...(process.env['CONCORD_JOB_EXPIRE_SECONDS']
          ? { jobExpireSeconds: Number(process.env['CONCORD_JOB_EXPIRE_SECONDS']) }
          : {}),
        ...(process.env['CONCORD_MAINTENANCE_SECONDS']
          ? { maintenanceIntervalSeconds: Number(process.env['CONCORD_MAINTENANCE_SECONDS']) }
          : {}),
      });
      await coordinator.work();
      process.stdout.write(`concord worker ${process.pid} ready (schema ${store.schema})\n`);
      const stop = async () => {
        await coordinator.queue.stop();
        await store.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
      await new Promise<never>(() => {});
    });
}
