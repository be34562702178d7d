import { join, resolve } from 'node:path';
import { openStore, type Store } from '../store/open-store.js';

export interface StoreCliOptions {
  readonly data?: string;
  readonly schema?: string;
}

/** DATABASE_URL selects PostgreSQL; otherwise the embedded store in `--data DIR` (default ./.concord/). */
export function dataDirOf(options: StoreCliOptions): string {
  return resolve(options.data ?? '.concord');
}

export async function openCliStore(options: StoreCliOptions): Promise<Store> {
  const url = process.env['DATABASE_URL'];
  if (url !== undefined && url !== '') {
    return openStore({
      databaseUrl: url,
      ...(options.schema === undefined ? {} : { schema: options.schema }),
    });
  }
  return openStore({ dataDir: join(dataDirOf(options), 'db') });
}
