import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseIsoUtc, unixMsFromUtcInstant } from '../../../core/time/iso-8601.js';
import { writeCdmJson } from '../../../formats/ccsds/cdm/cdm-json.js';
import { writeCdmKvn } from '../../../formats/ccsds/cdm/cdm-kvn.js';
import { writeCdmXml } from '../../../formats/ccsds/cdm/cdm-xml.js';
import {
  type ConjunctionEvent,
  type ConjunctionFilter,
  conjunctionVersions,
  getConjunction,
  listConjunctions,
} from '../../store/conjunction-repository.js';
import { getObject, ownersOf } from '../../store/object-repository.js';
import type { Party } from '../../store/party-repository.js';
import { requireParty } from '../auth.js';
import { seesAllStates } from '../ephemeris-privacy.js';
import { eventCdm } from '../event-cdm.js';
import { PROBLEM_SCHEMA, ProblemError } from '../problem.js';
import type { ConjunctionPage, ServiceContext } from '../service-context.js';

const EVENT_SCHEMA = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    primaryNorad: { type: 'integer' },
    secondaryNorad: { type: 'integer' },
    tcaUtc: { type: 'string' },
    missKm: { type: 'number' },
    relSpeedKmS: { type: 'number' },
    missRtnKm: {
      type: ['array', 'null'],
      items: { type: 'number' },
      description: "null when it derives from another party's private ephemeris",
    },
    pc: { type: ['number', 'null'] },
    status: { type: 'string', enum: ['open', 'closed', 'cleared'] },
    version: { type: 'integer' },
    firstRunId: { type: 'integer' },
    lastRunId: { type: 'integer' },
  },
} as const;

/** An event as `viewer` may see it: the miss vector of a state from a private ephemeris only for its owner. */
function view(e: ConjunctionEvent, viewer: Party) {
  return {
    id: e.id,
    primaryNorad: e.primaryNorad,
    secondaryNorad: e.secondaryNorad,
    tcaUtc: new Date(e.tcaUnixMs).toISOString(),
    missKm: e.missKm,
    relSpeedKmS: e.relSpeedKmS,
    missRtnKm: seesAllStates(viewer, e.ephemerisPartyIds) ? e.missRtnKm : null,
    pc: e.pc,
    status: e.status,
    version: e.version,
    firstRunId: e.firstRunId,
    lastRunId: e.lastRunId,
  };
}

function isoMs(text: string | undefined, field: string): number | undefined {
  if (text === undefined) return undefined;
  const t = parseIsoUtc(text);
  if (!t.ok) throw new ProblemError(400, 'INVALID_ISO_8601', 'Invalid time', `${field}: ${t.message}`);
  return unixMsFromUtcInstant(t.value);
}

/** A party sees the events of its own objects; the operator sees all. */
async function visibleEvent(
  ctx: ServiceContext,
  request: FastifyRequest,
): Promise<{ event: ConjunctionEvent; party: Party }> {
  const party = requireParty(request);
  const { id } = request.params as { id: number };
  const event = await getConjunction(ctx.store.db, id);
  if (!event) throw new ProblemError(404, 'NOT_FOUND', 'Not found', `no conjunction ${id}`);
  if (party.role !== 'admin') {
    const owners = await ownersOf(ctx.store.db, [event.primaryNorad, event.secondaryNorad]);
    if (owners.get(event.primaryNorad) !== party.id && owners.get(event.secondaryNorad) !== party.id)
      throw new ProblemError(403, 'FORBIDDEN', 'Forbidden', 'this conjunction involves none of your objects');
  }
  return { event, party };
}

