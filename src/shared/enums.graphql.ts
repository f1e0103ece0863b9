/**
 * The enums of shared/enums.ts as GraphQL enums, with their descriptions. Kept
 * apart so that services, policies and entities, which use the enums, load no
 * GraphQL library; the schema builder imports this file.
 */
import { registerEnumType } from 'type-graphql';
import {
  AidCategory,
  RequestKind,
  CapacityUnit,
  Urgency,
  RequestStatus,
  ClaimStatus,
  MemberRole,
  RequestEventType,
  AssignmentStatus,
  HelpRequestOrder,
  ClaimHandOffStatus,
} from './enums.js';

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
registerEnumType(CapacityUnit, {
  name: 'CapacityUnit',
  description: "The unit of a request's slot capacities and claim quantities; decided by the request's kind.",
  valuesConfig: {
    PERSON: { description: 'People (volunteers): every kind except FUNDRAISING and SUPPLIES.' },
    YUAN: { description: 'Chinese yuan (CNY) pledged: FUNDRAISING.' },
    ITEM: { description: 'Goods or materials, counted in items: SUPPLIES.' },
  },
});
registerEnumType(Urgency, {
  name: 'Urgency',
  description: 'How soon help is needed, as the requester judges it; the URGENCY order of helpRequests lists CRITICAL first.',
  valuesConfig: {
    LOW: { description: 'Not pressing: helpers may take their time.' },
    NORMAL: { description: 'The usual case; the default when posting.' },
    HIGH: { description: 'Pressing: the requester needs answers soon.' },
    CRITICAL: {
      description:
        "Most pressing: someone's health or safety depends on a quick answer (a critically ill patient without a guard tonight).",
    },
  },
});
registerEnumType(RequestStatus, {
  name: 'RequestStatus',
  description:
    'OPEN: slots have room. FILLED: every slot is full (back to OPEN when a claim ends).\nCOMPLETED, CANCELLED, EXPIRED: closed for good.',
  valuesConfig: {
    OPEN: { description: 'At least one slot has room: it can be claimed.' },
    FILLED: {
      description: 'Every slot is full; back to OPEN (a REOPENED event) when a claim ends. Claims are refused (REQUEST_NOT_OPEN).',
    },
    COMPLETED: {
      description:
        'Closed by the requester as done (completeHelpRequest), with beneficiaries and outcome; its ACTIVE claims became FULFILLED. Final.',
    },
    CANCELLED: {
      description:
        'Closed by the requester as called off (cancelHelpRequest), with cancelReason; its ACTIVE claims became DECLINED. Final.',
    },
    EXPIRED: { description: 'Closed by the server: it was OPEN with no ACTIVE claim when its endsAt passed. Final.' },
  },
});
registerEnumType(ClaimStatus, {
  name: 'ClaimStatus',
  description:
    'ACTIVE counts against capacity. WITHDRAWN by the claimant (or handed off to another association: endReason HANDED_OFF), DECLINED by the requester, FULFILLED at completion.',
  valuesConfig: {
    ACTIVE: { description: "Holds its quantity of the slot's capacity; the claimant may withdraw it, the requester decline it." },
    WITHDRAWN: {
      description:
        'Ended by the claimant (withdrawClaim, endReason its reason), or handed off to another association (endReason HANDED_OFF, handedTo its claim).',
    },
    DECLINED: { description: 'Ended by the requester (declineClaim, endReason its reason), or by the request being cancelled.' },
    FULFILLED: {
      description: 'The request was completed while the claim was ACTIVE: the help was given. Counts against capacity and in the stats.',
    },
  },
});
registerEnumType(MemberRole, {
  name: 'MemberRole',
  description: "A member's role in an association: what they may do for it.",
  valuesConfig: {
    OWNER: {
      description:
        "Runs the association: everything a COORDINATOR may do, plus adding OWNERs, creating and revoking API keys, and reading volunteers' service records. Its creator is its first OWNER.",
    },
    COORDINATOR: {
      description:
        'Does its daily work: posts and manages its requests, claims, assigns volunteers, records attendance, adds members (not OWNERs).',
    },
    MEMBER: { description: 'Belongs to it: sees its members and the contact of its requests, but acts for it in nothing.' },
  },
});
registerEnumType(RequestEventType, {
  name: 'RequestEventType',
  description:
    'What happened. The first ten are the original types, the only ones delivered to a filter without `types`; the others are delivered only when asked for in `RequestEventFilter.types`.',
  valuesConfig: {
    POSTED: { description: 'The request was posted (postHelpRequest).' },
    UPDATED: { description: 'Its title, description, township, address, contact, urgency or times changed (updateHelpRequest).' },
    CLAIMED: { description: 'An association claimed part of a slot (`claim`).' },
    CLAIM_WITHDRAWN: { description: 'The claimant withdrew its claim (`claim`).' },
    CLAIM_DECLINED: { description: 'The requester declined a claim (`claim`).' },
    FILLED: { description: 'Every slot became full; follows the CLAIMED that caused it.' },
    REOPENED: { description: 'A FILLED request has room again; follows the CLAIM_WITHDRAWN or CLAIM_DECLINED that caused it.' },
    COMPLETED: {
      description:
        'The requester completed the request (beneficiaries, outcome); its ACTIVE claims became FULFILLED. One event, whatever the claims.',
    },
    CANCELLED: { description: 'The requester cancelled the request; its ACTIVE claims became DECLINED. One event, whatever the claims.' },
    EXPIRED: { description: 'The server closed the request: it was OPEN with no ACTIVE claim when its endsAt passed (actor null).' },
    VOLUNTEER_ASSIGNED: {
      description: "A volunteer was assigned to a place of a claim (`assignment`). Does not change the request's version.",
    },
    VOLUNTEER_UNASSIGNED: {
      description:
        "An assignment was ended by unassignVolunteer (`assignment`). Does not change the request's version. Assignments ended with their claim have no event of their own: the claim's event says it.",
    },
    ATTENDANCE_RECORDED: {
      description:
        "The requesting association recorded or corrected a volunteer's attendance (`assignment`: arrivedAt, leftAt, absent, hoursServed). Does not change the request's version.",
    },
    HANDOFF_OFFERED: {
      description:
        "A claim was offered to another association (`handOff`; `claim` is the claim offered). From this event on, that association is among the request's involved associations.",
    },
    HANDOFF_ACCEPTED: {
      description:
        "The receiver accepted (`handOff`, whose newClaim is its ACTIVE claim; `claim` is the claim given, now WITHDRAWN with endReason HANDED_OFF). The request's claimed, remaining and status do not change.",
    },
    HANDOFF_DECLINED: { description: 'The receiver declined the offer (`handOff`, with its reason).' },
    HANDOFF_LAPSED: {
      description:
        'An offer ended undecided (`handOff`): its slot started, the request closed (after COMPLETED or CANCELLED: status LAPSED), or the claim offered ended (after CLAIM_WITHDRAWN or CLAIM_DECLINED: status WITHDRAWN).',
    },
  },
});
registerEnumType(AssignmentStatus, {
  name: 'AssignmentStatus',
  description:
    "ACTIVE: the volunteer holds one of the claim's places on the shift. ENDED: unassigned, or its claim was withdrawn, declined or cancelled.",
  valuesConfig: {
    ACTIVE: { description: "The volunteer holds one of the claim's places on the shift." },
    ENDED: {
      description:
        'Unassigned (endReason the reason given), ended with its claim (CLAIM_ENDED), or ended by the completion of its request before its shift started (REQUEST_COMPLETED).',
    },
  },
});
registerEnumType(HelpRequestOrder, {
  name: 'HelpRequestOrder',
  description: 'The order of Query.helpRequests.',
  valuesConfig: {
    NEWEST: { description: 'Most recently posted first (postedAt, then id, descending). The default.' },
    URGENCY: { description: 'CRITICAL, HIGH, NORMAL, LOW; within each, most recently posted first.' },
    STARTS_SOON: { description: 'Earliest startsAt first, requests without a start last; then id.' },
  },
});
registerEnumType(ClaimHandOffStatus, {
  name: 'ClaimHandOffStatus',
  description: 'Where a hand-off of a claim stands.',
  valuesConfig: {
    OFFERED: { description: 'Waiting for the receiving association to accept or decline.' },
    ACCEPTED: { description: 'The receiver holds the claim now (`newClaim`); the claim given is WITHDRAWN with endReason HANDED_OFF.' },
    DECLINED: { description: 'The receiver declined (`reason`).' },
    LAPSED: { description: 'Undecided when its slot started or its request was completed or cancelled.' },
    WITHDRAWN: { description: 'Undecided when the claim offered ended (withdrawn by its holder or declined by the requester).' },
  },
});
