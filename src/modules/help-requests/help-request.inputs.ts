import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { AidCategory, RequestKind, RequestStatus, Urgency } from '../../shared/enums.js';
import { LocalDateScalar, LocalTimeScalar, TimeZoneScalar } from '../../shared/local-time.scalars.js';
import { RecurrenceFrequency, Weekday } from './recurrence.js';

registerEnumType(RecurrenceFrequency, {
  name: 'RecurrenceFrequency',
  description: 'How often a recurrence repeats (RFC 5545 FREQ).',
  valuesConfig: {
    DAILY: { description: 'Every `interval` days.' },
    WEEKLY: { description: 'On the `weekdays` of every `interval`-th week; weeks start on Monday (RFC 5545 WKST=MO).' },
  },
});

registerEnumType(Weekday, {
  name: 'Weekday',
  description: 'A day of the week, with the RFC 5545 BYDAY codes.',
  valuesConfig: {
    MO: { description: 'Monday 周一' },
    TU: { description: 'Tuesday 周二' },
    WE: { description: 'Wednesday 周三' },
    TH: { description: 'Thursday 周四' },
    FR: { description: 'Friday 周五' },
    SA: { description: 'Saturday 周六' },
    SU: { description: 'Sunday 周日' },
  },
});

@InputType('RecurrenceInput', {
  description: [
    'Shifts that repeat, with RFC 5545 (iCalendar RRULE) semantics, expanded into dated slots when the request is posted: each date the rule yields becomes one slot from `startTime` to `endTime`, local time in `timeZone`, labelled like `12月3日 周三 20:00-08:00`.',
    'Local times follow RFC 5545 section 3.3.5: a time the clocks skip (spring forward) is read with the UTC offset before the gap, so it moves forward by the gap (02:30 becomes 03:30); a time that occurs twice (fall back) is the first, earlier one.',
    'Bounds, checked before anything is expanded (BAD_USER_INPUT naming the field, e.g. `input.recurrence.count`; nothing written): exactly one of `count` and `until`; `count` 1-100; at most 366 days from `startDate` to the date of the last shift; explicit slots and shifts together at most 100.',
  ].join('\n\n'),
})
export class RecurrenceInput {
  @Field(() => RecurrenceFrequency, { description: 'RFC 5545 FREQ: DAILY or WEEKLY.' })
  frequency!: RecurrenceFrequency;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 1,
    description: 'RFC 5545 INTERVAL: every `interval` days (DAILY) or weeks (WEEKLY), 1-52; null means 1.',
  })
  interval?: number | null;

  @Field(() => [Weekday], {
    nullable: true,
    description:
      "RFC 5545 BYDAY, WEEKLY only (with DAILY: BAD_USER_INPUT): the days of each week; defaults to startDate's weekday. Not empty; repeats count once.",
  })
  weekdays?: Weekday[] | null;

  @Field(() => LocalDateScalar, {
    description:
      "RFC 5545 DTSTART, a date: the first date considered, in timeZone. It is itself a shift only when it matches the rule (a WEEKLY rule's weekdays).",
  })
  startDate!: string;

  @Field(() => Int, { nullable: true, description: 'RFC 5545 COUNT: how many shifts, 1-100. Exactly one of count and until.' })
  count?: number | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      'RFC 5545 UNTIL, a date: the last date a shift may start on, inclusive; not before startDate, at most 366 days after it. Exactly one of count and until.',
  })
  until?: string | null;

  @Field(() => TimeZoneScalar, {
    description: 'The IANA time zone of the dates and times, e.g. `Asia/Shanghai` (RFC 5545 TZID); an unknown zone is BAD_USER_INPUT.',
  })
  timeZone!: string;

  @Field(() => LocalTimeScalar, { description: 'When each shift starts, local wall time in timeZone.' })
  startTime!: string;

  @Field(() => LocalTimeScalar, {
    description:
      'When each shift ends, local wall time in timeZone; not after startTime (e.g. 20:00 to 08:00, or equal for 24 hours) means the next day.',
  })
  endTime!: string;

  @Field(() => Int, { description: "Each shift's capacity (places per shift), 1-1,000,000, in the request's unit." })
  capacity!: number;

  @Field(() => String, {
    nullable: true,
    description: "Up to 100 characters put before each shift's label: `夜班` gives `夜班 12月3日 周三 20:00-08:00`.",
  })
  label?: string | null;
}

