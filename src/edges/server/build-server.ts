import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { countConjunctions } from '../store/conjunction-repository.js';
import { countElementSets } from '../store/element-set-repository.js';
import { pingStore } from '../store/open-store.js';
import { authenticate } from './auth.js';
import { ProblemError, problemBody, sendProblem } from './problem.js';
import { adminRoutes, satcatRoutes } from './routes/admin.js';
import { alertRoutes } from './routes/alerts.js';
import { conjunctionRoutes } from './routes/conjunctions.js';
import { elementSetRoutes } from './routes/element-sets.js';
import { ephemerisReadRoutes, ephemerisRoutes } from './routes/ephemerides.js';
import { screeningRoutes } from './routes/screenings.js';
import type { ServiceContext } from './service-context.js';

export interface ServerOptions {
  /** Largest upload (element sets, OEM, SATCAT), bytes. Default 64 MiB. */
  readonly uploadLimitBytes?: number;
  /** Largest JSON body, bytes. Default 1 MiB. */
  readonly jsonLimitBytes?: number;
  /** Requests per minute per token (or address when anonymous); 0 disables. Default 6000. */
  readonly rateLimitPerMinute?: number;
  readonly logger?: boolean;
}

const PUBLIC_PATHS = /^\/(health|metrics|openapi\.json|docs)(\/|$|\?)/;

/** The HTTP API over a service context; `inject` tests it without a socket. */
export async function buildServer(
  ctx: ServiceContext,
  options: ServerOptions = {},
): Promise<FastifyInstance> {
  const uploadLimit = options.uploadLimitBytes ?? 64 * 1024 * 1024;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.jsonLimitBytes ?? 1024 * 1024,
    ajv: { customOptions: { coerceTypes: true, removeAdditional: false, useDefaults: true } },
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Concord coordination service',
        version: '1',
        description:
          'Element sets, ephemerides, continuous screening, conjunction events with CDM history, alerts. Errors are RFC 9457 problem details with a stable `code`.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  const rate = options.rateLimitPerMinute ?? 6000;
  if (rate > 0) {
    await app.register(rateLimit, {
      max: rate,
      timeWindow: 60_000,
      keyGenerator: (request) => request.headers.authorization ?? request.ip,
      errorResponseBuilder: (_request, context) =>
        problemBody(
          429,
          'RATE_LIMITED',
          'Too many requests',
          `limit ${context.max} per minute; retry in ${context.after}`,
        ),
    });
  }

  app.addHook('onRequest', async (request) => {
    (request as { startNs?: bigint }).startNs = process.hrtime.bigint();
    if (!PUBLIC_PATHS.test(request.url)) await authenticate(ctx.store, request);
  });
  app.addHook('onResponse', async (request, reply) => {
    const start = (request as { startNs?: bigint }).startNs;
    const seconds = start === undefined ? 0 : Number(process.hrtime.bigint() - start) / 1e9;
    ctx.metrics.observeRequest(
      request.method,
      request.routeOptions.url ?? 'unmatched',
      reply.statusCode,
      seconds,
    );
  });

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof ProblemError) return sendProblem(reply, error);
    const e = error as { validation?: unknown; statusCode?: number; code?: string; message?: string };
    if (e.validation)
      return sendProblem(
        reply,
        new ProblemError(400, 'VALIDATION_FAILED', 'Invalid request', e.message ?? 'invalid request'),
      );
    if (e.statusCode === 413)
      return sendProblem(reply, new ProblemError(413, 'PAYLOAD_TOO_LARGE', 'Payload too large', e.message));
    if (e.statusCode === 429) return reply.code(429).type('application/problem+json').send(error);
    if (e.statusCode !== undefined && e.statusCode >= 400 && e.statusCode < 500)
      return sendProblem(
        reply,
        new ProblemError(e.statusCode, e.code ?? 'BAD_REQUEST', 'Bad request', e.message),
      );
    reply.log.error(error);
    return sendProblem(reply, new ProblemError(500, 'INTERNAL', 'Internal error', 'see the service log'));
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, new ProblemError(404, 'NOT_FOUND', 'Not found', `${request.method} ${request.url}`)),
  );

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get(
    '/health',
    { schema: { summary: 'Liveness and store reachability', tags: ['service'] } },
    async (_request, reply) => {
      try {
        await pingStore(ctx.store);
        return { status: 'ok', store: ctx.store.kind, queue: ctx.coordinator.queue.kind };
      } catch (error) {
        reply.code(503);
        return { status: 'unavailable', store: ctx.store.kind, detail: String(error) };
      }
    },
  );
  app.get(
    '/metrics',
    { schema: { summary: 'Prometheus metrics (text format 0.0.4)', tags: ['service'] } },
    async (_request, reply) => {
      const [sets, events] = await Promise.all([
        countElementSets(ctx.store.db),
        countConjunctions(ctx.store.db),
      ]);
      return reply
        .type('text/plain; version=0.0.4; charset=utf-8')
        .send(ctx.metrics.render({ concord_element_sets: sets, concord_conjunction_events: events }));
    },
  );

  await app.register(async (scope) => elementSetRoutes(scope, ctx, uploadLimit));
  await app.register(async (scope) => ephemerisRoutes(scope, ctx, uploadLimit));
  await app.register(async (scope) => satcatRoutes(scope, ctx, uploadLimit));
  await ephemerisReadRoutes(app, ctx);
  await screeningRoutes(app, ctx);
  await conjunctionRoutes(app, ctx);
  await alertRoutes(app, ctx);
  await adminRoutes(app, ctx);
  return app;
}
