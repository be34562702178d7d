import type { FastifyInstance } from 'fastify';
import { parseIsoUtc, unixMsFromUtcInstant } from '../../../core/time/iso-8601.js';
import { objectsOwnedBy } from '../../store/object-repository.js';
import { getScreeningRun } from '../../store/screening-repository.js';
import { requireParty } from '../auth.js';
import { PROBLEM_SCHEMA, ProblemError } from '../problem.js';
import type { ServiceContext } from '../service-context.js';

const RUN_SCHEMA = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    kind: { type: 'string', enum: ['full', 'incremental'] },
    status: { type: 'string', enum: ['queued', 'running', 'merging', 'done', 'failed'] },
    windowStartUtc: { type: 'string' },
    windowEndUtc: { type: 'string' },
    thresholdKm: { type: 'number' },
    objects: { type: 'integer' },
    primaries: { type: ['array', 'null'], items: { type: 'integer' } },
    ephemerides: {
      type: ['array', 'null'],
      description: 'primaries whose states come from a stored ephemeris instead of their element set',
      items: {
        type: 'object',
        properties: { noradCatId: { type: 'integer' }, ephemerisId: { type: 'integer' } },
      },
    },
    shardCount: { type: 'integer' },
    shardsDone: { type: 'integer' },
    progress: { type: 'number', description: 'shards done / shards, 0..1' },
    stats: { type: ['object', 'null'], additionalProperties: true },
    error: { type: ['string', 'null'] },
    createdAt: { type: 'string' },
    finishedAt: { type: ['string', 'null'] },
  },
} as const;

function isoToUnixMs(text: string | undefined, field: string): number | undefined {
  if (text === undefined) return undefined;
  const t = parseIsoUtc(text);
  if (!t.ok) throw new ProblemError(400, 'INVALID_ISO_8601', 'Invalid time', `${field}: ${t.message}`);
  return unixMsFromUtcInstant(t.value);
}

export async function screeningRoutes(app: FastifyInstance, ctx: ServiceContext) {
  app.post(
    '/v1/screenings',
    {
      schema: {
        summary:
          'Request a screening: full (operator) or one-vs-all for primaries (parties: their own objects)',
        tags: ['screenings'],
        security: [{ bearer: [] }],
        body: {
          type: 'object',
          properties: {
            kind: { type: 'string', enum: ['full', 'incremental'], default: 'incremental' },
            primaries: { type: 'array', items: { type: 'integer', minimum: 1 }, maxItems: 100_000 },
            windowStartUtc: { type: 'string', maxLength: 40 },
            windowEndUtc: { type: 'string', maxLength: 40 },
            thresholdKm: { type: 'number', exclusiveMinimum: 0, maximum: 100 },
          },
          additionalProperties: false,
        },
        response: { 202: RUN_SCHEMA, 400: PROBLEM_SCHEMA, 403: PROBLEM_SCHEMA },
      },
    },
    async (request, reply) => {
      const party = requireParty(request);
      const body = (request.body ?? {}) as {
        kind?: 'full' | 'incremental';
        primaries?: number[];
        windowStartUtc?: string;
        windowEndUtc?: string;
        thresholdKm?: number;
      };
      const kind = body.kind ?? 'incremental';
      if (kind === 'full' && party.role !== 'admin')
        throw new ProblemError(
          403,
          'ADMIN_ONLY',
          'Forbidden',
          'only the service operator requests full screenings',
        );
      let primaries = body.primaries;
      if (kind === 'incremental' && party.role !== 'admin') {
        const owned = new Set(await objectsOwnedBy(ctx.store.db, party.id));
        primaries ??= [...owned];
        const foreign = primaries.filter((n) => !owned.has(n));
        if (foreign.length > 0)
          throw new ProblemError(
            403,
            'NOT_OWNER',
            'Forbidden',
            `not your objects: ${foreign.slice(0, 20).join(', ')}`,
          );
      }
      if (kind === 'incremental' && (primaries === undefined || primaries.length === 0))
        throw new ProblemError(
          400,
          'NO_PRIMARIES',
          'No primaries',
          'an incremental screening needs primaries',
        );
      const startUnixMs = isoToUnixMs(body.windowStartUtc, 'windowStartUtc');
      const endUnixMs = isoToUnixMs(body.windowEndUtc, 'windowEndUtc');
      if (startUnixMs !== undefined && endUnixMs !== undefined && !(endUnixMs > startUnixMs))
        throw new ProblemError(400, 'BAD_WINDOW', 'Bad window', 'windowEndUtc must be after windowStartUtc');
      const runId = await ctx.coordinator.requestScreening({
        kind,
        requestedBy: party.id,
        ...(primaries === undefined ? {} : { primaries }),
        ...(startUnixMs === undefined ? {} : { startUnixMs }),
        ...(endUnixMs === undefined ? {} : { endUnixMs }),
        ...(body.thresholdKm === undefined ? {} : { thresholdKm: body.thresholdKm }),
      });
      reply.code(202).header('location', `/v1/screenings/${runId}`);
      return runView(ctx, runId);
    },
  );
  app.get(
    '/v1/screenings/:id',
    {
      schema: {
        summary: 'Status and progress of a screening',
        tags: ['screenings'],
        security: [{ bearer: [] }],
        params: { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] },
        response: { 200: RUN_SCHEMA, 403: PROBLEM_SCHEMA, 404: PROBLEM_SCHEMA },
      },
    },
    async (request) => {
      const party = requireParty(request);
      const { id } = request.params as { id: number };
      const run = await getScreeningRun(ctx.store.db, id);
      if (!run) throw new ProblemError(404, 'NOT_FOUND', 'Not found', `no screening ${id}`);
      if (party.role !== 'admin' && run.requestedBy !== party.id)
        throw new ProblemError(403, 'FORBIDDEN', 'Forbidden', 'not your screening');
      return runView(ctx, id);
    },
  );
}

async function runView(ctx: ServiceContext, id: number) {
  const run = await getScreeningRun(ctx.store.db, id);
  if (!run) throw new ProblemError(404, 'NOT_FOUND', 'Not found', `no screening ${id}`);
  return {
    id: run.id,
    kind: run.kind,
    status: run.status,
    windowStartUtc: new Date(run.windowStartUnixMs).toISOString(),
    windowEndUtc: new Date(run.windowEndUnixMs).toISOString(),
    thresholdKm: run.thresholdKm,
    objects: run.elementSetIds.length,
    primaries: run.primaries,
    ephemerides: run.ephemerides,
    shardCount: run.shardCount,
    shardsDone: run.shardsDone,
    progress: run.status === 'done' ? 1 : run.shardsDone / Math.max(1, run.shardCount),
    stats: run.stats,
    error: run.error,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}