export async function conjunctionRoutes(app: FastifyInstance, ctx: ServiceContext) {
  app.get(
    '/v1/conjunctions',
    {
      schema: {
        summary: 'Conjunction events by TCA, filtered (parties see events of their own objects)',
        tags: ['conjunctions'],
        security: [{ bearer: [] }],
        querystring: {
          type: 'object',
          properties: {
            object: { type: 'integer', minimum: 1, description: 'catalog number (either object)' },
            party: {
              type: 'integer',
              minimum: 1,
              description: 'events of objects owned by this party (operator)',
            },
            tcaFrom: { type: 'string', maxLength: 40 },
            tcaTo: { type: 'string', maxLength: 40 },
            maxMissKm: { type: 'number', minimum: 0 },
            minPc: { type: 'number', minimum: 0, maximum: 1 },
            status: { type: 'string', enum: ['open', 'closed', 'cleared'] },
            limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
            cursor: {
              type: 'string',
              pattern: '^[0-9.eE+-]+_[0-9]+$',
              description: 'nextCursor of the previous page',
            },
          },
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: {
              items: { type: 'array', items: EVENT_SCHEMA },
              nextCursor: { type: ['string', 'null'] },
            },
          },
          400: PROBLEM_SCHEMA,
          403: PROBLEM_SCHEMA,
        },
      },
    },
    async (request) => {
      const party = requireParty(request);
      const q = request.query as {
        object?: number;
        party?: number;
        tcaFrom?: string;
        tcaTo?: string;
        maxMissKm?: number;
        minPc?: number;
        status?: 'open' | 'closed' | 'cleared';
        limit: number;
        cursor?: string;
      };
      if (q.party !== undefined && party.role !== 'admin' && q.party !== party.id)
        throw new ProblemError(403, 'FORBIDDEN', 'Forbidden', 'parties may only list their own events');
      const partyId = party.role === 'admin' ? q.party : party.id;
      const [tca, id] = (q.cursor ?? '').split('_');
      const tcaFromUnixMs = isoMs(q.tcaFrom, 'tcaFrom');
      const tcaToUnixMs = isoMs(q.tcaTo, 'tcaTo');
      const filter: ConjunctionFilter = {
        limit: q.limit,
        ...(q.object === undefined ? {} : { object: q.object }),
        ...(partyId === undefined ? {} : { partyId }),
        ...(tcaFromUnixMs === undefined ? {} : { tcaFromUnixMs }),
        ...(tcaToUnixMs === undefined ? {} : { tcaToUnixMs }),
        ...(q.maxMissKm === undefined ? {} : { maxMissKm: q.maxMissKm }),
        ...(q.minPc === undefined ? {} : { minPc: q.minPc }),
        ...(q.status === undefined ? {} : { status: q.status }),
        ...(q.cursor === undefined ? {} : { after: { tcaUnixMs: Number(tca), id: Number(id) } }),
      };
      const load = async (): Promise<ConjunctionPage> => {
        const { events, hasMore } = await listConjunctions(ctx.store.db, filter);
        const last = events.at(-1);
        return {
          items: events.map((e) => view(e, party)),
          nextCursor: hasMore && last ? `${last.tcaUnixMs}_${last.id}` : null,
        };
      };
      // The filter is built in a fixed property order, so equal filters give equal keys. Views differ by viewer
      // (see `view`): a party's pages are not the operator's of the same filter.
      const key = `${party.role === 'admin' ? 'admin' : `party ${party.id}`} ${JSON.stringify(filter)}`;
      return ctx.conjunctionPages ? ctx.conjunctionPages.get(key, load) : load();
    },
  );
  const idParams = {
    type: 'object',
    properties: { id: { type: 'integer', minimum: 1 } },
    required: ['id'],
  } as const;
  app.get(
    '/v1/conjunctions/:id',
    {
      schema: {
        summary: 'One conjunction event with its version history',
        tags: ['conjunctions'],
        security: [{ bearer: [] }],
        params: idParams,
        response: { 403: PROBLEM_SCHEMA, 404: PROBLEM_SCHEMA },
      },
    },
    async (request) => {
      const { event, party } = await visibleEvent(ctx, request);
      const versions = await conjunctionVersions(ctx.store.db, event.id);
      return {
        ...view(event, party),
        versions: versions.map((v) => ({
          version: v.version,
          runId: v.runId,
          tcaUtc: new Date(v.tcaUnixMs).toISOString(),
          missKm: v.missKm,
          relSpeedKmS: v.relSpeedKmS,
          pc: v.pc,
          createdAt: v.createdAt.toISOString(),
        })),
      };
    },
  );
  app.get(
    '/v1/conjunctions/:id/cdm',
    {
      schema: {
        summary: 'The CDM of the latest (or a given) version: KVN (text/plain), XML or JSON by Accept',
        tags: ['conjunctions'],
        security: [{ bearer: [] }],
        params: idParams,
        querystring: {
          type: 'object',
          properties: { version: { type: 'integer', minimum: 1 } },
          additionalProperties: false,
        },
        response: { 403: PROBLEM_SCHEMA, 404: PROBLEM_SCHEMA, 406: PROBLEM_SCHEMA },
      },
    },
    async (request, reply) => {
      const { event, party } = await visibleEvent(ctx, request);
      const versions = await conjunctionVersions(ctx.store.db, event.id);
      const wanted = (request.query as { version?: number }).version;
      const version = wanted === undefined ? versions.at(-1) : versions.find((v) => v.version === wanted);
      if (!version)
        throw new ProblemError(404, 'NOT_FOUND', 'Not found', `no such version of conjunction ${event.id}`);
      const [primary, secondary] = await Promise.all([
        getObject(ctx.store.db, event.primaryNorad),
        getObject(ctx.store.db, event.secondaryNorad),
      ]);
      const cdm = eventCdm(
        event,
        version,
        { ...(primary ? { primary } : {}), ...(secondary ? { secondary } : {}) },
        version.createdAt.getTime(),
        party,
      );
      const accept = request.headers.accept ?? 'text/plain';
      if (/application\/(\w+\+)?xml|text\/xml/.test(accept))
        return reply.type('application/xml').send(writeCdmXml(cdm));
      if (/application\/json/.test(accept)) return reply.type('application/json').send(writeCdmJson(cdm));
      if (/text\/plain|\*\/\*|^$/.test(accept))
        return reply.type('text/plain; charset=utf-8').send(writeCdmKvn(cdm));
      throw new ProblemError(
        406,
        'NOT_ACCEPTABLE',
        'Not acceptable',
        'CDMs are served as text/plain (KVN), application/xml or application/json',
      );
    },
  );
}
