import type { FastifyInstance } from 'fastify';
import { decodeInputBytes } from '../../../formats/input-kind.js';
import { parseSatcatCsv } from '../../../formats/satcat/parse-satcat-csv.js';
import { appendAudit } from '../../store/audit-log.js';
import { assignOwnerCode, setObjectOwner, upsertSatcatObjects } from '../../store/object-repository.js';
import { createParty, getParty, listParties } from '../../store/party-repository.js';
import { requireAdmin, requireParty } from '../auth.js';
import { PROBLEM_SCHEMA, ProblemError } from '../problem.js';
import type { ServiceContext } from '../service-context.js';

const PARTY_SCHEMA = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    country: { type: 'string' },
    contact: { type: ['string', 'null'] },
    role: { type: 'string' },
    token: { type: 'string', description: 'shown once, at creation' },
  },
} as const;

/** Parties and ownership: managed by the service operator (admin token). */
export async function adminRoutes(app: FastifyInstance, ctx: ServiceContext) {
  app.get(
    '/v1/me',
    {
      schema: {
        summary: 'Who am I',
        tags: ['parties'],
        security: [{ bearer: [] }],
        response: { 200: PARTY_SCHEMA },
      },
    },
    async (request) => requireParty(request),
  );
  app.get(
    '/v1/parties',
    { schema: { summary: 'List parties (operator)', tags: ['parties'], security: [{ bearer: [] }] } },
    async (request) => {
      requireAdmin(request);
      return { parties: await listParties(ctx.store.db) };
    },
  );
  app.post(
    '/v1/parties',
    {
      schema: {
        summary: 'Create a party (operator); its token is in this response only',
        tags: ['parties'],
        security: [{ bearer: [] }],
        body: {
          type: 'object',
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 200 },
            country: { type: 'string', minLength: 1, maxLength: 10 },
            contact: { type: 'string', maxLength: 500 },
            ownerCode: {
              type: 'string',
              maxLength: 10,
              description: 'give every object of this SATCAT owner code',
            },
          },
          required: ['name', 'country'],
          additionalProperties: false,
        },
        response: { 201: PARTY_SCHEMA, 403: PROBLEM_SCHEMA, 409: PROBLEM_SCHEMA },
      },
    },
    async (request, reply) => {
      const admin = requireAdmin(request);
      const body = request.body as { name: string; country: string; contact?: string; ownerCode?: string };
      try {
        const { party, token } = await createParty(ctx.store.db, body);
        if (body.ownerCode !== undefined) await assignOwnerCode(ctx.store.db, body.ownerCode, party.id);
        await appendAudit(ctx.store.db, admin.id, 'party.create', { partyId: party.id, name: party.name });
        reply.code(201);
        return { ...party, token };
      } catch (error) {
        if (/unique|duplicate/i.test(String(error)))
          throw new ProblemError(409, 'PARTY_EXISTS', 'Conflict', `a party named ${body.name} exists`);
        throw error;
      }
    },
  );
  app.put(
    '/v1/objects/:norad/owner',
    {
      schema: {
        summary: 'Set the owner party of an object (operator)',
        tags: ['parties'],
        security: [{ bearer: [] }],
        params: {
          type: 'object',
          properties: { norad: { type: 'integer', minimum: 1 } },
          required: ['norad'],
        },
        body: {
          type: 'object',
          properties: { partyId: { type: ['integer', 'null'], minimum: 1 } },
          required: ['partyId'],
          additionalProperties: false,
        },
        response: { 403: PROBLEM_SCHEMA, 404: PROBLEM_SCHEMA },
      },
    },
    async (request) => {
      const admin = requireAdmin(request);
      const { norad } = request.params as { norad: number };
      const { partyId } = request.body as { partyId: number | null };
      if (partyId !== null && !(await getParty(ctx.store.db, partyId)))
        throw new ProblemError(404, 'NOT_FOUND', 'Not found', `no party ${partyId}`);
      await setObjectOwner(ctx.store.db, norad, partyId);
      await appendAudit(ctx.store.db, admin.id, 'object.owner', { norad, partyId });
      return { noradCatId: norad, ownerPartyId: partyId };
    },
  );
}

/** `POST /v1/satcat` (operator): SATCAT CSV (Space-Track or CelesTrak, gzip accepted) refreshes objects and owner codes. */
export async function satcatRoutes(app: FastifyInstance, ctx: ServiceContext, uploadLimitBytes: number) {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: uploadLimitBytes }, (_req, body, done) =>
    done(null, body),
  );
  app.post(
    '/v1/satcat',
    { schema: { summary: 'Load a SATCAT CSV (operator)', tags: ['parties'], security: [{ bearer: [] }] } },
    async (request) => {
      const admin = requireAdmin(request);
      const bytes = request.body instanceof Uint8Array ? request.body : new Uint8Array();
      const text = decodeInputBytes(bytes, 'satcat.csv');
      if (!text.ok) throw new ProblemError(400, text.code, 'Unreadable upload', text.message);
      const parsed = parseSatcatCsv(text.value, 'satcat.csv');
      const errors = parsed.issues.filter((i) => i.severity === 'error');
      if (errors.length > 0)
        throw new ProblemError(400, 'INVALID_RECORDS', 'Invalid records', 'nothing was stored', {
          issues: errors.slice(0, 1000),
          issuesTotal: errors.length,
        });
      const n = await upsertSatcatObjects(ctx.store.db, parsed.records);
      await appendAudit(ctx.store.db, admin.id, 'satcat.load', { rows: parsed.records.length });
      return { rows: parsed.records.length, objects: n };
    },
  );
}
