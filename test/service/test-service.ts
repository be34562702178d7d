import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import {
  createService,
  ensureOperator,
  type Service,
  type ServiceOptions,
} from '../../src/edges/server/service.js';
import type { StoreKind } from '../../src/edges/store/open-store.js';
import { openTestStore, type TestStore } from './test-stores.js';

/** A fresh store, a service on it and the operator's token; filled in before the suite's first test. */
export interface TestService {
  store: TestStore;
  service: Service;
  admin: string;
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
}

/**
 * Register, in the enclosing `describe`, the set-up of a service on a new test store (then `setup`, if given)
 * and its removal after the suite. The returned object is filled in by the time tests run.
 */
export function useTestService(
  kind: StoreKind,
  options: ServiceOptions,
  setup?: (t: TestService) => Promise<void>,
  setupTimeoutMs?: number,
): TestService {
  const t = {
    admin: '',
    inject: (o: InjectOptions) => t.service.app.inject(o),
  } as TestService;
  beforeAll(async () => {
    t.store = await openTestStore(kind);
    t.service = await createService(t.store, options);
    t.admin = (await ensureOperator(t.store)) ?? '';
    await setup?.(t);
  }, setupTimeoutMs);
  afterAll(async () => {
    await t.service?.close();
    await t.store?.dispose();
  });
  return t;
}

/** Register a party with the operator's token; its id and bearer token. */
export async function createParty(
  t: TestService,
  name: string,
  country = 'US',
): Promise<{ id: number; token: string }> {
  const response = await t.inject({
    method: 'POST',
    url: '/v1/parties',
    headers: { authorization: `Bearer ${t.admin}` },
    payload: { name, country },
  });
  if (response.statusCode !== 201 && response.statusCode !== 200)
    throw new Error(`party ${name}: HTTP ${response.statusCode} ${response.body}`);
  return response.json() as { id: number; token: string };
}
