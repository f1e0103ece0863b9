/** Passwords hashed with argon2id (memory-hard); the library's default algorithm and parameters. */
import { hash, verify } from '@node-rs/argon2';

export const hashPassword = (password: string): Promise<string> => hash(password);

let decoy: Promise<string> | undefined;

/**
 * Checks a password against a stored hash. With no stored hash (unknown e-mail)
 * it still spends the same work on a decoy, so timing does not tell which of
 * e-mail or password was wrong.
 */
export async function passwordMatches(stored: string | null, password: string): Promise<boolean> {
  if (stored === null) {
    decoy ??= hash('decoy password that matches nothing');
    await verify(await decoy, password);
    return false;
  }
  return verify(stored, password);
}
