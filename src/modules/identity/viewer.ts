/** Who is calling: decided once per HTTP request or WebSocket connection by authenticate(). */
export type Viewer =
  { kind: 'anonymous' } | { kind: 'user'; userId: string; isAdmin: boolean } | { kind: 'apiKey'; apiKeyId: string; associationId: string };

export const ANONYMOUS: Viewer = { kind: 'anonymous' };
