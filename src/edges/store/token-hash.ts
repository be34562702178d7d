import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new API token: 32 random bytes, base64url, with a recognisable prefix. Shown once, stored only hashed. */
export function newApiToken(): string {
  return `concord_${randomBytes(32).toString('base64url')}`;
}

/** SHA-256 hex of a token (tokens carry 256 random bits, so a fast hash is enough; no salt needed). */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Constant-time comparison of two hex digests of equal length. */
export function sameTokenHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
