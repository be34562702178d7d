import type { FastifyRequest } from 'fastify';
import type { Store } from '../store/open-store.js';
import { findPartyByToken, type Party } from '../store/party-repository.js';
import { ProblemError } from './problem.js';

declare module 'fastify' {
  interface FastifyRequest {
    party?: Party;
  }
}

/**
 * Valid tokens are remembered for a few seconds so a burst of requests does not look each one up; a rotated token
 * therefore stops working within this delay. Unknown tokens are never cached.
 */
const TOKEN_CACHE_MS = 5_000;
const TOKEN_CACHE = new Map<string, { party: Party; untilMs: number }>();

/** The calling party from `Authorization: Bearer <token>`; 401 when missing or unknown. */
export async function authenticate(store: Store, request: FastifyRequest): Promise<Party> {
  const header = request.headers.authorization;
  if (header === undefined || header === '') {
    throw new ProblemError(
      401,
      'TOKEN_MISSING',
      'Authentication required',
      'send Authorization: Bearer <token>',
    );
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const token = match?.[1];
  if (token === undefined)
    throw new ProblemError(401, 'TOKEN_MALFORMED', 'Authentication required', 'expected a Bearer token');
  const cached = TOKEN_CACHE.get(token);
  const now = Date.now();
  const party = cached && cached.untilMs > now ? cached.party : await findPartyByToken(store.db, token);
  if (party && !(cached && cached.untilMs > now)) {
    if (TOKEN_CACHE.size > 10_000) TOKEN_CACHE.clear();
    TOKEN_CACHE.set(token, { party, untilMs: now + TOKEN_CACHE_MS });
  }
  if (!party)
    throw new ProblemError(401, 'TOKEN_INVALID', 'Invalid token', 'the token is unknown or was rotated');
  request.party = party;
  return party;
}

export function requireParty(request: FastifyRequest): Party {
  const party = request.party;
  if (!party) throw new ProblemError(401, 'TOKEN_MISSING', 'Authentication required');
  return party;
}

export function requireAdmin(request: FastifyRequest): Party {
  const party = requireParty(request);
  if (party.role !== 'admin')
    throw new ProblemError(403, 'ADMIN_ONLY', 'Forbidden', 'only the service operator may do this');
  return party;
}
