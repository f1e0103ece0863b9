/** Plain rows of the read side; property names match the entities'. */
import type { AidCategory, CapacityUnit, ClaimStatus, RequestKind, RequestStatus, Urgency } from '../../shared/enums.js';

export interface HelpRequestRow {
  id: string;
  requesterId: string;
  kind: RequestKind;
  category: AidCategory;
  unit: CapacityUnit;
  title: string;
  description: string;
  township: string | null;
  address: string | null;
  contact: string | null;
  urgency: Urgency;
  status: RequestStatus;
  startsAt: Date | null;
  endsAt: Date | null;
  capacity: number;
  claimed: number;
  activeClaims: number;
  postedAt: Date;
  filledAt: Date | null;
  closedAt: Date | null;
  beneficiaries: number | null;
  outcome: string | null;
  cancelReason: string | null;
  version: number;
}

export interface SlotRow {
  id: string;
  requestId: string;
  position: number;
  label: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  capacity: number;
  claimed: number;
}

export interface ClaimRow {
  id: string;
  slotId: string;
  requestId: string;
  associationId: string;
  quantity: number;
  status: ClaimStatus;
  note: string | null;
  claimedAt: Date;
  endedAt: Date | null;
  endReason: string | null;
}

export const REQUEST_COLUMNS = `h.id, h.requester_id AS "requesterId", h.kind, h.category, h.unit, h.title, h.description,
  h.township, h.address, h.contact, h.urgency, h.status, h.starts_at AS "startsAt", h.ends_at AS "endsAt",
  h.capacity, h.claimed, h.active_claims AS "activeClaims", h.posted_at AS "postedAt", h.filled_at AS "filledAt",
  h.closed_at AS "closedAt", h.beneficiaries, h.outcome, h.cancel_reason AS "cancelReason", h.version`;

export const SLOT_COLUMNS = `s.id, s.request_id AS "requestId", s.position, s.label, s.starts_at AS "startsAt", s.ends_at AS "endsAt",
  s.capacity, s.claimed`;

export const CLAIM_COLUMNS = `c.id, c.slot_id AS "slotId", c.request_id AS "requestId", c.association_id AS "associationId",
  c.quantity, c.status, c.note, c.claimed_at AS "claimedAt", c.ended_at AS "endedAt", c.end_reason AS "endReason"`;
