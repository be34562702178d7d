import { randomBytes } from 'node:crypto';
import { jobSchemaFor } from '../../src/edges/server/service.js';
import { dropSchema, openStore, type Store, type StoreKind } from '../../src/edges/store/open-store.js';

/** The stores every service suite runs against; PostgreSQL only when TEST_DATABASE_URL names a server. */
export const TEST_DATABASE_URL = process.env['TEST_DATABASE_URL'];

export const STORES: readonly { readonly kind: StoreKind; readonly skip: boolean }[] = [
  { kind: 'pglite', skip: false },
  { kind: 'postgres', skip: TEST_DATABASE_URL === undefined || TEST_DATABASE_URL === '' },
];

let warned = false;
/** Print once per file why the PostgreSQL leg is skipped. */
export function explainSkippedStores(): void {
  if (!warned && STORES.some((s) => s.skip)) {
    warned = true;
    console.warn(
      'PostgreSQL tests skipped: set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run them.',
    );
  }
}

export interface TestStore extends Store {
  /** Close and, for PostgreSQL, drop the isolated schema and the job queue's schema next to it. */
  dispose(): Promise<void>;
}

/** A fresh, isolated store: an in-memory PGlite, or a new schema on the test PostgreSQL server. */
export async function openTestStore(kind: StoreKind): Promise<TestStore> {
  if (kind === 'pglite') {
    const store = await openStore({});
    return { ...store, dispose: () => store.close() };
  }
  const url = TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `concord_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const store = await openStore({ databaseUrl: url, schema });
  return {
    ...store,
    dispose: async () => {
      await store.close();
      await dropSchema(url, schema);
      await dropSchema(url, jobSchemaFor(store));
    },
  };
}
