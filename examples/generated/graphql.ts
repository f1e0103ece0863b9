/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
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

/** The unit of a request's slot capacities and claim quantities; decided by the request's kind. */
export type CapacityUnit =
  /** Goods or materials, counted in items: SUPPLIES. */
  | 'ITEM'
  /** People (volunteers): every kind except FUNDRAISING and SUPPLIES. */
  | 'PERSON'
  /** Chinese yuan (CNY) pledged: FUNDRAISING. */
  | 'YUAN';

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

export type HelpRequestFilter = {
  categories?: Array<AidCategory> | null | undefined;
  kinds?: Array<RequestKind> | null | undefined;
  requesterId?: string | number | null | undefined;
  statuses?: Array<RequestStatus> | null | undefined;
  /** Case-insensitive match in title or description. */
  text?: string | null | undefined;
  townships?: Array<string> | null | undefined;
};

/** A member's role in an association: what they may do for it. */
export type MemberRole =
  /** Does its daily work: posts and manages its requests, claims, assigns volunteers, records attendance, adds members (not OWNERs). */
  | 'COORDINATOR'
  /** Belongs to it: sees its members and the contact of its requests, but acts for it in nothing. */
  | 'MEMBER'
  /** Runs the association: everything a COORDINATOR may do, plus adding OWNERs, creating and revoking API keys, and reading volunteers' service records. Its creator is its first OWNER. */
  | 'OWNER';

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


export const IssueApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IssueApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"associationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"associationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"associationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<IssueApiKeyMutation, IssueApiKeyMutationVariables>;
export const CurrentApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CurrentApiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currentApiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"association"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<CurrentApiKeyQuery, CurrentApiKeyQueryVariables>;
export const AssociationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Associations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"associations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"township"}},{"kind":"Field","name":{"kind":"Name","value":"verified"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AssociationsQuery, AssociationsQueryVariables>;
export const ClaimDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Claim"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ClaimInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"claim"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}}]}}]}}]} as unknown as DocumentNode<ClaimMutation, ClaimMutationVariables>;
export const WithdrawDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Withdraw"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawClaim"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"endReason"}}]}}]}}]} as unknown as DocumentNode<WithdrawMutation, WithdrawMutationVariables>;
export const RequestEventsHeadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RequestEventsHead"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestEventsHead"}}]}}]} as unknown as DocumentNode<RequestEventsHeadQuery, RequestEventsHeadQueryVariables>;
export const OpenHelpRequestsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OpenHelpRequests"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"helpRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"statuses"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"OPEN"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OpenHelpRequestsQuery, OpenHelpRequestsQueryVariables>;
export const LiveRequestEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"LiveRequestEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}}]}}]}}]} as unknown as DocumentNode<LiveRequestEventsSubscription, LiveRequestEventsSubscriptionVariables>;
export const OpenRequestsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OpenRequests"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"HelpRequestFilter"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"helpRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"EnumValue","value":"STARTS_SOON"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"requester"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OpenRequestsQuery, OpenRequestsQueryVariables>;
export const RequestFeedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"RequestFeed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestEventFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"claim"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"association"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slot"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}},{"kind":"Field","name":{"kind":"Name","value":"requester"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RequestFeedSubscription, RequestFeedSubscriptionVariables>;
export const PostRotaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PostRota"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PostHelpRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"postHelpRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"}},{"kind":"Field","name":{"kind":"Name","value":"slots"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"}}]}}]}}]}}]} as unknown as DocumentNode<PostRotaMutation, PostRotaMutationVariables>;
export const RotaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Rota"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"helpRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}},{"kind":"Field","name":{"kind":"Name","value":"requester"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slots"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}},{"kind":"Field","name":{"kind":"Name","value":"claims"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"ACTIVE"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"association"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"arrivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"leftAt"}},{"kind":"Field","name":{"kind":"Name","value":"absent"}},{"kind":"Field","name":{"kind":"Name","value":"hoursServed"}},{"kind":"Field","name":{"kind":"Name","value":"volunteer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<RotaQuery, RotaQueryVariables>;
export const SignUpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignUpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<SignUpMutation, SignUpMutationVariables>;
export const LogInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LogIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}}]}}]}}]} as unknown as DocumentNode<LogInMutation, LogInMutationVariables>;
export const MyAssociationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyAssociations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"memberships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"association"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyAssociationsQuery, MyAssociationsQueryVariables>;
export const CountyStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CountyStats"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestsPosted"}},{"kind":"Field","name":{"kind":"Name","value":"requestsFilled"}},{"kind":"Field","name":{"kind":"Name","value":"requestsCompleted"}},{"kind":"Field","name":{"kind":"Name","value":"fillRate"}},{"kind":"Field","name":{"kind":"Name","value":"medianTimeToFillSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"volunteersCommitted"}},{"kind":"Field","name":{"kind":"Name","value":"amountPledged"}},{"kind":"Field","name":{"kind":"Name","value":"beneficiaries"}},{"kind":"Field","name":{"kind":"Name","value":"activeAssociations"}},{"kind":"Field","name":{"kind":"Name","value":"volunteerHours"}},{"kind":"Field","name":{"kind":"Name","value":"volunteersServed"}},{"kind":"Field","name":{"kind":"Name","value":"noShowRate"}},{"kind":"Field","name":{"kind":"Name","value":"byCategory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"requestsPosted"}},{"kind":"Field","name":{"kind":"Name","value":"requestsCompleted"}},{"kind":"Field","name":{"kind":"Name","value":"beneficiaries"}},{"kind":"Field","name":{"kind":"Name","value":"volunteerHours"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byTownship"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"township"}},{"kind":"Field","name":{"kind":"Name","value":"requestsPosted"}},{"kind":"Field","name":{"kind":"Name","value":"requestsCompleted"}},{"kind":"Field","name":{"kind":"Name","value":"beneficiaries"}},{"kind":"Field","name":{"kind":"Name","value":"volunteerHours"}}]}},{"kind":"Field","name":{"kind":"Name","value":"topHelpers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"association"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"claimsMade"}},{"kind":"Field","name":{"kind":"Name","value":"volunteersCommitted"}},{"kind":"Field","name":{"kind":"Name","value":"amountPledged"}}]}}]}}]}}]} as unknown as DocumentNode<CountyStatsQuery, CountyStatsQueryVariables>;
export const AssociationRosterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AssociationRoster"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"association"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"volunteers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<AssociationRosterQuery, AssociationRosterQueryVariables>;
export const AddToRosterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddToRoster"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddVolunteerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addVolunteer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<AddToRosterMutation, AddToRosterMutationVariables>;
export const AssignToShiftDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AssignToShift"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AssignVolunteersInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignVolunteers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"volunteer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<AssignToShiftMutation, AssignToShiftMutationVariables>;
export const RecordShiftAttendanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordShiftAttendance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordAttendanceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordAttendance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"arrivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"leftAt"}},{"kind":"Field","name":{"kind":"Name","value":"absent"}},{"kind":"Field","name":{"kind":"Name","value":"hoursServed"}},{"kind":"Field","name":{"kind":"Name","value":"volunteer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<RecordShiftAttendanceMutation, RecordShiftAttendanceMutationVariables>;