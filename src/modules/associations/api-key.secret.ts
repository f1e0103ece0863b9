/** API-key secrets: 32 random bytes behind a recognisable prefix; only their SHA-256 is stored. */
import { createHash, randomBytes } from 'node:crypto';

export const API_KEY_PREFIX = 'mak_';

export function newApiKeySecret(): string {
  return API_KEY_PREFIX + randomBytes(32).toString('base64url');
}

export function hashApiKeySecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}
