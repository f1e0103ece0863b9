import type { RequestEventType } from '../../shared/enums.js';

export interface RequestEventRow {
  /** bigint, as text. */
  position: string;
  type: RequestEventType;
  requestId: string;
  claimId: string | null;
  actorId: string | null;
  occurredAt: Date;
  kind: string;
  category: string;
  township: string | null;
  requesterId: string;
  involved: string[];
}

export const EVENT_COLUMNS = `e.position::text AS position, e.type, e.request_id AS "requestId", e.claim_id AS "claimId",
  e.actor_id AS "actorId", e.occurred_at AS "occurredAt", e.kind, e.category, e.township,
  e.requester_id AS "requesterId", e.involved::text[] AS involved`;
