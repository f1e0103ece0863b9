/**
 * Open sockets follow their credentials (api.md, "Identity"): a socket is
 * closed with 4403 when the API key or user it authenticated as is revoked (on
 * any instance), or when its session token expires; and nothing is delivered to
 * a subscription whose credentials are no longer valid.
 *
 * No polling per socket: revocations arrive in the event log's commit order on
 * the LISTEN connection each process already holds (event-hub.service.ts calls
 * `revoke`), and each session socket has one timer, at its token's `exp`.
 */
import type { Actor } from '../../shared/actor.js';

/** setTimeout's longest delay; longer waits are re-armed. */
const MAX_TIMER_MS = 2_147_483_647;

type CredentialKind = 'API_KEY' | 'USER';

interface Watched {
  actor: Actor;
  close: () => void;
  timer?: NodeJS.Timeout;
}

const credentialOf = (actor: Actor): string | null =>
  actor.kind === 'apiKey' ? `API_KEY:${actor.apiKeyId}` : actor.kind === 'user' ? `USER:${actor.userId}` : null;

export class CredentialWatch {
  /** Credentials revoked since this process started (revocations are rare: a small set). */
  private readonly revoked = new Set<string>();
  private readonly watched = new Map<string, Set<Watched>>();

  /** Closes `close`'s socket when `actor`'s credential is revoked or expires; returns the way to stop watching. */
  watch(actor: Actor, close: () => void): () => void {
    const credential = credentialOf(actor);
    if (credential === null) return () => undefined; // anonymous or the system: nothing to revoke
    const entry: Watched = { actor, close };
    let set = this.watched.get(credential);
    if (!set) this.watched.set(credential, (set = new Set()));
    set.add(entry);
    if (actor.kind === 'user' && actor.expiresAt) this.armExpiry(entry, actor.expiresAt);
    return () => {
      clearTimeout(entry.timer);
      set.delete(entry);
      if (set.size === 0 && this.watched.get(credential) === set) this.watched.delete(credential);
    };
  }

  /** Whether `actor`'s credential still holds: not revoked, not expired. */
  isValid(actor: Actor, now = Date.now()): boolean {
    const credential = credentialOf(actor);
    if (credential === null) return true;
    if (this.revoked.has(credential)) return false;
    return !(actor.kind === 'user' && actor.expiresAt && actor.expiresAt.getTime() <= now);
  }

  /** A credential was revoked (in log order): every socket holding it closes now. */
  revoke(kind: CredentialKind, subjectId: string): void {
    const credential = `${kind}:${subjectId}`;
    this.revoked.add(credential);
    for (const entry of this.watched.get(credential) ?? []) entry.close();
  }

  private armExpiry(entry: Watched, expiresAt: Date): void {
    const wait = expiresAt.getTime() - Date.now();
    if (wait <= 0) {
      entry.close();
      return;
    }
    entry.timer = setTimeout(
      () => {
        if (wait > MAX_TIMER_MS) this.armExpiry(entry, expiresAt);
        else entry.close();
      },
      Math.min(wait, MAX_TIMER_MS),
    );
    entry.timer.unref();
  }
}
