import type { FastifyInstance } from 'fastify';
import { countElementSets } from '../../store/element-set-repository.js';
import { requireParty } from '../auth.js';
import { ingestElementSets } from '../ingest-element-sets.js';
import { PROBLEM_SCHEMA } from '../problem.js';
import type { ServiceContext } from '../service-context.js';

/** `POST /v1/element-sets`: raw TLE/3LE or OMM (KVN, XML, JSON, CSV), optionally gzip, as the request body. */
export async function elementSetRoutes(app: FastifyInstance, ctx: ServiceContext, uploadLimitBytes: number) {
  // Uploads are taken as bytes whatever the declared type: the format is recognised from the content.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: uploadLimitBytes }, (_req, body, done) =>
    done(null, body),
  );
  app.post(
    '/v1/element-sets',
    {
      schema: {
        summary: 'Submit element sets (TLE/3LE, OMM KVN/XML/JSON/CSV; gzip accepted). All or nothing.',
        tags: ['element sets'],
        security: [{ bearer: [] }],
        querystring: {
          type: 'object',
          properties: {
            filename: { type: 'string', maxLength: 200, description: 'name used in issue reports' },
          },
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: {
              format: { type: 'string' },
              received: { type: 'integer' },
              stored: { type: 'integer' },
              duplicates: { type: 'integer' },
              objects: { type: 'integer' },
              screeningRunId: { type: ['integer', 'null'] },
              warnings: { type: 'array', items: { type: 'object', additionalProperties: true } },
            },
          },
          400: PROBLEM_SCHEMA,
          401: PROBLEM_SCHEMA,
          403: PROBLEM_SCHEMA,
          413: PROBLEM_SCHEMA,
        },
      },
    },
    async (request) => {
      const party = requireParty(request);
      const body = request.body;
      const bytes = body instanceof Uint8Array ? body : new Uint8Array();
      const file = (request.query as { filename?: string }).filename ?? 'upload';
      let outcome: Awaited<ReturnType<typeof ingestElementSets>>;
      try {
        outcome = await ingestElementSets(ctx.store, bytes, file, party);
      } catch (error) {
        ctx.metrics.uploadsRejected += 1;
        throw error;
      }
      ctx.metrics.elementSetsStored += outcome.stored;
      ctx.metrics.elementSetsDuplicate += outcome.duplicates;
      let screeningRunId: number | null = null;
      if (ctx.autoScreen && outcome.touchedNoradCatIds.length > 0) {
        const catalogSize = await countElementSets(ctx.store.db);
        screeningRunId = await ctx.coordinator.onElementSetsStored(
          outcome.touchedNoradCatIds,
          catalogSize,
          party.id,
        );
      }
      const { touchedNoradCatIds: _, ...rest } = outcome;
      return { ...rest, screeningRunId };
    },
  );
}
