import type { FastifyInstance } from 'fastify';
import { objectsOwnedBy } from '../../store/object-repository.js';
import { requireParty } from '../auth.js';
import type { ServiceContext } from '../service-context.js';

/**
 * `GET /v1/alerts`: server-sent events, one `alert` event per change of a conjunction event (new, updated,
 * cleared, closed) that involves one of the party's objects (all for the operator). `Last-Event-ID` resumes.
 */
export async function alertRoutes(app: FastifyInstance, ctx: ServiceContext) {
  app.get(
    '/v1/alerts',
    {
      schema: {
        summary: 'Alert stream (text/event-stream) of changes to your conjunction events',
        tags: ['alerts'],
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      const party = requireParty(request);
      const owned =
        party.role === 'admin' ? undefined : new Set(await objectsOwnedBy(ctx.store.db, party.id));
      const visible = (a: { primaryNorad: number; secondaryNorad: number }) =>
        owned === undefined || owned.has(a.primaryNorad) || owned.has(a.secondaryNorad);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
      });
      raw.write(`: concord alerts for ${party.name}\n\n`);
      ctx.metrics.sseClients += 1;
      const unsubscribe = ctx.alerts.subscribe((alert) => {
        if (visible(alert))
          raw.write(`id: ${alert.id}\nevent: alert\ndata: ${JSON.stringify(alert.payload)}\n\n`);
      });
      const keepAlive = setInterval(() => raw.write(': keep-alive\n\n'), 15_000);
      keepAlive.unref();
      request.raw.on('close', () => {
        clearInterval(keepAlive);
        unsubscribe();
        ctx.metrics.sseClients -= 1;
      });
    },
  );
}
