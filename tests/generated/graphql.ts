/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AddVolunteerInput = {
  associationId: string | number;
  /** 1-100 characters. */
  name: string;
  /** Up to 50 characters. */
  phone?: string | null | undefined;
  /** Invites the user who signed up with this e-mail address (NOT_FOUND if none) to be this volunteer. It links nobody: until the user accepts (acceptVolunteerInvitation), the volunteer is one without an account. A user is on a roster at most once, and invited to it at most once at a time (BAD_USER_INPUT). */
  userEmail?: string | null | undefined;
};

/** What the aid is for. The first five are the categories county volunteer work reports on. */
export type AidCategory =
  /** 關愛兒童 care for children in difficulty and left-behind children */
  | 'CHILD_CARE'
  /** 社區服務 community service, incl. give-back duty rosters */
  | 'COMMUNITY_SERVICE'
  /** 助殘 disability aid */
  | 'DISABILITY'
  /** 助學 education aid */
  | 'EDUCATION'
  /** 助醫 medical aid, incl. guarding critically ill patients */
  | 'MEDICAL'
  /** 助困 poverty relief */
  | 'POVERTY_RELIEF'
  /** 技能培訓 skills training */
  | 'SKILLS_TRAINING'
  /** 助需 aid for other urgent needs */
  | 'SPECIAL_NEEDS';

export type AssignVolunteersInput = {
  /** An ACTIVE claim on a timed slot of a request for people, of the caller's association. */
  claimId: string | number;
  /** 1 to 100 different volunteers of the claiming association's roster. */
  volunteerIds: Array<string | number>;
};

/** ACTIVE: the volunteer holds one of the claim's places on the shift. ENDED: unassigned, or its claim was withdrawn, declined or cancelled. */
export type AssignmentStatus =
  /** The volunteer holds one of the claim's places on the shift. */
  | 'ACTIVE'
  /** Unassigned (endReason the reason given), ended with its claim (CLAIM_ENDED), or ended by the completion of its request before its shift started (REQUEST_COMPLETED). */
  | 'ENDED';

export type AssociationFilter = {
  categories?: Array<AidCategory> | null | undefined;
  text?: string | null | undefined;
  townships?: Array<string> | null | undefined;
  verified?: boolean | null | undefined;
};

/** The unit of a request's slot capacities and claim quantities; decided by the request's kind. */
export type CapacityUnit =
  /** Goods or materials, counted in items: SUPPLIES. */
  | 'ITEM'
  /** People (volunteers): every kind except FUNDRAISING and SUPPLIES. */
  | 'PERSON'
  /** Chinese yuan (CNY) pledged: FUNDRAISING. */
  | 'YUAN';

/** Where a hand-off of a claim stands. */
export type ClaimHandOffStatus =
  /** The receiver holds the claim now (`newClaim`); the claim given is WITHDRAWN with endReason HANDED_OFF. */
  | 'ACCEPTED'
  /** The receiver declined (`reason`). */
  | 'DECLINED'
  /** Undecided when its slot started or its request was completed or cancelled. */
  | 'LAPSED'
  /** Waiting for the receiving association to accept or decline. */
  | 'OFFERED'
  /** Undecided when the claim offered ended (withdrawn by its holder or declined by the requester). */
  | 'WITHDRAWN';

export type ClaimInput = {
  /** The association claiming; never the requester itself. */
  associationId: string | number;
  /** A retry with the same key from the same association returns the first result and changes nothing. */
  idempotencyKey?: string | null | undefined;
  note?: string | null | undefined;
  quantity: number;
  slotId: string | number;
};

/** ACTIVE counts against capacity. WITHDRAWN by the claimant (or handed off to another association: endReason HANDED_OFF), DECLINED by the requester, FULFILLED at completion. */
export type ClaimStatus =
  /** Holds its quantity of the slot's capacity; the claimant may withdraw it, the requester decline it. */
  | 'ACTIVE'
  /** Ended by the requester (declineClaim, endReason its reason), or by the request being cancelled. */
  | 'DECLINED'
  /** The request was completed while the claim was ACTIVE: the help was given. Counts against capacity and in the stats. */
  | 'FULFILLED'
  /** Ended by the claimant (withdrawClaim, endReason its reason), or handed off to another association (endReason HANDED_OFF, handedTo its claim). */
  | 'WITHDRAWN';

export type CreateAssociationInput = {
  categories: Array<AidCategory>;
  description?: string | null | undefined;
  name: string;
  township?: string | null | undefined;
};

export type HelpRequestFilter = {
  categories?: Array<AidCategory> | null | undefined;
  kinds?: Array<RequestKind> | null | undefined;
  requesterId?: string | number | null | undefined;
  statuses?: Array<RequestStatus> | null | undefined;
  /** Case-insensitive match in title or description. */
  text?: string | null | undefined;
  townships?: Array<string> | null | undefined;
};

/** The order of Query.helpRequests. */
export type HelpRequestOrder =
  /** Most recently posted first (postedAt, then id, descending). The default. */
  | 'NEWEST'
  /** Earliest startsAt first, requests without a start last; then id. */
  | 'STARTS_SOON'
  /** CRITICAL, HIGH, NORMAL, LOW; within each, most recently posted first. */
  | 'URGENCY';

/** A member's role in an association: what they may do for it. */
export type MemberRole =
  /** Does its daily work: posts and manages its requests, claims, assigns volunteers, records attendance, adds members (not OWNERs). */
  | 'COORDINATOR'
  /** Belongs to it: sees its members and the contact of its requests, but acts for it in nothing. */
  | 'MEMBER'
  /** Runs the association: everything a COORDINATOR may do, plus adding OWNERs, creating and revoking API keys, and reading volunteers' service records. Its creator is its first OWNER. */
  | 'OWNER';

export type OfferClaimHandOffInput = {
  /** The ACTIVE claim to hand off, whole: the caller acts for its association. */
  claimId: string | number;
  /** A message to the receiver, up to 500 characters. */
  note?: string | null | undefined;
  /** The verified association offered it; neither the holder nor the requester. */
  toAssociationId: string | number;
};

export type PostHelpRequestInput = {
  /** Public: put private details (patient, ward, family) in contact, never here. */
  address?: string | null | undefined;
  /** The association posting; the caller must be its OWNER or COORDINATOR, or hold its API key. */
  associationId: string | number;
  category: AidCategory;
  contact?: string | null | undefined;
  description: string;
  endsAt?: string | null | undefined;
  /** A retry with the same key from the same association returns the first result and changes nothing. */
  idempotencyKey?: string | null | undefined;
  kind: RequestKind;
  /** Repeating shifts, expanded into dated slots appended after `slots` in date order. Not for FUNDRAISING (BAD_USER_INPUT). startsAt and endsAt default to the earliest and latest slot times, as for explicit slots. */
  recurrence?: RecurrenceInput | null | undefined;
  /** At least one slot; for FUNDRAISING exactly one, whose capacity is the target in yuan. May be empty when recurrence is given: its shifts follow these slots, and all together are 1-100. */
  slots: Array<SlotInput>;
  startsAt?: string | null | undefined;
  title: string;
  /** Defaults to the requester's township. */
  township?: string | null | undefined;
  urgency?: Urgency | null | undefined;
};

/** Either arrivedAt (and, when known, leftAt) or absent: true. Times lie within a window around the shift: an arrival no more than 12 hours before it starts and not after it ends, a departure no more than 12 hours after it ends; none in the future (5 minutes of clock skew allowed). */
export type RecordAttendanceInput = {
  /** True: the volunteer did not come (recorded once the shift has started; clears the times). Omitted, null or false: arrivedAt is required. */
  absent?: boolean | null | undefined;
  /** When the volunteer arrived. Required unless absent is true. */
  arrivedAt?: string | null | undefined;
  /** An ACTIVE assignment on a shift of a request of the caller's association. */
  assignmentId: string | number;
  /** When they left, not before arrivedAt. Omitted: the departure recorded before is kept; null: cleared (not left yet). */
  leftAt?: string | null | undefined;
};

/** How often a recurrence repeats (RFC 5545 FREQ). */
export type RecurrenceFrequency =
  /** Every `interval` days. */
  | 'DAILY'
  /** On the `weekdays` of every `interval`-th week; weeks start on Monday (RFC 5545 WKST=MO). */
  | 'WEEKLY';

/**
 * Shifts that repeat, with RFC 5545 (iCalendar RRULE) semantics, expanded into dated slots when the request is posted: each date the rule yields becomes one slot from `startTime` to `endTime`, local time in `timeZone`, labelled like `12月3日 周三 20:00-08:00`.
 *
 * Local times follow RFC 5545 section 3.3.5: a time the clocks skip (spring forward) is read with the UTC offset before the gap, so it moves forward by the gap (02:30 becomes 03:30); a time that occurs twice (fall back) is the first, earlier one.
 *
 * Bounds, checked before anything is expanded (BAD_USER_INPUT naming the field, e.g. `input.recurrence.count`; nothing written): exactly one of `count` and `until`; `count` 1-100; at most 366 days from `startDate` to the date of the last shift; explicit slots and shifts together at most 100.
 */
export type RecurrenceInput = {
  /** Each shift's capacity (places per shift), 1-1,000,000, in the request's unit. */
  capacity: number;
  /** RFC 5545 COUNT: how many shifts, 1-100. Exactly one of count and until. */
  count?: number | null | undefined;
  /** When each shift ends, local wall time in timeZone; not after startTime (e.g. 20:00 to 08:00, or equal for 24 hours) means the next day. */
  endTime: string;
  /** RFC 5545 FREQ: DAILY or WEEKLY. */
  frequency: RecurrenceFrequency;
  /** RFC 5545 INTERVAL: every `interval` days (DAILY) or weeks (WEEKLY), 1-52; null means 1. */
  interval?: number | null | undefined;
  /** Up to 100 characters put before each shift's label: `夜班` gives `夜班 12月3日 周三 20:00-08:00`. */
  label?: string | null | undefined;
  /** RFC 5545 DTSTART, a date: the first date considered, in timeZone. It is itself a shift only when it matches the rule (a WEEKLY rule's weekdays). */
  startDate: string;
  /** When each shift starts, local wall time in timeZone. */
  startTime: string;
  /** The IANA time zone of the dates and times, e.g. `Asia/Shanghai` (RFC 5545 TZID); an unknown zone is BAD_USER_INPUT. */
  timeZone: string;
  /** RFC 5545 UNTIL, a date: the last date a shift may start on, inclusive; not before startDate, at most 366 days after it. Exactly one of count and until. */
  until?: string | null | undefined;
  /** RFC 5545 BYDAY, WEEKLY only (with DAILY: BAD_USER_INPUT): the days of each week; defaults to startDate's weekday. Not empty; repeats count once. */
  weekdays?: Array<Weekday> | null | undefined;
};

export type RequestEventFilter = {
  categories?: Array<AidCategory> | null | undefined;
  /** Only events on requests this association posted, had claimed (any claim status) or had been offered a claim of (a hand-off, any status) at the time of the event. */
  involvingAssociationId?: string | number | null | undefined;
  kinds?: Array<RequestKind> | null | undefined;
  requestIds?: Array<string | number> | null | undefined;
  requesterIds?: Array<string | number> | null | undefined;
  townships?: Array<string> | null | undefined;
  /** Only events of these types (an empty list matches nothing). Absent or null: the original ten types, POSTED to EXPIRED, only, so a client written before the newer types (VOLUNTEER_ASSIGNED, ...) sees nothing new; name them to receive them. */
  types?: Array<RequestEventType> | null | undefined;
};

/** What happened. The first ten are the original types, the only ones delivered to a filter without `types`; the others are delivered only when asked for in `RequestEventFilter.types`. */
export type RequestEventType =
  /** The requesting association recorded or corrected a volunteer's attendance (`assignment`: arrivedAt, leftAt, absent, hoursServed). Does not change the request's version. */
  | 'ATTENDANCE_RECORDED'
  /** The requester cancelled the request; its ACTIVE claims became DECLINED. One event, whatever the claims. */
  | 'CANCELLED'
  /** An association claimed part of a slot (`claim`). */
  | 'CLAIMED'
  /** The requester declined a claim (`claim`). */
  | 'CLAIM_DECLINED'
  /** The claimant withdrew its claim (`claim`). */
  | 'CLAIM_WITHDRAWN'
  /** The requester completed the request (beneficiaries, outcome); its ACTIVE claims became FULFILLED. One event, whatever the claims. */
  | 'COMPLETED'
  /** The server closed the request: it was OPEN with no ACTIVE claim when its endsAt passed (actor null). */
  | 'EXPIRED'
  /** Every slot became full; follows the CLAIMED that caused it. */
  | 'FILLED'
  /** The receiver accepted (`handOff`, whose newClaim is its ACTIVE claim; `claim` is the claim given, now WITHDRAWN with endReason HANDED_OFF). The request's claimed, remaining and status do not change. */
  | 'HANDOFF_ACCEPTED'
  /** The receiver declined the offer (`handOff`, with its reason). */
  | 'HANDOFF_DECLINED'
  /** An offer ended undecided (`handOff`): its slot started, the request closed (after COMPLETED or CANCELLED: status LAPSED), or the claim offered ended (after CLAIM_WITHDRAWN or CLAIM_DECLINED: status WITHDRAWN). */
  | 'HANDOFF_LAPSED'
  /** A claim was offered to another association (`handOff`; `claim` is the claim offered). From this event on, that association is among the request's involved associations. */
  | 'HANDOFF_OFFERED'
  /** The request was posted (postHelpRequest). */
  | 'POSTED'
  /** A FILLED request has room again; follows the CLAIM_WITHDRAWN or CLAIM_DECLINED that caused it. */
  | 'REOPENED'
  /** Its title, description, township, address, contact, urgency or times changed (updateHelpRequest). */
  | 'UPDATED'
  /** A volunteer was assigned to a place of a claim (`assignment`). Does not change the request's version. */
  | 'VOLUNTEER_ASSIGNED'
  /** An assignment was ended by unassignVolunteer (`assignment`). Does not change the request's version. Assignments ended with their claim have no event of their own: the claim's event says it. */
  | 'VOLUNTEER_UNASSIGNED';

/** What kind of help is asked for; decides the unit of the request's slots. */
export type RequestKind =
  /** Money pledged toward a joint fundraising target. Unit YUAN. */
  | 'FUNDRAISING'
  /** Volunteers for an activity. Unit PERSON. */
  | 'MANPOWER'
  /** Volunteers guarding a critically ill patient, usually in shifts. Unit PERSON. */
  | 'PATIENT_GUARD'
  /** Goods or materials. Unit ITEM. */
  | 'SUPPLIES'
  /** A teacher or trainer for a course. Unit PERSON. */
  | 'TRAINING'
  /** Tutors for children. Unit PERSON. */
  | 'TUTORING';

/**
 * OPEN: slots have room. FILLED: every slot is full (back to OPEN when a claim ends).
 * COMPLETED, CANCELLED, EXPIRED: closed for good.
 */
