import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { parseSingleObjectOemKvn } from '../../../formats/ccsds/oem/oem-single-object.js';
import { decodeInputBytes } from '../../../formats/input-kind.js';
import { appendAudit } from '../../store/audit-log.js';
import { ownersOf } from '../../store/object-repository.js';
import { requireParty } from '../auth.js';
import { summarizeOem } from '../oem-summary.js';
import { PROBLEM_SCHEMA, ProblemError } from '../problem.js';
import type { ServiceContext } from '../service-context.js';

/**
 * Operator ephemerides (CCSDS OEM KVN). Private: only the submitting party and the service operator can read them;
 * to anyone else they do not exist (404, not 403, so not even their existence leaks). A new one re-screens its
 * object with it (see `ScreeningCoordinator.onEphemerisStored`), so it must convert for screening when posted.
 */
export async function ephemerisRoutes(app: FastifyInstance, ctx: ServiceContext, uploadLimitBytes: number) {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: uploadLimitBytes }, (_req, body, done) =>
    done(null, body),
  );
  app.post(
    '/v1/ephemerides',
    {
      schema: {
        summary: 'Submit an operator ephemeris (CCSDS OEM KVN) for an object the party owns',
        tags: ['ephemerides'],
        security: [{ bearer: [] }],
        response: {
          201: { type: 'object', additionalProperties: true },
          400: PROBLEM_SCHEMA,
          403: PROBLEM_SCHEMA,
        },
      },
    },
    async (request, reply) => {
      const party = requireParty(request);
      const bytes = request.body instanceof Uint8Array ? request.body : new Uint8Array();
      const text = decodeInputBytes(bytes, 'upload.oem');
      if (!text.ok) throw new ProblemError(400, text.code, 'Unreadable upload', text.message);
      const { summary, issues } = summarizeOem(text.value, 'upload.oem');
      if (!summary)
        throw new ProblemError(400, 'INVALID_RECORDS', 'Invalid OEM', 'nothing was stored', { issues });
      // The screening workers read it back with the full reader: refuse now what they could not screen.
      const converted = parseSingleObjectOemKvn(text.value, 'upload.oem');
      if (!converted.object)
        throw new ProblemError(400, 'INVALID_RECORDS', 'Invalid OEM', 'nothing was stored', {
          issues: converted.issues,
        });
      if (party.role !== 'admin') {
        const owners = await ownersOf(ctx.store.db, [summary.noradCatId]);
        if (owners.get(summary.noradCatId) !== party.id)
          throw new ProblemError(
            403,
            'NOT_OWNER',
            'Forbidden',
            `object ${summary.noradCatId} is not owned by ${party.name}`,
          );
      }
      const row = await ctx.store.db
        .insertInto('ephemerides')
        .values({
          norad_cat_id: summary.noradCatId,
          party_id: party.id,
          start_unix_ms: summary.startUnixMs,
          stop_unix_ms: summary.stopUnixMs,
          visibility: 'private',
          content_hash: createHash('sha256').update(text.value).digest('hex'),
          oem_text: text.value,
        })
        .onConflict((oc) => oc.columns(['party_id', 'content_hash']).doNothing())
        .returning('id')
        .executeTakeFirst();
      await appendAudit(ctx.store.db, party.id, 'ephemeris.submit', {
        object: summary.noradCatId,
        id: row?.id ?? null,
      });
      const screening = await screenNewEphemeris(ctx, row?.id, party.id);
      reply.code(201);
      return {
        id: row?.id ?? null,
        duplicate: row === undefined,
        noradCatId: summary.noradCatId,
        startUtc: iso(summary.startUnixMs),
        stopUtc: iso(summary.stopUnixMs),
        states: summary.dataLines,
        warnings: converted.issues.filter((i) => i.severity === 'warning'),
        screeningRunId: screening.runId,
        screening: { code: screening.code, detail: screening.detail },
      };
    },
  );
}

const iso = (unixMs: number) => new Date(unixMs).toISOString();

/** The screening a stored ephemeris starts (`id` undefined: a duplicate), or why none: stable codes. */
async function screenNewEphemeris(
  ctx: ServiceContext,
  id: number | undefined,
  by: number,
): Promise<{ runId: number | null; code: string; detail: string }> {
  if (id === undefined)
    return {
      runId: null,
      code: 'DUPLICATE',
      detail: 'this ephemeris was already stored: nothing new to screen',
    };
  if (!ctx.autoScreen)
    return { runId: null, code: 'AUTO_SCREEN_OFF', detail: 'automatic re-screening is off on this service' };
  const r = await ctx.coordinator.onEphemerisStored(id, by);
  if (r.kind === 'requested')
    return {
      runId: r.runId,
      code: 'REQUESTED',
      detail: 'one-vs-all screening of the object with this ephemeris',
    };
  return {
    runId: null,
    code: 'OUTSIDE_SCREENING_WINDOW',
    detail: `the ephemeris covers nothing of the screening window ${iso(r.windowStartUnixMs)} to ${iso(r.windowEndUnixMs)}`,
  };
}

/** Reading ephemerides (JSON routes context). */
export async function ephemerisReadRoutes(app: FastifyInstance, ctx: ServiceContext) {
  app.get(
    '/v1/ephemerides/:id',
    {
      schema: {
        summary: 'Read an ephemeris you submitted (OEM text)',
        tags: ['ephemerides'],
        security: [{ bearer: [] }],
        params: { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] },
        response: { 404: PROBLEM_SCHEMA },
      },
    },
    async (request, reply) => {
      const party = requireParty(request);
      const { id } = request.params as { id: number };
      const row = await ctx.store.db
        .selectFrom('ephemerides')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row || (party.role !== 'admin' && row.party_id !== party.id))
        throw new ProblemError(404, 'NOT_FOUND', 'Not found', `no ephemeris ${id}`);
      return reply.type('text/plain; charset=utf-8').send(row.oem_text);
    },
  );
  app.get(
    '/v1/ephemerides',
    {
      schema: {
        summary: 'List your ephemerides (the operator sees all)',
        tags: ['ephemerides'],
        security: [{ bearer: [] }],
      },
    },
    async (request) => {
      const party = requireParty(request);
      let q = ctx.store.db
        .selectFrom('ephemerides')
        .select(['id', 'norad_cat_id', 'party_id', 'start_unix_ms', 'stop_unix_ms', 'ingested_at']);
      if (party.role !== 'admin') q = q.where('party_id', '=', party.id);
      const rows = await q.orderBy('id').limit(1000).execute();
      return {
        ephemerides: rows.map((r) => ({
          id: r.id,
          noradCatId: r.norad_cat_id,
          partyId: r.party_id,
          startUtc: new Date(r.start_unix_ms).toISOString(),
          stopUtc: new Date(r.stop_unix_ms).toISOString(),
          ingestedAt: r.ingested_at.toISOString(),
        })),
      };
    },
  );
}
