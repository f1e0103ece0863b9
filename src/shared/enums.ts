/** The contract's enums, with its descriptions: they are the integrators' documentation. */
import { registerEnumType } from 'type-graphql';

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
registerEnumType(AidCategory, {
  name: 'AidCategory',
  description: 'What the aid is for. The first five are the categories county volunteer work reports on.',
  valuesConfig: {
    POVERTY_RELIEF: { description: '助困 poverty relief' },
    EDUCATION: { description: '助學 education aid' },
    MEDICAL: { description: '助醫 medical aid, incl. guarding critically ill patients' },
    DISABILITY: { description: '助殘 disability aid' },
    SPECIAL_NEEDS: { description: '助需 aid for other urgent needs' },
    CHILD_CARE: { description: '關愛兒童 care for children in difficulty and left-behind children' },
    SKILLS_TRAINING: { description: '技能培訓 skills training' },
    COMMUNITY_SERVICE: { description: '社區服務 community service, incl. give-back duty rosters' },
  },
});

export enum RequestKind {
  MANPOWER = 'MANPOWER',
  PATIENT_GUARD = 'PATIENT_GUARD',
  FUNDRAISING = 'FUNDRAISING',
  TUTORING = 'TUTORING',
  TRAINING = 'TRAINING',
  SUPPLIES = 'SUPPLIES',
}
registerEnumType(RequestKind, {
  name: 'RequestKind',
  description: "What kind of help is asked for; decides the unit of the request's slots.",
  valuesConfig: {
    MANPOWER: { description: 'Volunteers for an activity. Unit PERSON.' },
    PATIENT_GUARD: { description: 'Volunteers guarding a critically ill patient, usually in shifts. Unit PERSON.' },
    FUNDRAISING: { description: 'Money pledged toward a joint fundraising target. Unit YUAN.' },
    TUTORING: { description: 'Tutors for children. Unit PERSON.' },
    TRAINING: { description: 'A teacher or trainer for a course. Unit PERSON.' },
    SUPPLIES: { description: 'Goods or materials. Unit ITEM.' },
  },
});

export enum CapacityUnit {
  PERSON = 'PERSON',
  YUAN = 'YUAN',
  ITEM = 'ITEM',
}
registerEnumType(CapacityUnit, { name: 'CapacityUnit' });

export enum Urgency {
  LOW = 'LOW',
  NORMAL = 'NORMAL',
  HIGH = 'HIGH',
  CRITICAL = 'CRITICAL',
}
registerEnumType(Urgency, { name: 'Urgency' });

export enum RequestStatus {
  OPEN = 'OPEN',
  FILLED = 'FILLED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(RequestStatus, {
  name: 'RequestStatus',
  description:
    'OPEN: slots have room. FILLED: every slot is full (back to OPEN when a claim ends).\nCOMPLETED, CANCELLED, EXPIRED: closed for good.',
});

export enum ClaimStatus {
  ACTIVE = 'ACTIVE',
  WITHDRAWN = 'WITHDRAWN',
  DECLINED = 'DECLINED',
  FULFILLED = 'FULFILLED',
}
registerEnumType(ClaimStatus, {
  name: 'ClaimStatus',
  description: 'ACTIVE counts against capacity. WITHDRAWN by the claimant, DECLINED by the requester, FULFILLED at completion.',
});

export enum MemberRole {
  OWNER = 'OWNER',
  COORDINATOR = 'COORDINATOR',
  MEMBER = 'MEMBER',
}
registerEnumType(MemberRole, { name: 'MemberRole' });

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
registerEnumType(RequestEventType, {
  name: 'RequestEventType',
  description:
    'What happened. The first ten are the original types, the only ones delivered to a filter without `types`; the others are delivered only when asked for in `RequestEventFilter.types`.',
  valuesConfig: {
    VOLUNTEER_ASSIGNED: {
      description: "A volunteer was assigned to a place of a claim (`assignment`). Does not change the request's version.",
    },
    VOLUNTEER_UNASSIGNED: {
      description:
        "An assignment was ended by unassignVolunteer (`assignment`). Does not change the request's version. Assignments ended with their claim have no event of their own: the claim's event says it.",
    },
    ATTENDANCE_RECORDED: { description: 'Reserved for attendance records (not written yet).' },
    HANDOFF_OFFERED: { description: 'Reserved for claim hand-offs (not written yet).' },
    HANDOFF_ACCEPTED: { description: 'Reserved for claim hand-offs (not written yet).' },
    HANDOFF_DECLINED: { description: 'Reserved for claim hand-offs (not written yet).' },
    HANDOFF_LAPSED: { description: 'Reserved for claim hand-offs (not written yet).' },
  },
});

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

export enum AssignmentStatus {
  ACTIVE = 'ACTIVE',
  ENDED = 'ENDED',
}
registerEnumType(AssignmentStatus, {
  name: 'AssignmentStatus',
  description:
    "ACTIVE: the volunteer holds one of the claim's places on the shift. ENDED: unassigned, or its claim was withdrawn, declined or cancelled.",
});

export enum HelpRequestOrder {
  NEWEST = 'NEWEST',
  URGENCY = 'URGENCY',
  STARTS_SOON = 'STARTS_SOON',
}
registerEnumType(HelpRequestOrder, { name: 'HelpRequestOrder' });