export type RequestStatus =
  /** Closed by the requester as called off (cancelHelpRequest), with cancelReason; its ACTIVE claims became DECLINED. Final. */
  | 'CANCELLED'
  /** Closed by the requester as done (completeHelpRequest), with beneficiaries and outcome; its ACTIVE claims became FULFILLED. Final. */
  | 'COMPLETED'
  /** Closed by the server: it was OPEN with no ACTIVE claim when its endsAt passed. Final. */
  | 'EXPIRED'
  /** Every slot is full; back to OPEN (a REOPENED event) when a claim ends. Claims are refused (REQUEST_NOT_OPEN). */
  | 'FILLED'
  /** At least one slot has room: it can be claimed. */
  | 'OPEN';

export type SignUpInput = {
  displayName: string;
  email: string;
  password: string;
};

export type SlotInput = {
  capacity: number;
  endsAt?: string | null | undefined;
  label?: string | null | undefined;
  startsAt?: string | null | undefined;
};

export type StatsFilter = {
  /** Only requests this association posted or holds an ACTIVE or FULFILLED claim on. */
  associationId?: string | number | null | undefined;
  categories?: Array<AidCategory> | null | undefined;
  /** Start of the period [from, to): of the requests' postedAt for the request figures, of the shift's start for the volunteer figures. */
  from?: string | null | undefined;
  /** End of the period [from, to), excluded. */
  to?: string | null | undefined;
  townships?: Array<string> | null | undefined;
};

export type UpdateHelpRequestInput = {
  address?: string | null | undefined;
  contact?: string | null | undefined;
  description?: string | null | undefined;
  endsAt?: string | null | undefined;
  startsAt?: string | null | undefined;
  title?: string | null | undefined;
  township?: string | null | undefined;
  urgency?: Urgency | null | undefined;
};

/** How soon help is needed, as the requester judges it; the URGENCY order of helpRequests lists CRITICAL first. */
export type Urgency =
  /** Most pressing: someone's health or safety depends on a quick answer (a critically ill patient without a guard tonight). */
  | 'CRITICAL'
  /** Pressing: the requester needs answers soon. */
  | 'HIGH'
  /** Not pressing: helpers may take their time. */
  | 'LOW'
  /** The usual case; the default when posting. */
  | 'NORMAL';

/** A day of the week, with the RFC 5545 BYDAY codes. */
export type Weekday =
  /** Friday 周五 */
  | 'FR'
  /** Monday 周一 */
  | 'MO'
  /** Saturday 周六 */
  | 'SA'
  /** Sunday 周日 */
  | 'SU'
  /** Thursday 周四 */
  | 'TH'
  /** Tuesday 周二 */
  | 'TU'
  /** Wednesday 周三 */
  | 'WE';

export type IssueApiKeyMutationVariables = Exact<{
  associationId: string | number;
  name: string;
}>;


export type IssueApiKeyMutation = { createApiKey: { secret: string, apiKey: { id: string, name: string } } };

export type CurrentApiKeyQueryVariables = Exact<{ [key: string]: never; }>;


export type CurrentApiKeyQuery = { currentApiKey: { id: string, name: string, association: { id: string, name: string } } | null };

export type AssociationsQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type AssociationsQuery = { associations: { totalCount: number, edges: Array<{ node: { name: string, township: string | null, verified: boolean } }> } };

export type ClaimMutationVariables = Exact<{
  input: ClaimInput;
}>;


export type ClaimMutation = { claim: { id: string, status: ClaimStatus, quantity: number } };

export type WithdrawMutationVariables = Exact<{
  id: string | number;
  reason?: string | null | undefined;
}>;


export type WithdrawMutation = { withdrawClaim: { id: string, status: ClaimStatus, endReason: string | null } };

export type RequestEventsHeadQueryVariables = Exact<{ [key: string]: never; }>;


export type RequestEventsHeadQuery = { requestEventsHead: string | null };

export type OpenHelpRequestsQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type OpenHelpRequestsQuery = { helpRequests: { edges: Array<{ node: { id: string, title: string, remaining: number, unit: CapacityUnit } }> } };

export type LiveRequestEventsSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type LiveRequestEventsSubscription = { requestEvents: { cursor: string, type: RequestEventType, occurredAt: string, request: { id: string, title: string, status: RequestStatus, remaining: number } } };

export type OpenRequestsQueryVariables = Exact<{
  filter: HelpRequestFilter;
}>;


export type OpenRequestsQuery = { helpRequests: { totalCount: number, edges: Array<{ node: { id: string, title: string, remaining: number, unit: CapacityUnit, requester: { name: string } } }> } };

export type RequestFeedSubscriptionVariables = Exact<{
  after?: string | null | undefined;
  filter?: RequestEventFilter | null | undefined;
}>;


export type RequestFeedSubscription = { requestEvents: { cursor: string, type: RequestEventType, occurredAt: string, actor: { name: string } | null, claim: { quantity: number, association: { name: string }, slot: { label: string | null } } | null, request: { id: string, title: string, status: RequestStatus, remaining: number, requester: { id: string, name: string } } } };

export type PostRotaMutationVariables = Exact<{
  input: PostHelpRequestInput;
}>;


export type PostRotaMutation = { postHelpRequest: { id: string, title: string, status: RequestStatus, capacity: number, slots: Array<{ id: string, label: string | null, startsAt: string | null, endsAt: string | null, capacity: number }> } };

export type RotaQueryVariables = Exact<{
  id: string | number;
}>;


export type RotaQuery = { helpRequest: { id: string, title: string, status: RequestStatus, capacity: number, remaining: number, requester: { id: string, name: string }, slots: Array<{ id: string, label: string | null, startsAt: string | null, endsAt: string | null, capacity: number, remaining: number, claims: Array<{ id: string, quantity: number, association: { id: string, name: string }, assignments: Array<{ id: string, arrivedAt: string | null, leftAt: string | null, absent: boolean, hoursServed: number | null, volunteer: { name: string | null } }> }> }> } | null };

export type SignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SignUpMutation = { signUp: { token: string, user: { id: string, email: string | null } } };

export type LogInMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type LogInMutation = { logIn: { token: string } };

export type MyAssociationsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyAssociationsQuery = { viewer: { displayName: string, memberships: Array<{ role: MemberRole, association: { id: string, name: string } }> } | null };

export type CountyStatsQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type CountyStatsQuery = { stats: { requestsPosted: number, requestsFilled: number, requestsCompleted: number, fillRate: number, medianTimeToFillSeconds: number | null, volunteersCommitted: number, amountPledged: number, beneficiaries: number, activeAssociations: number, volunteerHours: number, volunteersServed: number, noShowRate: number | null, byCategory: Array<{ category: AidCategory, requestsPosted: number, requestsCompleted: number, beneficiaries: number, volunteerHours: number }>, byTownship: Array<{ township: string, requestsPosted: number, requestsCompleted: number, beneficiaries: number, volunteerHours: number }>, topHelpers: Array<{ claimsMade: number, volunteersCommitted: number, amountPledged: number, association: { name: string } }> } };

export type AssociationRosterQueryVariables = Exact<{
  id: string | number;
  after?: string | null | undefined;
}>;


export type AssociationRosterQuery = { association: { volunteers: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string | null } }> } } | null };

export type AddToRosterMutationVariables = Exact<{
  input: AddVolunteerInput;
}>;


export type AddToRosterMutation = { addVolunteer: { id: string, name: string | null } };

export type AssignToShiftMutationVariables = Exact<{
  input: AssignVolunteersInput;
}>;


export type AssignToShiftMutation = { assignVolunteers: Array<{ id: string, volunteer: { name: string | null } }> };

export type RecordShiftAttendanceMutationVariables = Exact<{
  input: RecordAttendanceInput;
}>;


export type RecordShiftAttendanceMutation = { recordAttendance: { id: string, arrivedAt: string | null, leftAt: string | null, absent: boolean, hoursServed: number | null, volunteer: { name: string | null } } };

export type AssociationWithMembersAndKeysQueryVariables = Exact<{
  id: string | number;
}>;


export type AssociationWithMembersAndKeysQuery = { association: { id: string, name: string, verified: boolean, members: Array<{ role: MemberRole, user: { id: string, displayName: string } }>, apiKeys: Array<{ id: string, name: string, revokedAt: string | null }> } | null };

export type AssociationIdQueryVariables = Exact<{
  id: string | number;
}>;


export type AssociationIdQuery = { association: { id: string } | null };

