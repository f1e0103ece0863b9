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
import type { Viewer } from './viewer.js';

/** setTimeout's longest delay; longer waits are re-armed. */
const MAX_TIMER_MS = 2_147_483_647;

type CredentialKind = 'API_KEY' | 'USER';

interface Watched {
  viewer: Viewer;
  close: () => void;
  timer?: NodeJS.Timeout;
}

const credentialOf = (viewer: Viewer): string | null =>
  viewer.kind === 'apiKey' ? `API_KEY:${viewer.apiKeyId}` : viewer.kind === 'user' ? `USER:${viewer.userId}` : null;

export class CredentialWatch {
  /** Credentials revoked since this process started (revocations are rare: a small set). */
  private readonly revoked = new Set<string>();
  private readonly watched = new Map<string, Set<Watched>>();

  /** Closes `close`'s socket when `viewer`'s credential is revoked or expires; returns the way to stop watching. */
  watch(viewer: Viewer, close: () => void): () => void {
    const credential = credentialOf(viewer);
    if (credential === null) return () => undefined; // anonymous: nothing to revoke
    const entry: Watched = { viewer, close };
    let set = this.watched.get(credential);
    if (!set) this.watched.set(credential, (set = new Set()));
    set.add(entry);
    if (viewer.kind === 'user' && viewer.expiresAt) this.armExpiry(entry, viewer.expiresAt);
    return () => {
      clearTimeout(entry.timer);
      set.delete(entry);
      if (set.size === 0 && this.watched.get(credential) === set) this.watched.delete(credential);
    };
  }

  /** Whether `viewer`'s credential still holds: not revoked, not expired. */
  isValid(viewer: Viewer, now = Date.now()): boolean {
    const credential = credentialOf(viewer);
    if (credential === null) return true;
    if (this.revoked.has(credential)) return false;
    return !(viewer.kind === 'user' && viewer.expiresAt && viewer.expiresAt.getTime() <= now);
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
