/** The contract's enums, with its descriptions: they are the integrators' documentation. */

export enum AidCategory {
  POVERTY_RELIEF = 'POVERTY_RELIEF',
  EDUCATION = 'EDUCATION',
  MEDICAL = 'MEDICAL',
  DISABILITY = 'DISABILITY',
  SPECIAL_NEEDS = 'SPECIAL_NEEDS',
  CHILD_CARE = 'CHILD_CARE',
  SKILLS_TRAINING = 'SKILLS_TRAINING',
  COMMUNITY_SERVICE = 'COMMUNITY_SERVICE',
}

export enum RequestKind {
  MANPOWER = 'MANPOWER',
  PATIENT_GUARD = 'PATIENT_GUARD',
  FUNDRAISING = 'FUNDRAISING',
  TUTORING = 'TUTORING',
  TRAINING = 'TRAINING',
  SUPPLIES = 'SUPPLIES',
}

export enum CapacityUnit {
  PERSON = 'PERSON',
  YUAN = 'YUAN',
  ITEM = 'ITEM',
}

export enum Urgency {
  LOW = 'LOW',
  NORMAL = 'NORMAL',
  HIGH = 'HIGH',
  CRITICAL = 'CRITICAL',
}

export enum RequestStatus {
  OPEN = 'OPEN',
  FILLED = 'FILLED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
  EXPIRED = 'EXPIRED',
}

export enum ClaimStatus {
  ACTIVE = 'ACTIVE',
  WITHDRAWN = 'WITHDRAWN',
  DECLINED = 'DECLINED',
  FULFILLED = 'FULFILLED',
}

export enum MemberRole {
  OWNER = 'OWNER',
  COORDINATOR = 'COORDINATOR',
  MEMBER = 'MEMBER',
}

export enum RequestEventType {
  POSTED = 'POSTED',
  UPDATED = 'UPDATED',
  CLAIMED = 'CLAIMED',
  CLAIM_WITHDRAWN = 'CLAIM_WITHDRAWN',
  CLAIM_DECLINED = 'CLAIM_DECLINED',
  FILLED = 'FILLED',
  REOPENED = 'REOPENED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
  EXPIRED = 'EXPIRED',
  VOLUNTEER_ASSIGNED = 'VOLUNTEER_ASSIGNED',
  VOLUNTEER_UNASSIGNED = 'VOLUNTEER_UNASSIGNED',
  ATTENDANCE_RECORDED = 'ATTENDANCE_RECORDED',
  HANDOFF_OFFERED = 'HANDOFF_OFFERED',
  HANDOFF_ACCEPTED = 'HANDOFF_ACCEPTED',
  HANDOFF_DECLINED = 'HANDOFF_DECLINED',
  HANDOFF_LAPSED = 'HANDOFF_LAPSED',
}

/** The types every client knew before `RequestEventFilter.types`: what a filter without `types` delivers. */
export const ORIGINAL_EVENT_TYPES: readonly RequestEventType[] = [
  RequestEventType.POSTED,
  RequestEventType.UPDATED,
  RequestEventType.CLAIMED,
  RequestEventType.CLAIM_WITHDRAWN,
  RequestEventType.CLAIM_DECLINED,
  RequestEventType.FILLED,
  RequestEventType.REOPENED,
  RequestEventType.COMPLETED,
  RequestEventType.CANCELLED,
  RequestEventType.EXPIRED,
];

/**
 * Events about people, not the request: they do not increase its version, so
 * coordinators assigning volunteers all night never make an edit conflict.
 */
export const VERSIONLESS_EVENT_TYPES: ReadonlySet<RequestEventType> = new Set([
  RequestEventType.VOLUNTEER_ASSIGNED,
  RequestEventType.VOLUNTEER_UNASSIGNED,
  RequestEventType.ATTENDANCE_RECORDED,
]);

export enum ClaimHandOffStatus {
  OFFERED = 'OFFERED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  LAPSED = 'LAPSED',
  WITHDRAWN = 'WITHDRAWN',
}

export enum AssignmentStatus {
  ACTIVE = 'ACTIVE',
  ENDED = 'ENDED',
}

export enum HelpRequestOrder {
  NEWEST = 'NEWEST',
  URGENCY = 'URGENCY',
  STARTS_SOON = 'STARTS_SOON',
}