export type AssociationPageQueryVariables = Exact<{
  filter?: AssociationFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AssociationPageQuery = { associations: { totalCount: number, edges: Array<{ cursor: string, node: { name: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ViewerAndCurrentApiKeyQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerAndCurrentApiKeyQuery = { viewer: { id: string } | null, currentApiKey: { id: string, name: string, association: { id: string } } | null };

export type CurrentApiKeyIdQueryVariables = Exact<{ [key: string]: never; }>;


export type CurrentApiKeyIdQuery = { currentApiKey: { id: string } | null };

export type ApiKeyNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type ApiKeyNodeQuery = { node:
    | { name: string, id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null };

export type RevokeApiKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeApiKeyMutation = { revokeApiKey: { id: string, revokedAt: string | null } };

export type AttendanceFieldsFragment = { id: string, status: AssignmentStatus, arrivedAt: string | null, leftAt: string | null, absent: boolean, hoursServed: number | null, slot: { startsAt: string | null, endsAt: string | null } };

export type ServiceRecordFieldsFragment = { totalHours: number, shiftsServed: number, absences: number, shifts: Array<{ requestTitle: string, startsAt: string, endsAt: string, hoursServed: number | null, requester: { id: string, name: string }, assignment: { id: string, arrivedAt: string | null, leftAt: string | null, absent: boolean, hoursServed: number | null, volunteer: { id: string, name: string | null } } }> };

export type RecordAttendanceMutationVariables = Exact<{
  input: RecordAttendanceInput;
}>;


export type RecordAttendanceMutation = { recordAttendance: { id: string, status: AssignmentStatus, arrivedAt: string | null, leftAt: string | null, absent: boolean, hoursServed: number | null, slot: { startsAt: string | null, endsAt: string | null } } };

export type AssignmentAttendanceQueryVariables = Exact<{
  id: string | number;
}>;


export type AssignmentAttendanceQuery = { node:
    | { __typename: 'ApiKey' }
    | { __typename: 'Assignment', id: string, status: AssignmentStatus, arrivedAt: string | null, leftAt: string | null, absent: boolean, hoursServed: number | null, slot: { startsAt: string | null, endsAt: string | null } }
    | { __typename: 'Association' }
    | { __typename: 'Claim' }
    | { __typename: 'ClaimHandOff' }
    | { __typename: 'HelpRequest' }
    | { __typename: 'Slot' }
    | { __typename: 'User' }
    | { __typename: 'Volunteer' }
   | null };

export type MyServiceRecordQueryVariables = Exact<{ [key: string]: never; }>;


export type MyServiceRecordQuery = { viewer: { serviceRecord: { totalHours: number, shiftsServed: number, absences: number, shifts: Array<{ requestTitle: string, startsAt: string, endsAt: string, hoursServed: number | null, requester: { id: string, name: string }, assignment: { id: string, arrivedAt: string | null, leftAt: string | null, absent: boolean, hoursServed: number | null, volunteer: { id: string, name: string | null } } }> } | null } | null };

export type UserServiceRecordQueryVariables = Exact<{
  id: string | number;
}>;


export type UserServiceRecordQuery = { node:
    | { __typename: 'ApiKey' }
    | { __typename: 'Assignment' }
    | { __typename: 'Association' }
    | { __typename: 'Claim' }
    | { __typename: 'ClaimHandOff' }
    | { __typename: 'HelpRequest' }
    | { __typename: 'Slot' }
    | { __typename: 'User', serviceRecord: { totalHours: number, shiftsServed: number, absences: number, shifts: Array<{ requestTitle: string, startsAt: string, endsAt: string, hoursServed: number | null, requester: { id: string, name: string }, assignment: { id: string, arrivedAt: string | null, leftAt: string | null, absent: boolean, hoursServed: number | null, volunteer: { id: string, name: string | null } } }> } | null }
    | { __typename: 'Volunteer' }
   | null };

export type VolunteerServiceRecordQueryVariables = Exact<{
  id: string | number;
}>;


export type VolunteerServiceRecordQuery = { node:
    | { __typename: 'ApiKey' }
    | { __typename: 'Assignment' }
    | { __typename: 'Association' }
    | { __typename: 'Claim' }
    | { __typename: 'ClaimHandOff' }
    | { __typename: 'HelpRequest' }
    | { __typename: 'Slot' }
    | { __typename: 'User' }
    | { __typename: 'Volunteer', serviceRecord: { totalHours: number, shiftsServed: number, absences: number, shifts: Array<{ requestTitle: string, startsAt: string, endsAt: string, hoursServed: number | null, requester: { id: string, name: string }, assignment: { id: string, arrivedAt: string | null, leftAt: string | null, absent: boolean, hoursServed: number | null, volunteer: { id: string, name: string | null } } }> } | null }
   | null };

export type AttendanceEventsQueryVariables = Exact<{
  filter?: RequestEventFilter | null | undefined;
}>;


export type AttendanceEventsQuery = { requestEvents: { edges: Array<{ node: { type: RequestEventType, claim: { id: string } | null, actor: { id: string } | null, assignment: { id: string, hoursServed: number | null } | null, request: { version: number } } }> } };

export type RosterServiceRecordsQueryVariables = Exact<{
  associationId: string | number;
  n?: number | null | undefined;
}>;


export type RosterServiceRecordsQuery = { association: { volunteers: { edges: Array<{ node: { id: string, serviceRecord: { totalHours: number, shiftsServed: number, absences: number, shifts: Array<{ requestTitle: string, startsAt: string, endsAt: string, hoursServed: number | null, requester: { id: string, name: string }, assignment: { id: string, arrivedAt: string | null, leftAt: string | null, absent: boolean, hoursServed: number | null, volunteer: { id: string, name: string | null } } }> } | null } }> } } | null };

export type WithdrawClaimWithReasonMutationVariables = Exact<{
  id: string | number;
  reason?: string | null | undefined;
}>;


export type WithdrawClaimWithReasonMutation = { withdrawClaim: { id: string, status: ClaimStatus, endReason: string | null, endedAt: string | null, request: { status: RequestStatus, filledAt: string | null, claimed: number } } };

export type DeclineClaimWithReasonMutationVariables = Exact<{
  id: string | number;
  reason?: string | null | undefined;
}>;


export type DeclineClaimWithReasonMutation = { declineClaim: { status: ClaimStatus, endReason: string | null } };

export type ClaimOutcomeQueryVariables = Exact<{
  id: string | number;
}>;


export type ClaimOutcomeQuery = { node:
    | { status: ClaimStatus, endReason: string | null, slot: { claimed: number } }
    | Record<PropertyKey, never>
   | null };

export type RequestContactQueryVariables = Exact<{
  id: string | number;
}>;


export type RequestContactQuery = { helpRequest: { contact: string | null } | null };

export type ClaimListsQueryVariables = Exact<{
  associationId: string | number;
  requestId: string | number;
}>;


export type ClaimListsQuery = { association: { claims: { totalCount: number, edges: Array<{ node: { id: string } }>, pageInfo: { hasNextPage: boolean } }, active: { totalCount: number } } | null, helpRequest: { claims: Array<{ id: string }>, withdrawn: Array<{ id: string }>, slots: Array<{ claims: Array<{ id: string }> }> } | null };

export type AssociationCountQueryVariables = Exact<{ [key: string]: never; }>;


export type AssociationCountQuery = { associations: { totalCount: number } };

export type AssociationDirectoryQueryVariables = Exact<{ [key: string]: never; }>;


export type AssociationDirectoryQuery = { associations: { totalCount: number, edges: Array<{ node: { name: string, township: string | null, verified: boolean } }> } };

export type ViewerMembershipsQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerMembershipsQuery = { viewer: { displayName: string, memberships: Array<{ role: MemberRole, association: { name: string } }> } | null };

export type DemoYearStatsQueryVariables = Exact<{
  filter?: StatsFilter | null | undefined;
}>;


export type DemoYearStatsQuery = { stats: { requestsPosted: number, requestsFilled: number, requestsCompleted: number, medianTimeToFillSeconds: number | null, volunteersCommitted: number, amountPledged: number, beneficiaries: number, activeAssociations: number, volunteerHours: number, volunteersServed: number, noShowRate: number | null, byCategory: Array<{ category: AidCategory, requestsPosted: number, requestsCompleted: number }>, byTownship: Array<{ township: string, requestsPosted: number }>, byMonth: Array<{ month: string, requestsPosted: number, requestsCompleted: number, volunteerHours: number }>, collaborations: Array<{ claims: number, helper: { name: string }, helped: { name: string } }> } };

export type DemoRequestCountQueryVariables = Exact<{
  filter?: HelpRequestFilter | null | undefined;
}>;


export type DemoRequestCountQuery = { helpRequests: { totalCount: number } };

export type DemoOpenRequestsQueryVariables = Exact<{ [key: string]: never; }>;


export type DemoOpenRequestsQuery = { helpRequests: { edges: Array<{ node: { title: string, startsAt: string | null, slots: Array<{ remaining: number }> } }> } };

export type DemoFirstEventsQueryVariables = Exact<{ [key: string]: never; }>;


export type DemoFirstEventsQuery = { requestEvents: { edges: Array<{ node: { type: RequestEventType, occurredAt: string, request: { postedAt: string } } }> } };

export type HandOffFieldsFragment = { id: string, status: ClaimHandOffStatus, note: string | null, reason: string | null, offeredAt: string, lapsesAt: string | null, decidedAt: string | null, from: { id: string }, to: { id: string }, claim: { id: string, status: ClaimStatus, quantity: number, endReason: string | null, endedAt: string | null, assigned: number, handedTo: { id: string } | null, association: { id: string } }, newClaim: { id: string, status: ClaimStatus, quantity: number, association: { id: string }, slot: { id: string } } | null };

export type OfferClaimHandOffMutationVariables = Exact<{
  input: OfferClaimHandOffInput;
}>;


export type OfferClaimHandOffMutation = { offerClaimHandOff: { id: string, status: ClaimHandOffStatus, note: string | null, reason: string | null, offeredAt: string, lapsesAt: string | null, decidedAt: string | null, from: { id: string }, to: { id: string }, claim: { id: string, status: ClaimStatus, quantity: number, endReason: string | null, endedAt: string | null, assigned: number, handedTo: { id: string } | null, association: { id: string } }, newClaim: { id: string, status: ClaimStatus, quantity: number, association: { id: string }, slot: { id: string } } | null } };

export type AcceptClaimHandOffMutationVariables = Exact<{
  id: string | number;
}>;


export type AcceptClaimHandOffMutation = { acceptClaimHandOff: { id: string, status: ClaimHandOffStatus, note: string | null, reason: string | null, offeredAt: string, lapsesAt: string | null, decidedAt: string | null, claim: { id: string, status: ClaimStatus, quantity: number, endReason: string | null, endedAt: string | null, assigned: number, request: { status: RequestStatus, claimed: number, remaining: number, version: number }, handedTo: { id: string } | null, association: { id: string } }, from: { id: string }, to: { id: string }, newClaim: { id: string, status: ClaimStatus, quantity: number, association: { id: string }, slot: { id: string } } | null } };

export type DeclineClaimHandOffMutationVariables = Exact<{
  id: string | number;
  reason?: string | null | undefined;
}>;


export type DeclineClaimHandOffMutation = { declineClaimHandOff: { id: string, status: ClaimHandOffStatus, note: string | null, reason: string | null, offeredAt: string, lapsesAt: string | null, decidedAt: string | null, from: { id: string }, to: { id: string }, claim: { id: string, status: ClaimStatus, quantity: number, endReason: string | null, endedAt: string | null, assigned: number, handedTo: { id: string } | null, association: { id: string } }, newClaim: { id: string, status: ClaimStatus, quantity: number, association: { id: string }, slot: { id: string } } | null } };

export type HandOffNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type HandOffNodeQuery = { node:
    | { __typename: 'ApiKey' }
    | { __typename: 'Assignment' }
    | { __typename: 'Association' }
    | { __typename: 'Claim' }
    | { __typename: 'ClaimHandOff', id: string, status: ClaimHandOffStatus, note: string | null, reason: string | null, offeredAt: string, lapsesAt: string | null, decidedAt: string | null, from: { id: string }, to: { id: string }, claim: { id: string, status: ClaimStatus, quantity: number, endReason: string | null, endedAt: string | null, assigned: number, handedTo: { id: string } | null, association: { id: string } }, newClaim: { id: string, status: ClaimStatus, quantity: number, association: { id: string }, slot: { id: string } } | null }
    | { __typename: 'HelpRequest' }
    | { __typename: 'Slot' }
    | { __typename: 'User' }
    | { __typename: 'Volunteer' }
   | null };

export type ClaimHandOffsQueryVariables = Exact<{
  id: string | number;
}>;


export type ClaimHandOffsQuery = { node:
    | { __typename: 'ApiKey' }
    | { __typename: 'Assignment' }
    | { __typename: 'Association' }
    | { __typename: 'Claim', handOffs: Array<{ id: string, status: ClaimHandOffStatus }> }
    | { __typename: 'ClaimHandOff' }
    | { __typename: 'HelpRequest' }
    | { __typename: 'Slot' }
    | { __typename: 'User' }
    | { __typename: 'Volunteer' }
   | null };

export type HandOffTotalsQueryVariables = Exact<{
  id: string | number;
}>;


export type HandOffTotalsQuery = { helpRequest: { status: RequestStatus, claimed: number, remaining: number, version: number, slots: Array<{ id: string, claimed: number, remaining: number }>, claims: Array<{ id: string, status: ClaimStatus, quantity: number, endReason: string | null, association: { id: string }, handedTo: { id: string } | null, handOffs: Array<{ id: string, status: ClaimHandOffStatus }> }> } | null };

export type AssociationHandOffsQueryVariables = Exact<{
  id: string | number;
  status?: ClaimHandOffStatus | null | undefined;
  first?: number | null | undefined;
  offeredAfter?: string | null | undefined;
  receivedAfter?: string | null | undefined;
}>;


export type AssociationHandOffsQuery = { association: { handOffsOffered: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, status: ClaimHandOffStatus } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, handOffsReceived: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, status: ClaimHandOffStatus, claim: { request: { title: string, contact: string | null } } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type HandOffEventsQueryVariables = Exact<{
  filter?: RequestEventFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type HandOffEventsQuery = { requestEvents: { edges: Array<{ node: { type: RequestEventType, claim: { id: string } | null, handOff: { id: string, status: ClaimHandOffStatus } | null, actor: { id: string } | null } }> } };

export type HandOffFeedSubscriptionVariables = Exact<{
  filter?: RequestEventFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type HandOffFeedSubscription = { requestEvents: { cursor: string, type: RequestEventType, handOff: { id: string, status: ClaimHandOffStatus } | null, request: { id: string, contact: string | null } } };

export type HelpRequestStateQueryVariables = Exact<{
  id: string | number;
}>;


export type HelpRequestStateQuery = { helpRequest: { id: string, title: string, description: string, township: string | null, address: string | null, contact: string | null, urgency: Urgency, startsAt: string | null, endsAt: string | null, status: RequestStatus, version: number } | null };

export type HelpRequestCountByRequesterQueryVariables = Exact<{
  requesterId?: string | number | null | undefined;
}>;


export type HelpRequestCountByRequesterQuery = { helpRequests: { totalCount: number } };

export type HelpRequestSlotLabelsQueryVariables = Exact<{
  id: string | number;
}>;


export type HelpRequestSlotLabelsQuery = { helpRequest: { slots: Array<{ id: string, label: string | null }> } | null };

export type HelpRequestSlotCapacitiesQueryVariables = Exact<{
  id: string | number;
}>;


export type HelpRequestSlotCapacitiesQuery = { helpRequest: { slots: Array<{ capacity: number }> } | null };

export type HelpRequestClosureQueryVariables = Exact<{
  id: string | number;
}>;


export type HelpRequestClosureQuery = { helpRequest: { closedAt: string | null, cancelReason: string | null } | null };

export type HelpRequestResultQueryVariables = Exact<{
  id: string | number;
}>;


export type HelpRequestResultQuery = { helpRequest: { beneficiaries: number | null, outcome: string | null, cancelReason: string | null } | null };

export type HelpRequestContactQueryVariables = Exact<{
  id: string | number;
}>;


export type HelpRequestContactQuery = { helpRequest: { contact: string | null, address: string | null } | null };

export type HelpRequestContactsByRequesterQueryVariables = Exact<{
  requesterId?: string | number | null | undefined;
}>;


export type HelpRequestContactsByRequesterQuery = { helpRequests: { edges: Array<{ node: { id: string, contact: string | null } }> } };

export type AssociationRequestContactsQueryVariables = Exact<{
  id: string | number;
}>;


export type AssociationRequestContactsQuery = { node:
    | { __typename: 'ApiKey' }
    | { __typename: 'Assignment' }
    | { __typename: 'Association', helpRequests: { edges: Array<{ node: { id: string, phone: string | null } }> } }
    | { __typename: 'Claim' }
    | { __typename: 'ClaimHandOff' }
    | { __typename: 'HelpRequest' }
    | { __typename: 'Slot' }
    | { __typename: 'User' }
    | { __typename: 'Volunteer' }
   | null };

export type ContactOnlyFragment = { id: string, phone: string | null };

export type HelpRequestOrSlotNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type HelpRequestOrSlotNodeQuery = { node:
    | { __typename: 'ApiKey', id: string }
    | { __typename: 'Assignment', id: string }
    | { __typename: 'Association', id: string }
    | { __typename: 'Claim', id: string }
    | { __typename: 'ClaimHandOff', id: string }
    | { __typename: 'HelpRequest', title: string, id: string, requester: { id: string } }
    | { __typename: 'Slot', label: string | null, capacity: number, id: string, request: { id: string } }
    | { __typename: 'User', id: string }
    | { __typename: 'Volunteer', id: string }
   | null };

export type HelpRequestIdLookupQueryVariables = Exact<{
  id: string | number;
}>;


export type HelpRequestIdLookupQuery = { helpRequest: { id: string } | null };

export type ContactThroughSlotsQueryVariables = Exact<{
  requesterId?: string | number | null | undefined;
}>;


export type ContactThroughSlotsQuery = { helpRequests: { edges: Array<{ node: { id: string, title: string, slots: Array<{ request: { id: string, contact: string | null } }> } }> } };

export type HelpRequestListPageQueryVariables = Exact<{
  filter?: HelpRequestFilter | null | undefined;
  orderBy?: HelpRequestOrder | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type HelpRequestListPageQuery = { helpRequests: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, title: string, urgency: Urgency, startsAt: string | null, postedAt: string, status: RequestStatus } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type HelpRequestIdsInTownshipQueryVariables = Exact<{
  township: string;
}>;


export type HelpRequestIdsInTownshipQuery = { helpRequests: { edges: Array<{ node: { id: string } }> } };

export type HelpRequestIdsInTownshipFirstNullQueryVariables = Exact<{
  township: string;
}>;


export type HelpRequestIdsInTownshipFirstNullQuery = { helpRequests: { edges: Array<{ node: { id: string } }> } };

export type AssociationsHelpRequestsInTownshipQueryVariables = Exact<{
  township: string;
}>;


export type AssociationsHelpRequestsInTownshipQuery = { associations: { edges: Array<{ node: { id: string, helpRequests: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, title: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, cancelled: { totalCount: number, edges: Array<{ node: { title: string } }> }, open: { totalCount: number, edges: Array<{ node: { title: string } }>, pageInfo: { hasNextPage: boolean } } } }> } };

export type AssociationHelpRequestPageQueryVariables = Exact<{
  id: string | number;
  status?: RequestStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AssociationHelpRequestPageQuery = { association: { helpRequests: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, title: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type RequestFieldsFragment = { id: string, kind: RequestKind, category: AidCategory, unit: CapacityUnit, title: string, description: string, township: string | null, address: string | null, contact: string | null, urgency: Urgency, status: RequestStatus, capacity: number, claimed: number, remaining: number, startsAt: string | null, endsAt: string | null, postedAt: string, filledAt: string | null, closedAt: string | null, beneficiaries: number | null, outcome: string | null, cancelReason: string | null, version: number, requester: { id: string }, slots: Array<{ id: string, label: string | null, startsAt: string | null, endsAt: string | null, capacity: number, claimed: number, remaining: number }> };

export type PostHelpRequestMutationVariables = Exact<{
  input: PostHelpRequestInput;
}>;


export type PostHelpRequestMutation = { postHelpRequest: { id: string, kind: RequestKind, category: AidCategory, unit: CapacityUnit, title: string, description: string, township: string | null, address: string | null, contact: string | null, urgency: Urgency, status: RequestStatus, capacity: number, claimed: number, remaining: number, startsAt: string | null, endsAt: string | null, postedAt: string, filledAt: string | null, closedAt: string | null, beneficiaries: number | null, outcome: string | null, cancelReason: string | null, version: number, requester: { id: string }, slots: Array<{ id: string, label: string | null, startsAt: string | null, endsAt: string | null, capacity: number, claimed: number, remaining: number }> } };

export type UpdateHelpRequestMutationVariables = Exact<{
  id: string | number;
  expectedVersion: number;
  input: UpdateHelpRequestInput;
}>;


export type UpdateHelpRequestMutation = { updateHelpRequest: { id: string, title: string, description: string, township: string | null, address: string | null, contact: string | null, urgency: Urgency, startsAt: string | null, endsAt: string | null, status: RequestStatus, version: number } };

export type CancelHelpRequestMutationVariables = Exact<{
  id: string | number;
  reason?: string | null | undefined;
}>;


export type CancelHelpRequestMutation = { cancelHelpRequest: { id: string, status: RequestStatus, closedAt: string | null, cancelReason: string | null, version: number, postedAt: string } };

export type CompleteHelpRequestMutationVariables = Exact<{
  id: string | number;
  beneficiaries: number;
  outcome?: string | null | undefined;
}>;


export type CompleteHelpRequestMutation = { completeHelpRequest: { id: string, status: RequestStatus, closedAt: string | null, beneficiaries: number | null, outcome: string | null, version: number, postedAt: string } };

export type HelpRequestsByFilterQueryVariables = Exact<{
  filter?: HelpRequestFilter | null | undefined;
}>;


export type HelpRequestsByFilterQuery = { helpRequests: { totalCount: number } };

export type HelpRequestTotalQueryVariables = Exact<{ [key: string]: never; }>;


export type HelpRequestTotalQuery = { helpRequests: { totalCount: number } };

export type RequestEventsInTownshipsSubscriptionVariables = Exact<{
  townships?: Array<string> | string | null | undefined;
}>;


export type RequestEventsInTownshipsSubscription = { requestEvents: { cursor: string } };

export type HelpRequestPageAfterQueryVariables = Exact<{
  after?: string | null | undefined;
  orderBy?: HelpRequestOrder | null | undefined;
}>;


export type HelpRequestPageAfterQuery = { helpRequests: { pageInfo: { endCursor: string | null } } };

export type AssociationPageAfterQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type AssociationPageAfterQuery = { associations: { pageInfo: { endCursor: string | null } } };

export type RequestEventsAfterQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type RequestEventsAfterQuery = { requestEvents: { edges: Array<{ cursor: string }> } };

export type CreateAssociationMutationVariables = Exact<{
  input: CreateAssociationInput;
}>;


export type CreateAssociationMutation = { createAssociation: { id: string } };

export type VerifyAssociationMutationVariables = Exact<{
  id: string | number;
}>;


export type VerifyAssociationMutation = { verifyAssociation: { verified: boolean } };

export type AddMemberMutationVariables = Exact<{
  associationId: string | number;
  email: string;
  role: MemberRole;
}>;


export type AddMemberMutation = { addMember: { role: MemberRole, user: { id: string } } };

export type CreateApiKeyMutationVariables = Exact<{
  associationId: string | number;
  name: string;
}>;


export type CreateApiKeyMutation = { createApiKey: { secret: string, apiKey: { id: string } } };

export type NestedAssociationsQueryVariables = Exact<{
  n?: number | null | undefined;
}>;


export type NestedAssociationsQuery = { associations: { edges: Array<{ node: { name: string, helpRequests: { edges: Array<{ node: { title: string, slots: Array<{ claims: Array<{ association: { name: string } }> }> } }> } } }> } };

export type NestedTotalCountsQueryVariables = Exact<{
  n?: number | null | undefined;
}>;


export type NestedTotalCountsQuery = { associations: { totalCount: number, edges: Array<{ node: { helpRequests: { totalCount: number }, claims: { totalCount: number } } }> } };

export type NestedHelpRequestsQueryVariables = Exact<{
  n?: number | null | undefined;
}>;


export type NestedHelpRequestsQuery = { helpRequests: { edges: Array<{ node: { requester: { name: string }, slots: Array<{ claims: Array<{ association: { name: string } }> }>, claims: Array<{ association: { name: string }, slot: { label: string | null }, request: { title: string } }> } }> } };

export type NestedRequestEventsQueryVariables = Exact<{
  n?: number | null | undefined;
}>;


export type NestedRequestEventsQuery = { requestEvents: { edges: Array<{ node: { type: RequestEventType, actor: { name: string } | null, request: { title: string, requester: { name: string } }, claim: { quantity: number, association: { name: string } } | null } }> } };

export type TypenameAndAssociationIdsQueryVariables = Exact<{
  n?: number | null | undefined;
}>;


export type TypenameAndAssociationIdsQuery = { __typename: 'Query', a: { edges: Array<{ node: { id: string } }> } };

export type HelpRequestContactsQueryVariables = Exact<{
  n?: number | null | undefined;
}>;


export type HelpRequestContactsQuery = { helpRequests: { edges: Array<{ node: { id: string, contact: string | null } }> } };

export type HelpRequestTitlesQueryVariables = Exact<{
  n?: number | null | undefined;
}>;


export type HelpRequestTitlesQuery = { helpRequests: { edges: Array<{ node: { id: string, title: string } }> } };

export type PostRecurringRequestMutationVariables = Exact<{
  input: PostHelpRequestInput;
}>;


export type PostRecurringRequestMutation = { postHelpRequest: { id: string, kind: RequestKind, status: RequestStatus, startsAt: string | null, endsAt: string | null, capacity: number, remaining: number, slots: Array<{ label: string | null, startsAt: string | null, endsAt: string | null, capacity: number }> } };

export type RecurringRequestSlotsQueryVariables = Exact<{
  id: string | number;
}>;


export type RecurringRequestSlotsQuery = { helpRequest: { startsAt: string | null, endsAt: string | null, slots: Array<{ label: string | null, startsAt: string | null, endsAt: string | null, capacity: number }> } | null };

export type RequestEventsWithCurrentRequestQueryVariables = Exact<{
  requestIds?: Array<string | number> | string | number | null | undefined;
}>;


export type RequestEventsWithCurrentRequestQuery = { requestEvents: { edges: Array<{ node: { type: RequestEventType, request: { id: string, title: string, status: RequestStatus, version: number } } }> } };

export type RequestEventCursorsInTownshipQueryVariables = Exact<{
  township: string;
}>;


export type RequestEventCursorsInTownshipQuery = { requestEvents: { edges: Array<{ cursor: string }> } };

export type ExpiryStatusQueryVariables = Exact<{
  id: string | number;
}>;


export type ExpiryStatusQuery = { helpRequest: { status: RequestStatus, closedAt: string | null, version: number } | null };

export type ContactsInActorRequestsSubscriptionVariables = Exact<{
  after?: string | null | undefined;
  filter?: RequestEventFilter | null | undefined;
}>;


export type ContactsInActorRequestsSubscription = { requestEvents: { type: RequestEventType, actor: { helpRequests: { edges: Array<{ node: { id: string, contact: string | null } }> } } | null } };

export type ContactsThroughSlotsSubscriptionVariables = Exact<{
  after?: string | null | undefined;
  filter?: RequestEventFilter | null | undefined;
}>;


export type ContactsThroughSlotsSubscription = { requestEvents: { type: RequestEventType, actor: { helpRequests: { edges: Array<{ node: { id: string, slots: Array<{ request: { id: string, contact: string | null } }> } }> } } | null } };

export type RequestEventPageQueryVariables = Exact<{
  filter?: RequestEventFilter | null | undefined;
  after?: string | null | undefined;
  first?: number | null | undefined;
}>;


export type RequestEventPageQuery = { requestEvents: { edges: Array<{ cursor: string, node: { cursor: string, type: RequestEventType, occurredAt: string, request: { id: string }, claim: { id: string } | null, actor: { id: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type RequestEventFeedSubscriptionVariables = Exact<{
  filter?: RequestEventFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type RequestEventFeedSubscription = { requestEvents: { cursor: string, type: RequestEventType, request: { id: string, contact: string | null, status: RequestStatus }, claim: { id: string } | null, actor: { id: string } | null } };

export type SignUpWithProfileMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SignUpWithProfileMutation = { signUp: { token: string, user: { id: string, email: string | null, displayName: string, isAdmin: boolean, memberships: Array<{ role: MemberRole }> } } };

export type LogInWithUserMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type LogInWithUserMutation = { logIn: { token: string, user: { email: string | null } } };

export type LogInWithTypenameMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type LogInWithTypenameMutation = { __typename: 'Mutation', logIn: { token: string } };

export type ViewerIdQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerIdQuery = { viewer: { id: string } | null };

export type ViewerIdAndEmailQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerIdAndEmailQuery = { viewer: { id: string, email: string | null } | null };

export type ViewerEmailAndIsAdminQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerEmailAndIsAdminQuery = { viewer: { email: string | null, isAdmin: boolean } | null };

export type ViewerIsAdminQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerIsAdminQuery = { viewer: { isAdmin: boolean } | null };

export type UserPrivateFieldsQueryVariables = Exact<{
  id: string | number;
}>;


export type UserPrivateFieldsQuery = { node:
    | { email: string | null, displayName: string, memberships: Array<{ role: MemberRole }> }
    | Record<PropertyKey, never>
   | null };

export type UserEmailQueryVariables = Exact<{
  id: string | number;
}>;


export type UserEmailQuery = { node:
    | { email: string | null }
    | Record<PropertyKey, never>
   | null };

export type StatsEveryFigureQueryVariables = Exact<{
  filter?: StatsFilter | null | undefined;
}>;


export type StatsEveryFigureQuery = { stats: { requestsPosted: number, requestsFilled: number, requestsCompleted: number, fillRate: number, medianTimeToFillSeconds: number | null, volunteersCommitted: number, amountPledged: number, beneficiaries: number, activeAssociations: number, byCategory: Array<{ category: AidCategory, requestsPosted: number, requestsCompleted: number, beneficiaries: number }>, byTownship: Array<{ township: string, requestsPosted: number, requestsCompleted: number, beneficiaries: number }>, byMonth: Array<{ month: string, requestsPosted: number, requestsCompleted: number, beneficiaries: number }>, topHelpers: Array<{ requestsPosted: number, claimsMade: number, volunteersCommitted: number, amountPledged: number, association: { name: string } }>, collaborations: Array<{ claims: number, helper: { name: string }, helped: { name: string } }> } };

export type StatsLimitsQueryVariables = Exact<{ [key: string]: never; }>;


export type StatsLimitsQuery = { stats: { topHelpers: Array<{ association: { name: string } }>, collaborations: Array<{ claims: number }> } };

export type WithdrawClaimMutationVariables = Exact<{
  id: string | number;
}>;


export type WithdrawClaimMutation = { withdrawClaim: { id: string, status: ClaimStatus } };

export type VolunteerFiguresFragment = { volunteerHours: number, volunteersServed: number, noShowRate: number | null };

export type StatsVolunteerFiguresQueryVariables = Exact<{
  filter?: StatsFilter | null | undefined;
}>;


export type StatsVolunteerFiguresQuery = { stats: { requestsPosted: number, volunteerHours: number, volunteersServed: number, noShowRate: number | null, byCategory: Array<{ category: AidCategory, requestsPosted: number, volunteerHours: number, volunteersServed: number, noShowRate: number | null }>, byTownship: Array<{ township: string, requestsPosted: number, volunteerHours: number, volunteersServed: number, noShowRate: number | null }>, byMonth: Array<{ month: string, requestsPosted: number, requestsCompleted: number, beneficiaries: number, volunteerHours: number, volunteersServed: number, noShowRate: number | null }> } };

export type StatsVolunteerSummaryQueryVariables = Exact<{
  filter?: StatsFilter | null | undefined;
}>;


export type StatsVolunteerSummaryQuery = { stats: { volunteerHours: number, volunteersServed: number, noShowRate: number | null } };

export type StatsBreakdownsWithoutVolunteersQueryVariables = Exact<{ [key: string]: never; }>;


export type StatsBreakdownsWithoutVolunteersQuery = { stats: { byTownship: Array<{ township: string, requestsPosted: number }>, byMonth: Array<{ month: string, requestsPosted: number }> } };

export type StatsMonthsTwiceQueryVariables = Exact<{ [key: string]: never; }>;


export type StatsMonthsTwiceQuery = { stats: { plain: Array<{ month: string }>, served: Array<{ month: string, hours: number }> } };

export type QueryTypenameQueryVariables = Exact<{ [key: string]: never; }>;


export type QueryTypenameQuery = { __typename: 'Query' };

export type UpgradedOpenRequestsQueryVariables = Exact<{ [key: string]: never; }>;


export type UpgradedOpenRequestsQuery = { helpRequests: { edges: Array<{ node: { id: string, requester: { id: string }, slots: Array<{ id: string, remaining: number }> } }> } };

export type UpgradedMembershipsQueryVariables = Exact<{ [key: string]: never; }>;


export type UpgradedMembershipsQuery = { viewer: { memberships: Array<{ association: { id: string, verified: boolean } }> } | null };

export type VolunteerFieldsFragment = { id: string, name: string | null, phone: string | null, createdAt: string, invitationPending: boolean, association: { id: string }, linkedUser: { id: string } | null };

export type AssignmentFieldsFragment = { id: string, status: AssignmentStatus, assignedAt: string, endedAt: string | null, endReason: string | null, volunteer: { id: string, name: string | null, phone: string | null, createdAt: string, invitationPending: boolean, association: { id: string }, linkedUser: { id: string } | null }, claim: { id: string, assigned: number }, slot: { id: string, startsAt: string | null, endsAt: string | null } };

export type AddVolunteerMutationVariables = Exact<{
  input: AddVolunteerInput;
}>;


export type AddVolunteerMutation = { addVolunteer: { id: string, name: string | null, phone: string | null, createdAt: string, invitationPending: boolean, association: { id: string }, linkedUser: { id: string } | null } };

export type AcceptVolunteerInvitationMutationVariables = Exact<{
  volunteerId: string | number;
}>;


export type AcceptVolunteerInvitationMutation = { acceptVolunteerInvitation: { id: string, name: string | null, phone: string | null, createdAt: string, invitationPending: boolean, association: { id: string }, linkedUser: { id: string } | null } };

export type DeclineVolunteerInvitationMutationVariables = Exact<{
  volunteerId: string | number;
}>;


export type DeclineVolunteerInvitationMutation = { declineVolunteerInvitation: { id: string, name: string | null, phone: string | null, createdAt: string, invitationPending: boolean, association: { id: string }, linkedUser: { id: string } | null } };

export type LeaveRosterMutationVariables = Exact<{
  volunteerId: string | number;
}>;


export type LeaveRosterMutation = { leaveRoster: { id: string, name: string | null, phone: string | null, createdAt: string, invitationPending: boolean, association: { id: string }, linkedUser: { id: string } | null } };

export type MyVolunteerInvitationsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyVolunteerInvitationsQuery = { viewer: { volunteerInvitations: Array<{ id: string, name: string | null, phone: string | null, invitationPending: boolean, association: { id: string, name: string }, linkedUser: { id: string } | null, serviceRecord: { totalHours: number } | null }> } | null };

export type UserVolunteerInvitationsQueryVariables = Exact<{
  id: string | number;
}>;


export type UserVolunteerInvitationsQuery = { node:
    | { __typename: 'ApiKey' }
    | { __typename: 'Assignment' }
    | { __typename: 'Association' }
    | { __typename: 'Claim' }
    | { __typename: 'ClaimHandOff' }
    | { __typename: 'HelpRequest' }
    | { __typename: 'Slot' }
    | { __typename: 'User', volunteerInvitations: Array<{ id: string, name: string | null }> }
    | { __typename: 'Volunteer' }
   | null };

export type AssignVolunteersMutationVariables = Exact<{
  input: AssignVolunteersInput;
}>;


export type AssignVolunteersMutation = { assignVolunteers: Array<{ id: string, status: AssignmentStatus, assignedAt: string, endedAt: string | null, endReason: string | null, volunteer: { id: string, name: string | null, phone: string | null, createdAt: string, invitationPending: boolean, association: { id: string }, linkedUser: { id: string } | null }, claim: { id: string, assigned: number }, slot: { id: string, startsAt: string | null, endsAt: string | null } }> };

export type UnassignVolunteerMutationVariables = Exact<{
  id: string | number;
  reason?: string | null | undefined;
}>;


export type UnassignVolunteerMutation = { unassignVolunteer: { id: string, status: AssignmentStatus, assignedAt: string, endedAt: string | null, endReason: string | null, volunteer: { id: string, name: string | null, phone: string | null, createdAt: string, invitationPending: boolean, association: { id: string }, linkedUser: { id: string } | null }, claim: { id: string, assigned: number }, slot: { id: string, startsAt: string | null, endsAt: string | null } } };

export type RosterQueryVariables = Exact<{
  associationId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type RosterQuery = { association: { volunteers: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, name: string | null, phone: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type VolunteerNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type VolunteerNodeQuery = { node:
    | { id: string, status: AssignmentStatus }
    | { id: string, name: string | null, phone: string | null, createdAt: string, invitationPending: boolean, association: { id: string }, linkedUser: { id: string } | null }
    | Record<PropertyKey, never>
   | null };

export type RequestAssignmentsQueryVariables = Exact<{
  id: string | number;
}>;


export type RequestAssignmentsQuery = { helpRequest: { version: number, slots: Array<{ id: string, assignments: Array<{ id: string, volunteer: { id: string, name: string | null, phone: string | null, linkedUser: { id: string } | null } }> }>, claims: Array<{ id: string, status: ClaimStatus, assigned: number, assignments: Array<{ id: string, status: AssignmentStatus }> }> } | null };

export type ClaimAssignedQueryVariables = Exact<{
  id: string | number;
}>;


export type ClaimAssignedQuery = { node:
    | { __typename: 'ApiKey' }
    | { __typename: 'Assignment' }
    | { __typename: 'Association' }
    | { __typename: 'Claim', status: ClaimStatus, assigned: number, assignments: Array<{ id: string }> }
    | { __typename: 'ClaimHandOff' }
    | { __typename: 'HelpRequest' }
    | { __typename: 'Slot' }
    | { __typename: 'User' }
    | { __typename: 'Volunteer' }
   | null };

export type MyShiftsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyShiftsQuery = { viewer: { shifts: Array<{ id: string, slot: { startsAt: string | null }, volunteer: { name: string | null } }> } | null };

export type UserShiftsQueryVariables = Exact<{
  id: string | number;
}>;


export type UserShiftsQuery = { node:
    | { __typename: 'ApiKey' }
    | { __typename: 'Assignment' }
    | { __typename: 'Association' }
    | { __typename: 'Claim' }
    | { __typename: 'ClaimHandOff' }
    | { __typename: 'HelpRequest' }
    | { __typename: 'Slot' }
    | { __typename: 'User', shifts: Array<{ id: string }> }
    | { __typename: 'Volunteer' }
   | null };

export type VolunteerEventsQueryVariables = Exact<{
  filter?: RequestEventFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type VolunteerEventsQuery = { requestEvents: { edges: Array<{ node: { type: RequestEventType, claim: { id: string } | null, assignment: { id: string, status: AssignmentStatus, volunteer: { name: string | null, phone: string | null } } | null } }> } };

export type VolunteerFeedSubscriptionVariables = Exact<{
  filter?: RequestEventFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type VolunteerFeedSubscription = { requestEvents: { cursor: string, type: RequestEventType, assignment: { id: string, volunteer: { id: string, name: string | null, phone: string | null } } | null } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const AttendanceFieldsFragmentDoc = new TypedDocumentString(`
    fragment AttendanceFields on Assignment {
  id
  status
  arrivedAt
  leftAt
  absent
  hoursServed
  slot {
    startsAt
    endsAt
  }
}
    `, {"fragmentName":"AttendanceFields"}) as unknown as TypedDocumentString<AttendanceFieldsFragment, unknown>;
export const ServiceRecordFieldsFragmentDoc = new TypedDocumentString(`
    fragment ServiceRecordFields on ServiceRecord {
  totalHours
  shiftsServed
  absences
  shifts {
    requestTitle
    startsAt
    endsAt
    hoursServed
    requester {
      id
      name
    }
    assignment {
      id
      arrivedAt
      leftAt
      absent
      hoursServed
      volunteer {
        id
        name
      }
    }
  }
}
    `, {"fragmentName":"ServiceRecordFields"}) as unknown as TypedDocumentString<ServiceRecordFieldsFragment, unknown>;
export const HandOffFieldsFragmentDoc = new TypedDocumentString(`
    fragment HandOffFields on ClaimHandOff {
  id
  status
  note
  reason
  offeredAt
  lapsesAt
  decidedAt
  from {
    id
  }
  to {
    id
  }
  claim {
    id
    status
    quantity
    endReason
    endedAt
    assigned
    handedTo {
      id
    }
    association {
      id
    }
  }
  newClaim {
    id
    status
    quantity
    association {
      id
    }
    slot {
      id
    }
  }
}
    `, {"fragmentName":"HandOffFields"}) as unknown as TypedDocumentString<HandOffFieldsFragment, unknown>;
export const ContactOnlyFragmentDoc = new TypedDocumentString(`
    fragment ContactOnly on HelpRequest {
  id
  phone: contact
}
    `, {"fragmentName":"ContactOnly"}) as unknown as TypedDocumentString<ContactOnlyFragment, unknown>;
export const RequestFieldsFragmentDoc = new TypedDocumentString(`
    fragment RequestFields on HelpRequest {
  id
  kind
  category
  unit
  title
  description
  township
  address
  contact
  urgency
  status
  capacity
  claimed
  remaining
  startsAt
  endsAt
  postedAt
  filledAt
  closedAt
  beneficiaries
  outcome
  cancelReason
  version
  requester {
    id
  }
  slots {
    id
    label
    startsAt
    endsAt
    capacity
    claimed
    remaining
  }
}
    `, {"fragmentName":"RequestFields"}) as unknown as TypedDocumentString<RequestFieldsFragment, unknown>;
export const VolunteerFiguresFragmentDoc = new TypedDocumentString(`
    fragment VolunteerFigures on Stats {
  volunteerHours
  volunteersServed
  noShowRate
}
    `, {"fragmentName":"VolunteerFigures"}) as unknown as TypedDocumentString<VolunteerFiguresFragment, unknown>;
export const VolunteerFieldsFragmentDoc = new TypedDocumentString(`
    fragment VolunteerFields on Volunteer {
  id
  name
  phone
  createdAt
  invitationPending
  association {
    id
  }
  linkedUser {
    id
  }
}
    `, {"fragmentName":"VolunteerFields"}) as unknown as TypedDocumentString<VolunteerFieldsFragment, unknown>;
export const AssignmentFieldsFragmentDoc = new TypedDocumentString(`
    fragment AssignmentFields on Assignment {
  id
  status
  assignedAt
  endedAt
  endReason
  volunteer {
    ...VolunteerFields
  }
  claim {
    id
    assigned
  }
  slot {
    id
    startsAt
    endsAt
  }
}
    fragment VolunteerFields on Volunteer {
  id
  name
  phone
  createdAt
  invitationPending
  association {
    id
  }
  linkedUser {
    id
  }
}`, {"fragmentName":"AssignmentFields"}) as unknown as TypedDocumentString<AssignmentFieldsFragment, unknown>;
export const IssueApiKeyDocument = new TypedDocumentString(`
    mutation IssueApiKey($associationId: ID!, $name: String!) {
  createApiKey(associationId: $associationId, name: $name) {
    secret
    apiKey {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<IssueApiKeyMutation, IssueApiKeyMutationVariables>;
export const CurrentApiKeyDocument = new TypedDocumentString(`
    query CurrentApiKey {
  currentApiKey {
    id
    name
    association {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<CurrentApiKeyQuery, CurrentApiKeyQueryVariables>;
export const AssociationsDocument = new TypedDocumentString(`
    query Associations($first: Int) {
  associations(first: $first) {
    totalCount
    edges {
      node {
        name
        township
        verified
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AssociationsQuery, AssociationsQueryVariables>;
export const ClaimDocument = new TypedDocumentString(`
    mutation Claim($input: ClaimInput!) {
  claim(input: $input) {
    id
    status
    quantity
  }
}
    `) as unknown as TypedDocumentString<ClaimMutation, ClaimMutationVariables>;
export const WithdrawDocument = new TypedDocumentString(`
    mutation Withdraw($id: ID!, $reason: String) {
  withdrawClaim(id: $id, reason: $reason) {
    id
    status
    endReason
  }
}
    `) as unknown as TypedDocumentString<WithdrawMutation, WithdrawMutationVariables>;
export const RequestEventsHeadDocument = new TypedDocumentString(`
    query RequestEventsHead {
  requestEventsHead
}
    `) as unknown as TypedDocumentString<RequestEventsHeadQuery, RequestEventsHeadQueryVariables>;
export const OpenHelpRequestsDocument = new TypedDocumentString(`
    query OpenHelpRequests($first: Int) {
  helpRequests(filter: {statuses: [OPEN]}, first: $first) {
    edges {
      node {
        id
        title
        remaining
        unit
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OpenHelpRequestsQuery, OpenHelpRequestsQueryVariables>;
export const LiveRequestEventsDocument = new TypedDocumentString(`
    subscription LiveRequestEvents($after: String) {
  requestEvents(after: $after) {
    cursor
    type
    occurredAt
    request {
      id
      title
      status
      remaining
    }
  }
}
    `) as unknown as TypedDocumentString<LiveRequestEventsSubscription, LiveRequestEventsSubscriptionVariables>;
export const OpenRequestsDocument = new TypedDocumentString(`
    query OpenRequests($filter: HelpRequestFilter!) {
  helpRequests(filter: $filter, orderBy: STARTS_SOON, first: 100) {
    totalCount
    edges {
      node {
        id
        title
        remaining
        unit
        requester {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OpenRequestsQuery, OpenRequestsQueryVariables>;
export const RequestFeedDocument = new TypedDocumentString(`
    subscription RequestFeed($after: String, $filter: RequestEventFilter) {
  requestEvents(after: $after, filter: $filter) {
    cursor
    type
    occurredAt
    actor {
      name
    }
    claim {
      quantity
      association {
        name
      }
      slot {
        label
      }
    }
    request {
      id
      title
      status
      remaining
      requester {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RequestFeedSubscription, RequestFeedSubscriptionVariables>;
export const PostRotaDocument = new TypedDocumentString(`
    mutation PostRota($input: PostHelpRequestInput!) {
  postHelpRequest(input: $input) {
    id
    title
    status
    capacity
    slots {
      id
      label
      startsAt
      endsAt
      capacity
    }
  }
}
    `) as unknown as TypedDocumentString<PostRotaMutation, PostRotaMutationVariables>;
export const RotaDocument = new TypedDocumentString(`
    query Rota($id: ID!) {
  helpRequest(id: $id) {
    id
    title
    status
    capacity
    remaining
    requester {
      id
      name
    }
    slots {
      id
      label
      startsAt
      endsAt
      capacity
      remaining
      claims(status: ACTIVE) {
        id
        quantity
        association {
          id
          name
        }
        assignments {
          id
          arrivedAt
          leftAt
          absent
          hoursServed
          volunteer {
            name
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RotaQuery, RotaQueryVariables>;
export const SignUpDocument = new TypedDocumentString(`
    mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) {
    token
    user {
      id
      email
    }
  }
}
    `) as unknown as TypedDocumentString<SignUpMutation, SignUpMutationVariables>;
export const LogInDocument = new TypedDocumentString(`
    mutation LogIn($email: String!, $password: String!) {
  logIn(email: $email, password: $password) {
    token
  }
}
    `) as unknown as TypedDocumentString<LogInMutation, LogInMutationVariables>;
export const MyAssociationsDocument = new TypedDocumentString(`
    query MyAssociations {
  viewer {
    displayName
    memberships {
      role
      association {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MyAssociationsQuery, MyAssociationsQueryVariables>;
export const CountyStatsDocument = new TypedDocumentString(`
    query CountyStats($from: DateTime!, $to: DateTime!) {
  stats(filter: {from: $from, to: $to}) {
    requestsPosted
    requestsFilled
    requestsCompleted
    fillRate
    medianTimeToFillSeconds
    volunteersCommitted
    amountPledged
    beneficiaries
    activeAssociations
    volunteerHours
    volunteersServed
    noShowRate
    byCategory {
      category
      requestsPosted
      requestsCompleted
      beneficiaries
      volunteerHours
    }
    byTownship {
      township
      requestsPosted
      requestsCompleted
      beneficiaries
      volunteerHours
    }
    topHelpers(limit: 5) {
      association {
        name
      }
      claimsMade
      volunteersCommitted
      amountPledged
    }
  }
}
    `) as unknown as TypedDocumentString<CountyStatsQuery, CountyStatsQueryVariables>;
export const AssociationRosterDocument = new TypedDocumentString(`
    query AssociationRoster($id: ID!, $after: String) {
  association(id: $id) {
    volunteers(first: 100, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AssociationRosterQuery, AssociationRosterQueryVariables>;
export const AddToRosterDocument = new TypedDocumentString(`
    mutation AddToRoster($input: AddVolunteerInput!) {
  addVolunteer(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<AddToRosterMutation, AddToRosterMutationVariables>;
export const AssignToShiftDocument = new TypedDocumentString(`
    mutation AssignToShift($input: AssignVolunteersInput!) {
  assignVolunteers(input: $input) {
    id
    volunteer {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<AssignToShiftMutation, AssignToShiftMutationVariables>;
export const RecordShiftAttendanceDocument = new TypedDocumentString(`
    mutation RecordShiftAttendance($input: RecordAttendanceInput!) {
  recordAttendance(input: $input) {
    id
    arrivedAt
    leftAt
    absent
    hoursServed
    volunteer {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<RecordShiftAttendanceMutation, RecordShiftAttendanceMutationVariables>;
export const AssociationWithMembersAndKeysDocument = new TypedDocumentString(`
    query AssociationWithMembersAndKeys($id: ID!) {
  association(id: $id) {
    id
    name
    verified
    members {
      role
      user {
        id
        displayName
      }
    }
    apiKeys {
      id
      name
      revokedAt
    }
  }
}
    `) as unknown as TypedDocumentString<AssociationWithMembersAndKeysQuery, AssociationWithMembersAndKeysQueryVariables>;
export const AssociationIdDocument = new TypedDocumentString(`
    query AssociationId($id: ID!) {
  association(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<AssociationIdQuery, AssociationIdQueryVariables>;
export const AssociationPageDocument = new TypedDocumentString(`
    query AssociationPage($filter: AssociationFilter, $first: Int, $after: String) {
  associations(filter: $filter, first: $first, after: $after) {
    totalCount
    edges {
      cursor
      node {
        name
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<AssociationPageQuery, AssociationPageQueryVariables>;
export const ViewerAndCurrentApiKeyDocument = new TypedDocumentString(`
    query ViewerAndCurrentApiKey {
  viewer {
    id
  }
  currentApiKey {
    id
    name
    association {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<ViewerAndCurrentApiKeyQuery, ViewerAndCurrentApiKeyQueryVariables>;
export const CurrentApiKeyIdDocument = new TypedDocumentString(`
    query CurrentApiKeyId {
  currentApiKey {
    id
  }
}
    `) as unknown as TypedDocumentString<CurrentApiKeyIdQuery, CurrentApiKeyIdQueryVariables>;
export const ApiKeyNodeDocument = new TypedDocumentString(`
    query ApiKeyNode($id: ID!) {
  node(id: $id) {
    id
    ... on ApiKey {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<ApiKeyNodeQuery, ApiKeyNodeQueryVariables>;
export const RevokeApiKeyDocument = new TypedDocumentString(`
    mutation RevokeApiKey($id: ID!) {
  revokeApiKey(id: $id) {
    id
    revokedAt
  }
}
    `) as unknown as TypedDocumentString<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const RecordAttendanceDocument = new TypedDocumentString(`
    mutation RecordAttendance($input: RecordAttendanceInput!) {
  recordAttendance(input: $input) {
    ...AttendanceFields
  }
}
    fragment AttendanceFields on Assignment {
  id
  status
  arrivedAt
  leftAt
  absent
  hoursServed
  slot {
    startsAt
    endsAt
  }
}`) as unknown as TypedDocumentString<RecordAttendanceMutation, RecordAttendanceMutationVariables>;
export const AssignmentAttendanceDocument = new TypedDocumentString(`
    query AssignmentAttendance($id: ID!) {
  node(id: $id) {
    __typename
    ... on Assignment {
      ...AttendanceFields
    }
  }
}
    fragment AttendanceFields on Assignment {
  id
  status
  arrivedAt
  leftAt
  absent
  hoursServed
  slot {
    startsAt
    endsAt
  }
}`) as unknown as TypedDocumentString<AssignmentAttendanceQuery, AssignmentAttendanceQueryVariables>;
export const MyServiceRecordDocument = new TypedDocumentString(`
    query MyServiceRecord {
  viewer {
    serviceRecord {
      ...ServiceRecordFields
    }
  }
}
    fragment ServiceRecordFields on ServiceRecord {
  totalHours
  shiftsServed
  absences
  shifts {
    requestTitle
    startsAt
    endsAt
    hoursServed
    requester {
      id
      name
    }
    assignment {
      id
      arrivedAt
      leftAt
      absent
      hoursServed
      volunteer {
        id
        name
      }
    }
  }
}`) as unknown as TypedDocumentString<MyServiceRecordQuery, MyServiceRecordQueryVariables>;
export const UserServiceRecordDocument = new TypedDocumentString(`
    query UserServiceRecord($id: ID!) {
  node(id: $id) {
    __typename
    ... on User {
      serviceRecord {
        ...ServiceRecordFields
      }
    }
  }
}
    fragment ServiceRecordFields on ServiceRecord {
  totalHours
  shiftsServed
  absences
  shifts {
    requestTitle
    startsAt
    endsAt
    hoursServed
    requester {
      id
      name
    }
    assignment {
      id
      arrivedAt
      leftAt
      absent
      hoursServed
      volunteer {
        id
        name
      }
    }
  }
}`) as unknown as TypedDocumentString<UserServiceRecordQuery, UserServiceRecordQueryVariables>;
export const VolunteerServiceRecordDocument = new TypedDocumentString(`
    query VolunteerServiceRecord($id: ID!) {
  node(id: $id) {
    __typename
    ... on Volunteer {
      serviceRecord {
        ...ServiceRecordFields
      }
    }
  }
}
    fragment ServiceRecordFields on ServiceRecord {
  totalHours
  shiftsServed
  absences
  shifts {
    requestTitle
    startsAt
    endsAt
    hoursServed
    requester {
      id
      name
    }
    assignment {
      id
      arrivedAt
      leftAt
      absent
      hoursServed
      volunteer {
        id
        name
      }
    }
  }
}`) as unknown as TypedDocumentString<VolunteerServiceRecordQuery, VolunteerServiceRecordQueryVariables>;
export const AttendanceEventsDocument = new TypedDocumentString(`
    query AttendanceEvents($filter: RequestEventFilter) {
  requestEvents(filter: $filter) {
    edges {
      node {
        type
        claim {
          id
        }
        actor {
          id
        }
        assignment {
          id
          hoursServed
        }
        request {
          version
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AttendanceEventsQuery, AttendanceEventsQueryVariables>;
export const RosterServiceRecordsDocument = new TypedDocumentString(`
    query RosterServiceRecords($associationId: ID!, $n: Int) {
  association(id: $associationId) {
    volunteers(first: $n) {
      edges {
        node {
          id
          serviceRecord {
            ...ServiceRecordFields
          }
        }
      }
    }
  }
}
    fragment ServiceRecordFields on ServiceRecord {
  totalHours
  shiftsServed
  absences
  shifts {
    requestTitle
    startsAt
    endsAt
    hoursServed
    requester {
      id
      name
    }
    assignment {
      id
      arrivedAt
      leftAt
      absent
      hoursServed
      volunteer {
        id
        name
      }
    }
  }
}`) as unknown as TypedDocumentString<RosterServiceRecordsQuery, RosterServiceRecordsQueryVariables>;
export const WithdrawClaimWithReasonDocument = new TypedDocumentString(`
    mutation WithdrawClaimWithReason($id: ID!, $reason: String) {
  withdrawClaim(id: $id, reason: $reason) {
    id
    status
    endReason
    endedAt
    request {
      status
      filledAt
      claimed
    }
  }
}
    `) as unknown as TypedDocumentString<WithdrawClaimWithReasonMutation, WithdrawClaimWithReasonMutationVariables>;
export const DeclineClaimWithReasonDocument = new TypedDocumentString(`
    mutation DeclineClaimWithReason($id: ID!, $reason: String) {
  declineClaim(id: $id, reason: $reason) {
    status
    endReason
  }
}
    `) as unknown as TypedDocumentString<DeclineClaimWithReasonMutation, DeclineClaimWithReasonMutationVariables>;
export const ClaimOutcomeDocument = new TypedDocumentString(`
    query ClaimOutcome($id: ID!) {
  node(id: $id) {
    ... on Claim {
      status
      endReason
      slot {
        claimed
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ClaimOutcomeQuery, ClaimOutcomeQueryVariables>;
export const RequestContactDocument = new TypedDocumentString(`
    query RequestContact($id: ID!) {
  helpRequest(id: $id) {
    contact
  }
}
    `) as unknown as TypedDocumentString<RequestContactQuery, RequestContactQueryVariables>;
export const ClaimListsDocument = new TypedDocumentString(`
    query ClaimLists($associationId: ID!, $requestId: ID!) {
  association(id: $associationId) {
    claims(first: 1) {
      totalCount
      edges {
        node {
          id
        }
      }
      pageInfo {
        hasNextPage
      }
    }
    active: claims(status: ACTIVE) {
      totalCount
    }
  }
  helpRequest(id: $requestId) {
    claims {
      id
    }
    withdrawn: claims(status: WITHDRAWN) {
      id
    }
    slots {
      claims {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ClaimListsQuery, ClaimListsQueryVariables>;
export const AssociationCountDocument = new TypedDocumentString(`
    query AssociationCount {
  associations {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<AssociationCountQuery, AssociationCountQueryVariables>;
export const AssociationDirectoryDocument = new TypedDocumentString(`
    query AssociationDirectory {
  associations(first: 100) {
    totalCount
    edges {
      node {
        name
        township
        verified
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AssociationDirectoryQuery, AssociationDirectoryQueryVariables>;
export const ViewerMembershipsDocument = new TypedDocumentString(`
    query ViewerMemberships {
  viewer {
    displayName
    memberships {
      role
      association {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ViewerMembershipsQuery, ViewerMembershipsQueryVariables>;
export const DemoYearStatsDocument = new TypedDocumentString(`
    query DemoYearStats($filter: StatsFilter) {
  stats(filter: $filter) {
    requestsPosted
    requestsFilled
    requestsCompleted
    medianTimeToFillSeconds
    volunteersCommitted
    amountPledged
    beneficiaries
    activeAssociations
    volunteerHours
    volunteersServed
    noShowRate
    byCategory {
      category
      requestsPosted
      requestsCompleted
    }
    byTownship {
      township
      requestsPosted
    }
    byMonth {
      month
      requestsPosted
      requestsCompleted
      volunteerHours
    }
    collaborations(limit: 50) {
      helper {
        name
      }
      helped {
        name
      }
      claims
    }
  }
}
    `) as unknown as TypedDocumentString<DemoYearStatsQuery, DemoYearStatsQueryVariables>;
export const DemoRequestCountDocument = new TypedDocumentString(`
    query DemoRequestCount($filter: HelpRequestFilter) {
  helpRequests(filter: $filter, first: 1) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<DemoRequestCountQuery, DemoRequestCountQueryVariables>;
export const DemoOpenRequestsDocument = new TypedDocumentString(`
    query DemoOpenRequests {
  helpRequests(filter: {statuses: [OPEN]}, orderBy: STARTS_SOON, first: 50) {
    edges {
      node {
        title
        startsAt
        slots {
          remaining
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DemoOpenRequestsQuery, DemoOpenRequestsQueryVariables>;
export const DemoFirstEventsDocument = new TypedDocumentString(`
    query DemoFirstEvents {
  requestEvents(first: 1) {
    edges {
      node {
        type
        occurredAt
        request {
          postedAt
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DemoFirstEventsQuery, DemoFirstEventsQueryVariables>;
export const OfferClaimHandOffDocument = new TypedDocumentString(`
    mutation OfferClaimHandOff($input: OfferClaimHandOffInput!) {
  offerClaimHandOff(input: $input) {
    ...HandOffFields
  }
}
    fragment HandOffFields on ClaimHandOff {
  id
  status
  note
  reason
  offeredAt
  lapsesAt
  decidedAt
  from {
    id
  }
  to {
    id
  }
  claim {
    id
    status
    quantity
    endReason
    endedAt
    assigned
    handedTo {
      id
    }
    association {
      id
    }
  }
  newClaim {
    id
    status
    quantity
    association {
      id
    }
    slot {
      id
    }
  }
}`) as unknown as TypedDocumentString<OfferClaimHandOffMutation, OfferClaimHandOffMutationVariables>;
export const AcceptClaimHandOffDocument = new TypedDocumentString(`
    mutation AcceptClaimHandOff($id: ID!) {
  acceptClaimHandOff(id: $id) {
    ...HandOffFields
    claim {
      request {
        status
        claimed
        remaining
        version
      }
    }
  }
}
    fragment HandOffFields on ClaimHandOff {
  id
  status
  note
  reason
  offeredAt
  lapsesAt
  decidedAt
  from {
    id
  }
  to {
    id
  }
  claim {
    id
    status
    quantity
    endReason
    endedAt
    assigned
    handedTo {
      id
    }
    association {
      id
    }
  }
  newClaim {
    id
    status
    quantity
    association {
      id
    }
    slot {
      id
    }
  }
}`) as unknown as TypedDocumentString<AcceptClaimHandOffMutation, AcceptClaimHandOffMutationVariables>;
export const DeclineClaimHandOffDocument = new TypedDocumentString(`
    mutation DeclineClaimHandOff($id: ID!, $reason: String) {
  declineClaimHandOff(id: $id, reason: $reason) {
    ...HandOffFields
  }
}
    fragment HandOffFields on ClaimHandOff {
  id
  status
  note
  reason
  offeredAt
  lapsesAt
  decidedAt
  from {
    id
  }
  to {
    id
  }
  claim {
    id
    status
    quantity
    endReason
    endedAt
    assigned
    handedTo {
      id
    }
    association {
      id
    }
  }
  newClaim {
    id
    status
    quantity
    association {
      id
    }
    slot {
      id
    }
  }
}`) as unknown as TypedDocumentString<DeclineClaimHandOffMutation, DeclineClaimHandOffMutationVariables>;
export const HandOffNodeDocument = new TypedDocumentString(`
    query HandOffNode($id: ID!) {
  node(id: $id) {
    __typename
    ... on ClaimHandOff {
      ...HandOffFields
    }
  }
}
    fragment HandOffFields on ClaimHandOff {
  id
  status
  note
  reason
  offeredAt
  lapsesAt
  decidedAt
  from {
    id
  }
  to {
    id
  }
  claim {
    id
    status
    quantity
    endReason
    endedAt
    assigned
    handedTo {
      id
    }
    association {
      id
    }
  }
  newClaim {
    id
    status
    quantity
    association {
      id
    }
    slot {
      id
    }
  }
}`) as unknown as TypedDocumentString<HandOffNodeQuery, HandOffNodeQueryVariables>;
export const ClaimHandOffsDocument = new TypedDocumentString(`
    query ClaimHandOffs($id: ID!) {
  node(id: $id) {
    __typename
    ... on Claim {
      handOffs {
        id
        status
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ClaimHandOffsQuery, ClaimHandOffsQueryVariables>;
export const HandOffTotalsDocument = new TypedDocumentString(`
    query HandOffTotals($id: ID!) {
  helpRequest(id: $id) {
    status
    claimed
    remaining
    version
    slots {
      id
      claimed
      remaining
    }
    claims {
      id
      status
      quantity
      endReason
      association {
        id
      }
      handedTo {
        id
      }
      handOffs {
        id
        status
      }
    }
  }
}
    `) as unknown as TypedDocumentString<HandOffTotalsQuery, HandOffTotalsQueryVariables>;
export const AssociationHandOffsDocument = new TypedDocumentString(`
    query AssociationHandOffs($id: ID!, $status: ClaimHandOffStatus, $first: Int, $offeredAfter: String, $receivedAfter: String) {
  association(id: $id) {
    handOffsOffered(status: $status, first: $first, after: $offeredAfter) {
      totalCount
      edges {
        cursor
        node {
          id
          status
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    handOffsReceived(status: $status, first: $first, after: $receivedAfter) {
      totalCount
      edges {
        cursor
        node {
          id
          status
          claim {
            request {
              title
              contact
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AssociationHandOffsQuery, AssociationHandOffsQueryVariables>;
export const HandOffEventsDocument = new TypedDocumentString(`
    query HandOffEvents($filter: RequestEventFilter, $after: String) {
  requestEvents(filter: $filter, after: $after) {
    edges {
      node {
        type
        claim {
          id
        }
        handOff {
          id
          status
        }
        actor {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<HandOffEventsQuery, HandOffEventsQueryVariables>;
export const HandOffFeedDocument = new TypedDocumentString(`
    subscription HandOffFeed($filter: RequestEventFilter, $after: String) {
  requestEvents(filter: $filter, after: $after) {
    cursor
    type
    handOff {
      id
      status
    }
    request {
      id
      contact
    }
  }
}
    `) as unknown as TypedDocumentString<HandOffFeedSubscription, HandOffFeedSubscriptionVariables>;
export const HelpRequestStateDocument = new TypedDocumentString(`
    query HelpRequestState($id: ID!) {
  helpRequest(id: $id) {
    id
    title
    description
    township
    address
    contact
    urgency
    startsAt
    endsAt
    status
    version
  }
}
    `) as unknown as TypedDocumentString<HelpRequestStateQuery, HelpRequestStateQueryVariables>;
export const HelpRequestCountByRequesterDocument = new TypedDocumentString(`
    query HelpRequestCountByRequester($requesterId: ID) {
  helpRequests(filter: {requesterId: $requesterId}) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<HelpRequestCountByRequesterQuery, HelpRequestCountByRequesterQueryVariables>;
export const HelpRequestSlotLabelsDocument = new TypedDocumentString(`
    query HelpRequestSlotLabels($id: ID!) {
  helpRequest(id: $id) {
    slots {
      id
      label
    }
  }
}
    `) as unknown as TypedDocumentString<HelpRequestSlotLabelsQuery, HelpRequestSlotLabelsQueryVariables>;
export const HelpRequestSlotCapacitiesDocument = new TypedDocumentString(`
    query HelpRequestSlotCapacities($id: ID!) {
  helpRequest(id: $id) {
    slots {
      capacity
    }
  }
}
    `) as unknown as TypedDocumentString<HelpRequestSlotCapacitiesQuery, HelpRequestSlotCapacitiesQueryVariables>;
export const HelpRequestClosureDocument = new TypedDocumentString(`
    query HelpRequestClosure($id: ID!) {
  helpRequest(id: $id) {
    closedAt
    cancelReason
  }
}
    `) as unknown as TypedDocumentString<HelpRequestClosureQuery, HelpRequestClosureQueryVariables>;
export const HelpRequestResultDocument = new TypedDocumentString(`
    query HelpRequestResult($id: ID!) {
  helpRequest(id: $id) {
    beneficiaries
    outcome
    cancelReason
  }
}
    `) as unknown as TypedDocumentString<HelpRequestResultQuery, HelpRequestResultQueryVariables>;
export const HelpRequestContactDocument = new TypedDocumentString(`
    query HelpRequestContact($id: ID!) {
  helpRequest(id: $id) {
    contact
    address
  }
}
    `) as unknown as TypedDocumentString<HelpRequestContactQuery, HelpRequestContactQueryVariables>;
export const HelpRequestContactsByRequesterDocument = new TypedDocumentString(`
    query HelpRequestContactsByRequester($requesterId: ID) {
  helpRequests(filter: {requesterId: $requesterId}, first: 100) {
    edges {
      node {
        id
        contact
      }
    }
  }
}
    `) as unknown as TypedDocumentString<HelpRequestContactsByRequesterQuery, HelpRequestContactsByRequesterQueryVariables>;
export const AssociationRequestContactsDocument = new TypedDocumentString(`
    query AssociationRequestContacts($id: ID!) {
  node(id: $id) {
    __typename
    ... on Association {
      helpRequests(first: 100) {
        edges {
          node {
            ...ContactOnly
          }
        }
      }
    }
  }
}
    fragment ContactOnly on HelpRequest {
  id
  phone: contact
}`) as unknown as TypedDocumentString<AssociationRequestContactsQuery, AssociationRequestContactsQueryVariables>;
export const HelpRequestOrSlotNodeDocument = new TypedDocumentString(`
    query HelpRequestOrSlotNode($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on HelpRequest {
      title
      requester {
        id
      }
    }
    ... on Slot {
      label
      capacity
      request {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<HelpRequestOrSlotNodeQuery, HelpRequestOrSlotNodeQueryVariables>;
export const HelpRequestIdLookupDocument = new TypedDocumentString(`
    query HelpRequestIdLookup($id: ID!) {
  helpRequest(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<HelpRequestIdLookupQuery, HelpRequestIdLookupQueryVariables>;
export const ContactThroughSlotsDocument = new TypedDocumentString(`
    query ContactThroughSlots($requesterId: ID) {
  helpRequests(filter: {requesterId: $requesterId}, first: 100) {
    edges {
      node {
        id
        title
        slots {
          request {
            id
            contact
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ContactThroughSlotsQuery, ContactThroughSlotsQueryVariables>;
export const HelpRequestListPageDocument = new TypedDocumentString(`
    query HelpRequestListPage($filter: HelpRequestFilter, $orderBy: HelpRequestOrder, $first: Int, $after: String) {
  helpRequests(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    edges {
      cursor
      node {
        id
        title
        urgency
        startsAt
        postedAt
        status
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<HelpRequestListPageQuery, HelpRequestListPageQueryVariables>;
export const HelpRequestIdsInTownshipDocument = new TypedDocumentString(`
    query HelpRequestIdsInTownship($township: String!) {
  helpRequests(filter: {townships: [$township]}) {
    edges {
      node {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<HelpRequestIdsInTownshipQuery, HelpRequestIdsInTownshipQueryVariables>;
export const HelpRequestIdsInTownshipFirstNullDocument = new TypedDocumentString(`
    query HelpRequestIdsInTownshipFirstNull($township: String!) {
  helpRequests(filter: {townships: [$township]}, first: null) {
    edges {
      node {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<HelpRequestIdsInTownshipFirstNullQuery, HelpRequestIdsInTownshipFirstNullQueryVariables>;
export const AssociationsHelpRequestsInTownshipDocument = new TypedDocumentString(`
    query AssociationsHelpRequestsInTownship($township: String!) {
  associations(filter: {townships: [$township]}, first: 10) {
    edges {
      node {
        id
        helpRequests(first: 2) {
          totalCount
          edges {
            cursor
            node {
              id
              title
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
        cancelled: helpRequests(status: CANCELLED) {
          totalCount
          edges {
            node {
              title
            }
          }
        }
        open: helpRequests(status: OPEN, first: 1) {
          totalCount
          edges {
            node {
              title
            }
          }
          pageInfo {
            hasNextPage
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AssociationsHelpRequestsInTownshipQuery, AssociationsHelpRequestsInTownshipQueryVariables>;
export const AssociationHelpRequestPageDocument = new TypedDocumentString(`
    query AssociationHelpRequestPage($id: ID!, $status: RequestStatus, $first: Int, $after: String) {
  association(id: $id) {
    helpRequests(status: $status, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          title
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AssociationHelpRequestPageQuery, AssociationHelpRequestPageQueryVariables>;
export const PostHelpRequestDocument = new TypedDocumentString(`
    mutation PostHelpRequest($input: PostHelpRequestInput!) {
  postHelpRequest(input: $input) {
    ...RequestFields
  }
}
    fragment RequestFields on HelpRequest {
  id
  kind
  category
  unit
  title
  description
  township
  address
  contact
  urgency
  status
  capacity
  claimed
  remaining
  startsAt
  endsAt
  postedAt
  filledAt
  closedAt
  beneficiaries
  outcome
  cancelReason
  version
  requester {
    id
  }
  slots {
    id
    label
    startsAt
    endsAt
    capacity
    claimed
    remaining
  }
}`) as unknown as TypedDocumentString<PostHelpRequestMutation, PostHelpRequestMutationVariables>;
export const UpdateHelpRequestDocument = new TypedDocumentString(`
    mutation UpdateHelpRequest($id: ID!, $expectedVersion: Int!, $input: UpdateHelpRequestInput!) {
  updateHelpRequest(id: $id, expectedVersion: $expectedVersion, input: $input) {
    id
    title
    description
    township
    address
    contact
    urgency
    startsAt
    endsAt
    status
    version
  }
}
    `) as unknown as TypedDocumentString<UpdateHelpRequestMutation, UpdateHelpRequestMutationVariables>;
export const CancelHelpRequestDocument = new TypedDocumentString(`
    mutation CancelHelpRequest($id: ID!, $reason: String) {
  cancelHelpRequest(id: $id, reason: $reason) {
    id
    status
    closedAt
    cancelReason
    version
    postedAt
  }
}
    `) as unknown as TypedDocumentString<CancelHelpRequestMutation, CancelHelpRequestMutationVariables>;
export const CompleteHelpRequestDocument = new TypedDocumentString(`
    mutation CompleteHelpRequest($id: ID!, $beneficiaries: Int!, $outcome: String) {
  completeHelpRequest(id: $id, beneficiaries: $beneficiaries, outcome: $outcome) {
    id
    status
    closedAt
    beneficiaries
    outcome
    version
    postedAt
  }
}
    `) as unknown as TypedDocumentString<CompleteHelpRequestMutation, CompleteHelpRequestMutationVariables>;
export const HelpRequestsByFilterDocument = new TypedDocumentString(`
    query HelpRequestsByFilter($filter: HelpRequestFilter) {
  helpRequests(filter: $filter, first: 5) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<HelpRequestsByFilterQuery, HelpRequestsByFilterQueryVariables>;
export const HelpRequestTotalDocument = new TypedDocumentString(`
    query HelpRequestTotal {
  helpRequests {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<HelpRequestTotalQuery, HelpRequestTotalQueryVariables>;
export const RequestEventsInTownshipsDocument = new TypedDocumentString(`
    subscription RequestEventsInTownships($townships: [String!]) {
  requestEvents(filter: {townships: $townships}) {
    cursor
  }
}
    `) as unknown as TypedDocumentString<RequestEventsInTownshipsSubscription, RequestEventsInTownshipsSubscriptionVariables>;
export const HelpRequestPageAfterDocument = new TypedDocumentString(`
    query HelpRequestPageAfter($after: String, $orderBy: HelpRequestOrder) {
  helpRequests(after: $after, orderBy: $orderBy, first: 1) {
    pageInfo {
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<HelpRequestPageAfterQuery, HelpRequestPageAfterQueryVariables>;
export const AssociationPageAfterDocument = new TypedDocumentString(`
    query AssociationPageAfter($after: String) {
  associations(after: $after, first: 1) {
    pageInfo {
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<AssociationPageAfterQuery, AssociationPageAfterQueryVariables>;
export const RequestEventsAfterDocument = new TypedDocumentString(`
    query RequestEventsAfter($after: String) {
  requestEvents(after: $after) {
    edges {
      cursor
    }
  }
}
    `) as unknown as TypedDocumentString<RequestEventsAfterQuery, RequestEventsAfterQueryVariables>;
export const CreateAssociationDocument = new TypedDocumentString(`
    mutation CreateAssociation($input: CreateAssociationInput!) {
  createAssociation(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateAssociationMutation, CreateAssociationMutationVariables>;
export const VerifyAssociationDocument = new TypedDocumentString(`
    mutation VerifyAssociation($id: ID!) {
  verifyAssociation(id: $id) {
    verified
  }
}
    `) as unknown as TypedDocumentString<VerifyAssociationMutation, VerifyAssociationMutationVariables>;
export const AddMemberDocument = new TypedDocumentString(`
    mutation AddMember($associationId: ID!, $email: String!, $role: MemberRole!) {
  addMember(associationId: $associationId, email: $email, role: $role) {
    role
    user {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<AddMemberMutation, AddMemberMutationVariables>;
export const CreateApiKeyDocument = new TypedDocumentString(`
    mutation CreateApiKey($associationId: ID!, $name: String!) {
  createApiKey(associationId: $associationId, name: $name) {
    secret
    apiKey {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const NestedAssociationsDocument = new TypedDocumentString(`
    query NestedAssociations($n: Int) {
  associations(first: $n) {
    edges {
      node {
        name
        helpRequests(first: 10) {
          edges {
            node {
              title
              slots {
                claims {
                  association {
                    name
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<NestedAssociationsQuery, NestedAssociationsQueryVariables>;
export const NestedTotalCountsDocument = new TypedDocumentString(`
    query NestedTotalCounts($n: Int) {
  associations(first: $n) {
    totalCount
    edges {
      node {
        helpRequests(first: 1) {
          totalCount
        }
        claims(first: 1) {
          totalCount
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<NestedTotalCountsQuery, NestedTotalCountsQueryVariables>;
export const NestedHelpRequestsDocument = new TypedDocumentString(`
    query NestedHelpRequests($n: Int) {
  helpRequests(first: $n) {
    edges {
      node {
        requester {
          name
        }
        slots {
          claims {
            association {
              name
            }
          }
        }
        claims {
          association {
            name
          }
          slot {
            label
          }
          request {
            title
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<NestedHelpRequestsQuery, NestedHelpRequestsQueryVariables>;
export const NestedRequestEventsDocument = new TypedDocumentString(`
    query NestedRequestEvents($n: Int) {
  requestEvents(first: $n) {
    edges {
      node {
        type
        actor {
          name
        }
        request {
          title
          requester {
            name
          }
        }
        claim {
          quantity
          association {
            name
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<NestedRequestEventsQuery, NestedRequestEventsQueryVariables>;
export const TypenameAndAssociationIdsDocument = new TypedDocumentString(`
    query TypenameAndAssociationIds($n: Int) {
  __typename
  a: associations(first: $n) {
    edges {
      node {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TypenameAndAssociationIdsQuery, TypenameAndAssociationIdsQueryVariables>;
export const HelpRequestContactsDocument = new TypedDocumentString(`
    query HelpRequestContacts($n: Int) {
  helpRequests(first: $n) {
    edges {
      node {
        id
        contact
      }
    }
  }
}
    `) as unknown as TypedDocumentString<HelpRequestContactsQuery, HelpRequestContactsQueryVariables>;
export const HelpRequestTitlesDocument = new TypedDocumentString(`
    query HelpRequestTitles($n: Int) {
  helpRequests(first: $n) {
    edges {
      node {
        id
        title
      }
    }
  }
}
    `) as unknown as TypedDocumentString<HelpRequestTitlesQuery, HelpRequestTitlesQueryVariables>;
export const PostRecurringRequestDocument = new TypedDocumentString(`
    mutation PostRecurringRequest($input: PostHelpRequestInput!) {
  postHelpRequest(input: $input) {
    id
    kind
    status
    startsAt
    endsAt
    capacity
    remaining
    slots {
      label
      startsAt
      endsAt
      capacity
    }
  }
}
    `) as unknown as TypedDocumentString<PostRecurringRequestMutation, PostRecurringRequestMutationVariables>;
export const RecurringRequestSlotsDocument = new TypedDocumentString(`
    query RecurringRequestSlots($id: ID!) {
  helpRequest(id: $id) {
    startsAt
    endsAt
    slots {
      label
      startsAt
      endsAt
      capacity
    }
  }
}
    `) as unknown as TypedDocumentString<RecurringRequestSlotsQuery, RecurringRequestSlotsQueryVariables>;
export const RequestEventsWithCurrentRequestDocument = new TypedDocumentString(`
    query RequestEventsWithCurrentRequest($requestIds: [ID!]) {
  requestEvents(filter: {requestIds: $requestIds}) {
    edges {
      node {
        type
        request {
          id
          title
          status
          version
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RequestEventsWithCurrentRequestQuery, RequestEventsWithCurrentRequestQueryVariables>;
export const RequestEventCursorsInTownshipDocument = new TypedDocumentString(`
    query RequestEventCursorsInTownship($township: String!) {
  requestEvents(filter: {townships: [$township]}) {
    edges {
      cursor
    }
  }
}
    `) as unknown as TypedDocumentString<RequestEventCursorsInTownshipQuery, RequestEventCursorsInTownshipQueryVariables>;
export const ExpiryStatusDocument = new TypedDocumentString(`
    query ExpiryStatus($id: ID!) {
  helpRequest(id: $id) {
    status
    closedAt
    version
  }
}
    `) as unknown as TypedDocumentString<ExpiryStatusQuery, ExpiryStatusQueryVariables>;
export const ContactsInActorRequestsDocument = new TypedDocumentString(`
    subscription ContactsInActorRequests($after: String, $filter: RequestEventFilter) {
  requestEvents(after: $after, filter: $filter) {
    type
    actor {
      helpRequests(first: 5) {
        edges {
          node {
            id
            contact
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ContactsInActorRequestsSubscription, ContactsInActorRequestsSubscriptionVariables>;
export const ContactsThroughSlotsDocument = new TypedDocumentString(`
    subscription ContactsThroughSlots($after: String, $filter: RequestEventFilter) {
  requestEvents(after: $after, filter: $filter) {
    type
    actor {
      helpRequests(first: 5) {
        edges {
          node {
            id
            slots {
              request {
                id
                contact
              }
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ContactsThroughSlotsSubscription, ContactsThroughSlotsSubscriptionVariables>;
export const RequestEventPageDocument = new TypedDocumentString(`
    query RequestEventPage($filter: RequestEventFilter, $after: String, $first: Int) {
  requestEvents(filter: $filter, after: $after, first: $first) {
    edges {
      cursor
      node {
        cursor
        type
        occurredAt
        request {
          id
        }
        claim {
          id
        }
        actor {
          id
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<RequestEventPageQuery, RequestEventPageQueryVariables>;
export const RequestEventFeedDocument = new TypedDocumentString(`
    subscription RequestEventFeed($filter: RequestEventFilter, $after: String) {
  requestEvents(filter: $filter, after: $after) {
    cursor
    type
    request {
      id
      contact
      status
    }
    claim {
      id
    }
    actor {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<RequestEventFeedSubscription, RequestEventFeedSubscriptionVariables>;
export const SignUpWithProfileDocument = new TypedDocumentString(`
    mutation SignUpWithProfile($input: SignUpInput!) {
  signUp(input: $input) {
    token
    user {
      id
      email
      displayName
      isAdmin
      memberships {
        role
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SignUpWithProfileMutation, SignUpWithProfileMutationVariables>;
export const LogInWithUserDocument = new TypedDocumentString(`
    mutation LogInWithUser($email: String!, $password: String!) {
  logIn(email: $email, password: $password) {
    token
    user {
      email
    }
  }
}
    `) as unknown as TypedDocumentString<LogInWithUserMutation, LogInWithUserMutationVariables>;
export const LogInWithTypenameDocument = new TypedDocumentString(`
    mutation LogInWithTypename($email: String!, $password: String!) {
  __typename
  logIn(email: $email, password: $password) {
    token
  }
}
    `) as unknown as TypedDocumentString<LogInWithTypenameMutation, LogInWithTypenameMutationVariables>;
export const ViewerIdDocument = new TypedDocumentString(`
    query ViewerId {
  viewer {
    id
  }
}
    `) as unknown as TypedDocumentString<ViewerIdQuery, ViewerIdQueryVariables>;
export const ViewerIdAndEmailDocument = new TypedDocumentString(`
    query ViewerIdAndEmail {
  viewer {
    id
    email
  }
}
    `) as unknown as TypedDocumentString<ViewerIdAndEmailQuery, ViewerIdAndEmailQueryVariables>;
export const ViewerEmailAndIsAdminDocument = new TypedDocumentString(`
    query ViewerEmailAndIsAdmin {
  viewer {
    email
    isAdmin
  }
}
    `) as unknown as TypedDocumentString<ViewerEmailAndIsAdminQuery, ViewerEmailAndIsAdminQueryVariables>;
export const ViewerIsAdminDocument = new TypedDocumentString(`
    query ViewerIsAdmin {
  viewer {
    isAdmin
  }
}
    `) as unknown as TypedDocumentString<ViewerIsAdminQuery, ViewerIsAdminQueryVariables>;
export const UserPrivateFieldsDocument = new TypedDocumentString(`
    query UserPrivateFields($id: ID!) {
  node(id: $id) {
    ... on User {
      email
      memberships {
        role
      }
      displayName
    }
  }
}
    `) as unknown as TypedDocumentString<UserPrivateFieldsQuery, UserPrivateFieldsQueryVariables>;
export const UserEmailDocument = new TypedDocumentString(`
    query UserEmail($id: ID!) {
  node(id: $id) {
    ... on User {
      email
    }
  }
}
    `) as unknown as TypedDocumentString<UserEmailQuery, UserEmailQueryVariables>;
export const StatsEveryFigureDocument = new TypedDocumentString(`
    query StatsEveryFigure($filter: StatsFilter) {
  stats(filter: $filter) {
    requestsPosted
    requestsFilled
    requestsCompleted
    fillRate
    medianTimeToFillSeconds
    volunteersCommitted
    amountPledged
    beneficiaries
    activeAssociations
    byCategory {
      category
      requestsPosted
      requestsCompleted
      beneficiaries
    }
    byTownship {
      township
      requestsPosted
      requestsCompleted
      beneficiaries
    }
    byMonth {
      month
      requestsPosted
      requestsCompleted
      beneficiaries
    }
    topHelpers {
      association {
        name
      }
      requestsPosted
      claimsMade
      volunteersCommitted
      amountPledged
    }
    collaborations {
      helper {
        name
      }
      helped {
        name
      }
      claims
    }
  }
}
    `) as unknown as TypedDocumentString<StatsEveryFigureQuery, StatsEveryFigureQueryVariables>;
export const StatsLimitsDocument = new TypedDocumentString(`
    query StatsLimits {
  stats {
    topHelpers(limit: 1) {
      association {
        name
      }
    }
    collaborations(limit: 2) {
      claims
    }
  }
}
    `) as unknown as TypedDocumentString<StatsLimitsQuery, StatsLimitsQueryVariables>;
export const WithdrawClaimDocument = new TypedDocumentString(`
    mutation WithdrawClaim($id: ID!) {
  withdrawClaim(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<WithdrawClaimMutation, WithdrawClaimMutationVariables>;
export const StatsVolunteerFiguresDocument = new TypedDocumentString(`
    query StatsVolunteerFigures($filter: StatsFilter) {
  stats(filter: $filter) {
    ...VolunteerFigures
    requestsPosted
    byCategory {
      category
      requestsPosted
      volunteerHours
      volunteersServed
      noShowRate
    }
    byTownship {
      township
      requestsPosted
      volunteerHours
      volunteersServed
      noShowRate
    }
    byMonth {
      month
      requestsPosted
      requestsCompleted
      beneficiaries
      volunteerHours
      volunteersServed
      noShowRate
    }
  }
}
    fragment VolunteerFigures on Stats {
  volunteerHours
  volunteersServed
  noShowRate
}`) as unknown as TypedDocumentString<StatsVolunteerFiguresQuery, StatsVolunteerFiguresQueryVariables>;
export const StatsVolunteerSummaryDocument = new TypedDocumentString(`
    query StatsVolunteerSummary($filter: StatsFilter) {
  stats(filter: $filter) {
    ...VolunteerFigures
  }
}
    fragment VolunteerFigures on Stats {
  volunteerHours
  volunteersServed
  noShowRate
}`) as unknown as TypedDocumentString<StatsVolunteerSummaryQuery, StatsVolunteerSummaryQueryVariables>;
export const StatsBreakdownsWithoutVolunteersDocument = new TypedDocumentString(`
    query StatsBreakdownsWithoutVolunteers {
  stats {
    byTownship {
      township
      requestsPosted
    }
    byMonth {
      month
      requestsPosted
    }
  }
}
    `) as unknown as TypedDocumentString<StatsBreakdownsWithoutVolunteersQuery, StatsBreakdownsWithoutVolunteersQueryVariables>;
export const StatsMonthsTwiceDocument = new TypedDocumentString(`
    query StatsMonthsTwice {
  stats {
    plain: byMonth {
      month
    }
    served: byMonth {
      month
      hours: volunteerHours
    }
  }
}
    `) as unknown as TypedDocumentString<StatsMonthsTwiceQuery, StatsMonthsTwiceQueryVariables>;
export const QueryTypenameDocument = new TypedDocumentString(`
    query QueryTypename {
  __typename
}
    `) as unknown as TypedDocumentString<QueryTypenameQuery, QueryTypenameQueryVariables>;
export const UpgradedOpenRequestsDocument = new TypedDocumentString(`
    query UpgradedOpenRequests {
  helpRequests(filter: {statuses: [OPEN]}, first: 50) {
    edges {
      node {
        id
        requester {
          id
        }
        slots {
          id
          remaining
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<UpgradedOpenRequestsQuery, UpgradedOpenRequestsQueryVariables>;
export const UpgradedMembershipsDocument = new TypedDocumentString(`
    query UpgradedMemberships {
  viewer {
    memberships {
      association {
        id
        verified
      }
    }
  }
}
    `) as unknown as TypedDocumentString<UpgradedMembershipsQuery, UpgradedMembershipsQueryVariables>;
export const AddVolunteerDocument = new TypedDocumentString(`
    mutation AddVolunteer($input: AddVolunteerInput!) {
  addVolunteer(input: $input) {
    ...VolunteerFields
  }
}
    fragment VolunteerFields on Volunteer {
  id
  name
  phone
  createdAt
  invitationPending
  association {
    id
  }
  linkedUser {
    id
  }
}`) as unknown as TypedDocumentString<AddVolunteerMutation, AddVolunteerMutationVariables>;
export const AcceptVolunteerInvitationDocument = new TypedDocumentString(`
    mutation AcceptVolunteerInvitation($volunteerId: ID!) {
  acceptVolunteerInvitation(volunteerId: $volunteerId) {
    ...VolunteerFields
  }
}
    fragment VolunteerFields on Volunteer {
  id
  name
  phone
  createdAt
  invitationPending
  association {
    id
  }
  linkedUser {
    id
  }
}`) as unknown as TypedDocumentString<AcceptVolunteerInvitationMutation, AcceptVolunteerInvitationMutationVariables>;
export const DeclineVolunteerInvitationDocument = new TypedDocumentString(`
    mutation DeclineVolunteerInvitation($volunteerId: ID!) {
  declineVolunteerInvitation(volunteerId: $volunteerId) {
    ...VolunteerFields
  }
}
    fragment VolunteerFields on Volunteer {
  id
  name
  phone
  createdAt
  invitationPending
  association {
    id
  }
  linkedUser {
    id
  }
}`) as unknown as TypedDocumentString<DeclineVolunteerInvitationMutation, DeclineVolunteerInvitationMutationVariables>;
export const LeaveRosterDocument = new TypedDocumentString(`
    mutation LeaveRoster($volunteerId: ID!) {
  leaveRoster(volunteerId: $volunteerId) {
    ...VolunteerFields
  }
}
    fragment VolunteerFields on Volunteer {
  id
  name
  phone
  createdAt
  invitationPending
  association {
    id
  }
  linkedUser {
    id
  }
}`) as unknown as TypedDocumentString<LeaveRosterMutation, LeaveRosterMutationVariables>;
export const MyVolunteerInvitationsDocument = new TypedDocumentString(`
    query MyVolunteerInvitations {
  viewer {
    volunteerInvitations {
      id
      name
      phone
      invitationPending
      association {
        id
        name
      }
      linkedUser {
        id
      }
      serviceRecord {
        totalHours
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MyVolunteerInvitationsQuery, MyVolunteerInvitationsQueryVariables>;
export const UserVolunteerInvitationsDocument = new TypedDocumentString(`
    query UserVolunteerInvitations($id: ID!) {
  node(id: $id) {
    __typename
    ... on User {
      volunteerInvitations {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<UserVolunteerInvitationsQuery, UserVolunteerInvitationsQueryVariables>;
export const AssignVolunteersDocument = new TypedDocumentString(`
    mutation AssignVolunteers($input: AssignVolunteersInput!) {
  assignVolunteers(input: $input) {
    ...AssignmentFields
  }
}
    fragment VolunteerFields on Volunteer {
  id
  name
  phone
  createdAt
  invitationPending
  association {
    id
  }
  linkedUser {
    id
  }
}
fragment AssignmentFields on Assignment {
  id
  status
  assignedAt
  endedAt
  endReason
  volunteer {
    ...VolunteerFields
  }
  claim {
    id
    assigned
  }
  slot {
    id
    startsAt
    endsAt
  }
}`) as unknown as TypedDocumentString<AssignVolunteersMutation, AssignVolunteersMutationVariables>;
export const UnassignVolunteerDocument = new TypedDocumentString(`
    mutation UnassignVolunteer($id: ID!, $reason: String) {
  unassignVolunteer(id: $id, reason: $reason) {
    ...AssignmentFields
  }
}
    fragment VolunteerFields on Volunteer {
  id
  name
  phone
  createdAt
  invitationPending
  association {
    id
  }
  linkedUser {
    id
  }
}
fragment AssignmentFields on Assignment {
  id
  status
  assignedAt
  endedAt
  endReason
  volunteer {
    ...VolunteerFields
  }
  claim {
    id
    assigned
  }
  slot {
    id
    startsAt
    endsAt
  }
}`) as unknown as TypedDocumentString<UnassignVolunteerMutation, UnassignVolunteerMutationVariables>;
export const RosterDocument = new TypedDocumentString(`
    query Roster($associationId: ID!, $first: Int, $after: String) {
  association(id: $associationId) {
    volunteers(first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          name
          phone
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RosterQuery, RosterQueryVariables>;
export const VolunteerNodeDocument = new TypedDocumentString(`
    query VolunteerNode($id: ID!) {
  node(id: $id) {
    ... on Volunteer {
      ...VolunteerFields
    }
    ... on Assignment {
      id
      status
    }
  }
}
    fragment VolunteerFields on Volunteer {
  id
  name
  phone
  createdAt
  invitationPending
  association {
    id
  }
  linkedUser {
    id
  }
}`) as unknown as TypedDocumentString<VolunteerNodeQuery, VolunteerNodeQueryVariables>;
export const RequestAssignmentsDocument = new TypedDocumentString(`
    query RequestAssignments($id: ID!) {
  helpRequest(id: $id) {
    version
    slots {
      id
      assignments {
        id
        volunteer {
          id
          name
          phone
          linkedUser {
            id
          }
        }
      }
    }
    claims {
      id
      status
      assigned
      assignments {
        id
        status
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RequestAssignmentsQuery, RequestAssignmentsQueryVariables>;
export const ClaimAssignedDocument = new TypedDocumentString(`
    query ClaimAssigned($id: ID!) {
  node(id: $id) {
    __typename
    ... on Claim {
      status
      assigned
      assignments {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ClaimAssignedQuery, ClaimAssignedQueryVariables>;
export const MyShiftsDocument = new TypedDocumentString(`
    query MyShifts {
  viewer {
    shifts {
      id
      slot {
        startsAt
      }
      volunteer {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MyShiftsQuery, MyShiftsQueryVariables>;
export const UserShiftsDocument = new TypedDocumentString(`
    query UserShifts($id: ID!) {
  node(id: $id) {
    __typename
    ... on User {
      shifts {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<UserShiftsQuery, UserShiftsQueryVariables>;
export const VolunteerEventsDocument = new TypedDocumentString(`
    query VolunteerEvents($filter: RequestEventFilter, $after: String) {
  requestEvents(filter: $filter, after: $after) {
    edges {
      node {
        type
        claim {
          id
        }
        assignment {
          id
          status
          volunteer {
            name
            phone
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<VolunteerEventsQuery, VolunteerEventsQueryVariables>;
export const VolunteerFeedDocument = new TypedDocumentString(`
    subscription VolunteerFeed($filter: RequestEventFilter, $after: String) {
  requestEvents(filter: $filter, after: $after) {
    cursor
    type
    assignment {
      id
      volunteer {
        id
        name
        phone
      }
    }
  }
}
    `) as unknown as TypedDocumentString<VolunteerFeedSubscription, VolunteerFeedSubscriptionVariables>;