@InputType('SlotInput')
export class SlotInput {
  @Field(() => String, { nullable: true })
  label?: string | null;

  @Field(() => Date, { nullable: true })
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true })
  endsAt?: Date | null;

  @Field(() => Int)
  capacity!: number;
}

@InputType('PostHelpRequestInput')
export class PostHelpRequestInput {
  @Field(() => ID, { description: 'The association posting; the caller must be its OWNER or COORDINATOR, or hold its API key.' })
  associationId!: string;

  @Field(() => RequestKind)
  kind!: RequestKind;

  @Field(() => AidCategory)
  category!: AidCategory;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  description!: string;

  @Field(() => String, { nullable: true, description: "Defaults to the requester's township." })
  township?: string | null;

  @Field(() => String, { nullable: true, description: 'Public: put private details (patient, ward, family) in contact, never here.' })
  address?: string | null;

  @Field(() => String, { nullable: true })
  contact?: string | null;

  @Field(() => Urgency, { nullable: true, defaultValue: Urgency.NORMAL })
  urgency?: Urgency | null;

  @Field(() => Date, { nullable: true })
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true })
  endsAt?: Date | null;

  @Field(() => [SlotInput], {
    description:
      'At least one slot; for FUNDRAISING exactly one, whose capacity is the target in yuan. May be empty when recurrence is given: its shifts follow these slots, and all together are 1-100.',
  })
  slots!: SlotInput[];

  @Field(() => RecurrenceInput, {
    nullable: true,
    description:
      'Repeating shifts, expanded into dated slots appended after `slots` in date order. Not for FUNDRAISING (BAD_USER_INPUT). startsAt and endsAt default to the earliest and latest slot times, as for explicit slots.',
  })
  recurrence?: RecurrenceInput | null;

  @Field(() => String, {
    nullable: true,
    description: 'A retry with the same key from the same association returns the first result and changes nothing.',
  })
  idempotencyKey?: string | null;
}

/** Omitted fields stay unchanged; an explicit null clears the optional ones. */
@InputType('UpdateHelpRequestInput')
export class UpdateHelpRequestInput {
  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  township?: string | null;

  @Field(() => String, { nullable: true })
  address?: string | null;

  @Field(() => String, { nullable: true })
  contact?: string | null;

  @Field(() => Urgency, { nullable: true })
  urgency?: Urgency | null;

  @Field(() => Date, { nullable: true })
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true })
  endsAt?: Date | null;
}

@InputType('HelpRequestFilter')
export class HelpRequestFilter {
  @Field(() => [RequestStatus], { nullable: true })
  statuses?: RequestStatus[] | null;

  @Field(() => [RequestKind], { nullable: true })
  kinds?: RequestKind[] | null;

  @Field(() => [AidCategory], { nullable: true })
  categories?: AidCategory[] | null;

  @Field(() => [String], { nullable: true })
  townships?: string[] | null;

  @Field(() => ID, { nullable: true })
  requesterId?: string | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive match in title or description.' })
  text?: string | null;
}

@InputType('ClaimInput')
export class ClaimInput {
  @Field(() => ID)
  slotId!: string;

  @Field(() => ID, { description: 'The association claiming; never the requester itself.' })
  associationId!: string;

  @Field(() => Int)
  quantity!: number;

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'A retry with the same key from the same association returns the first result and changes nothing.',
  })
  idempotencyKey?: string | null;
}
