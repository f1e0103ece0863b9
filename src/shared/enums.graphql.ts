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
registerEnumType(CapacityUnit, { name: 'CapacityUnit' });
registerEnumType(Urgency, { name: 'Urgency' });
registerEnumType(RequestStatus, {
  name: 'RequestStatus',
  description:
    'OPEN: slots have room. FILLED: every slot is full (back to OPEN when a claim ends).\nCOMPLETED, CANCELLED, EXPIRED: closed for good.',
});
registerEnumType(ClaimStatus, {
  name: 'ClaimStatus',
  description:
    'ACTIVE counts against capacity. WITHDRAWN by the claimant (or handed off to another association: endReason HANDED_OFF), DECLINED by the requester, FULFILLED at completion.',
});
registerEnumType(MemberRole, { name: 'MemberRole' });
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
});
registerEnumType(HelpRequestOrder, { name: 'HelpRequestOrder' });
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
