/** Who is calling: decided once per HTTP request or WebSocket connection by authenticate(). */
export type Viewer =
  | { kind: 'anonymous' }
  /** `expiresAt`: the session token's expiry, when the viewer came from one (not for system actors). */
  | { kind: 'user'; userId: string; isAdmin: boolean; expiresAt?: Date }
  | { kind: 'apiKey'; apiKeyId: string; associationId: string };

export const ANONYMOUS: Viewer = { kind: 'anonymous' };
