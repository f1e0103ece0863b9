/**
 * Help requests: post, update, cancel, complete (api.md "Help requests").
 * Checks run in api.md's order: input shape, existence, permission, idempotent
 * replay, then state inside the request's locked transaction.
 */
import type { Db } from '../../db/handle.js';
import type { Em } from '../../db/query.js';
import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { BOUNDS } from '../../shared/cost.js';
import { CapacityUnit, ClaimStatus, RequestEventType, RequestKind, RequestStatus, Urgency, type AidCategory } from '../../shared/enums.js';
import { DomainError, badInput, forbidden, notFound } from '../../shared/errors.js';
import { keyOf } from '../../shared/global-id.js';
import { LIMITS, foldText, intInRange, optionalText, requiredText } from '../../shared/input.js';
import { actingAssociation } from '../associations/standing.service.js';
import { appendEvents } from '../event-log/event-log.service.js';
import { query } from '../tables.js';
import { lapseOffersOfRequest } from './claim-handoff.service.js';
import { HelpRequest, Slot } from './help-request.entity.js';
import { requestById } from './help-request.loaders.js';
import type { HelpRequestRow } from './help-request.rows.js';
import { idempotencyKey, idempotent, takeKey } from './idempotency.service.js';
import { expandRecurrence, type RecurrenceFields } from './recurrence.js';
import { inRequestTransaction, requireOpenOrFilled } from './request-lock.service.js';

export const MAX_SLOTS = BOUNDS.slots;
export const MAX_CAPACITY = 1_000_000;

/** The kind decides the unit (api.md). */
export function unitOf(kind: RequestKind): CapacityUnit {
  if (kind === RequestKind.FUNDRAISING) return CapacityUnit.YUAN;
  if (kind === RequestKind.SUPPLIES) return CapacityUnit.ITEM;
  return CapacityUnit.PERSON;
}

export interface SlotFields {
  label?: string | null;
  startsAt?: Date | null;
  endsAt?: Date | null;
  capacity: number;
}

export interface PostFields {
  associationId: string;
  kind: RequestKind;
  category: AidCategory;
  title: string;
  description: string;
  township?: string | null;
  address?: string | null;
  contact?: string | null;
  urgency?: Urgency | null;
  startsAt?: Date | null;
  endsAt?: Date | null;
  slots: SlotFields[];
  /** Shifts expanded into slots after `slots` (recurrence.ts). */
  recurrence?: RecurrenceFields | null;
  idempotencyKey?: string | null;
}

function checkTimes(startsAt: Date | null, endsAt: Date | null, field: string): void {
  if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime()) throw badInput(field, `${field} must be after startsAt`);
}

function checkSlots(kind: RequestKind, slots: SlotFields[], recurrence: RecurrenceFields | null) {
  if (recurrence && kind === RequestKind.FUNDRAISING) {
    throw badInput('recurrence', 'A FUNDRAISING request has exactly one slot: it takes no recurrence');
  }
  // With a recurrence the explicit slots may be empty; the total is checked against its shifts before they are expanded.
  if (slots.length > MAX_SLOTS || (slots.length < 1 && !recurrence)) throw badInput('slots', `A request has 1 to ${MAX_SLOTS} slots`);
  if (kind === RequestKind.FUNDRAISING && slots.length !== 1) {
    throw badInput('slots', 'A FUNDRAISING request has exactly one slot, whose capacity is the target in yuan');
  }
  const explicit = slots.map((slot, i) => {
    const field = `slots.${i}`;
    const checked = {
      label: optionalText(slot.label, `${field}.label`, LIMITS.short),
      startsAt: slot.startsAt ?? null,
      endsAt: slot.endsAt ?? null,
      capacity: intInRange(slot.capacity, `${field}.capacity`, 1, MAX_CAPACITY),
    };
    checkTimes(checked.startsAt, checked.endsAt, `${field}.endsAt`);
    return checked;
  });
  if (!recurrence) return explicit;
  return [
    ...explicit,
    ...underRecurrence(() => expandRecurrence(recurrence, { room: MAX_SLOTS - explicit.length, maxCapacity: MAX_CAPACITY })),
  ];
}

/** The recurrence's refusals name their field under `recurrence.`. */
function underRecurrence<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw error instanceof DomainError ? error.under('recurrence') : error;
  }
}

const earliest = (dates: (Date | null)[]) => dates.reduce<Date | null>((min, d) => (d && (!min || d < min) ? d : min), null);
const latest = (dates: (Date | null)[]) => dates.reduce<Date | null>((max, d) => (d && (!max || d > max) ? d : max), null);

/** Input shape alone (no database): every refusal names its field. */
function checkPost(input: PostFields) {
  const slots = checkSlots(input.kind, input.slots, input.recurrence ?? null);
  const startsAt = input.startsAt ?? earliest(slots.map((s) => s.startsAt));
  const endsAt = input.endsAt ?? latest(slots.map((s) => s.endsAt));
  checkTimes(startsAt, endsAt, 'endsAt');
  return {
    kind: input.kind,
    category: input.category,
    unit: unitOf(input.kind),
    title: requiredText(input.title, 'title', LIMITS.title),
    description: requiredText(input.description, 'description', LIMITS.description),
    township: optionalText(input.township, 'township', LIMITS.short),
    address: optionalText(input.address, 'address', LIMITS.short),
    contact: optionalText(input.contact, 'contact', LIMITS.short),
    urgency: input.urgency ?? Urgency.NORMAL,
    startsAt,
    endsAt,
    slots,
  };
}

/** Returns the id of the posted request (or of the first one, on an idempotent replay). */
export async function postHelpRequest(db: Db, actor: Actor, input: PostFields, clock: Clock): Promise<string> {
  const associationKey = keyOf(input.associationId, 'Association', 'associationId');
  const fields = checkPost(input);
  const key = idempotencyKey(input.idempotencyKey, associationKey ?? '', 'postHelpRequest', fields);
  const association = await actingAssociation(db, actor, associationKey, 'post for it');
  if (!association.verified) throw forbidden('Only verified associations can post help requests');

  return idempotent(db.em, key, () =>
    db.em.fork().transactional(async (em) => {
      const { slots, ...request } = fields;
      const created = em.create(HelpRequest, {
        ...request,
        requesterId: association.id,
        township: request.township ?? association.township,
        searchText: foldText(request.title, request.description),
        capacity: slots.reduce((sum, slot) => sum + slot.capacity, 0),
        postedAt: clock(),
      });
      if (key) await takeKey(em, key, created.id, clock);
      await em.flush();
      slots.forEach((slot, position) => em.create(Slot, { ...slot, requestId: created.id, position }));
      await em.flush();
      await appendEvents(em, created.id, [{ type: RequestEventType.POSTED, actorId: association.id }], clock);
      return created.id;
    }),
  );
}

/** The request a mutation names (path `id`): undecodable is BAD_USER_INPUT, unknown NOT_FOUND, then the requester's permission. */
async function requestForRequester(db: Db, actor: Actor, id: string, verb: string): Promise<HelpRequestRow> {
  const key = keyOf(id, 'HelpRequest', 'id');
  const request = key ? await requestById(db).load(key) : null;
  if (!request) throw notFound('Help request');
  await actingAssociation(db, actor, request.requesterId, verb);
  return request;
}

/** The editable fields; for updates each may be omitted, and null clears the optional ones. */
type Editable = 'title' | 'description' | 'township' | 'address' | 'contact' | 'urgency' | 'startsAt' | 'endsAt';
export type UpdateFields = { [K in Editable]?: PostFields[K] | null };

/** updateHelpRequest's arguments as the API names them: paths are `id`, `expectedVersion` and `input.<field>`. */
export interface UpdateHelpRequestArgs {
  id: string;
  expectedVersion: number;
  input: UpdateFields;
}

/** The changes asked for, checked for shape (paths under `input.`). */
function checkChanges(input: UpdateFields): Partial<Pick<HelpRequest, Editable>> {
  const changes: Partial<Pick<HelpRequest, Editable>> = {};
  if (input.title !== undefined) changes.title = requiredText(input.title, 'input.title', LIMITS.title);
  if (input.description !== undefined) changes.description = requiredText(input.description, 'input.description', LIMITS.description);
  if (input.urgency !== undefined) {
    if (input.urgency === null) throw badInput('input.urgency', 'input.urgency cannot be null');
    changes.urgency = input.urgency;
  }
  for (const field of ['township', 'address', 'contact'] as const) {
    if (input[field] !== undefined) changes[field] = optionalText(input[field], `input.${field}`, LIMITS.short);
  }
  if (input.startsAt !== undefined) changes.startsAt = input.startsAt;
  if (input.endsAt !== undefined) changes.endsAt = input.endsAt;
  return changes;
}

/** Omitted fields unchanged, explicit null clears the optional ones; no change, no version and no event. */
export async function updateHelpRequest(db: Db, actor: Actor, args: UpdateHelpRequestArgs, clock: Clock): Promise<string> {
  const { expectedVersion } = args;
  const changes = checkChanges(args.input);
  // Times given together are shape (api.md order of checks, step 2); a time given
  // alone is checked against the stored other one, inside the transaction.
  checkTimes(changes.startsAt ?? null, changes.endsAt ?? null, 'input.endsAt');
  if (!Number.isInteger(expectedVersion) || expectedVersion < 1)
    throw badInput('expectedVersion', 'expectedVersion must be a positive integer');
  const existing = await requestForRequester(db, actor, args.id, 'update its requests');

  await inRequestTransaction(db.em, existing.id, clock, async ({ request, emit }) => {
    requireOpenOrFilled(request);
    if (request.version !== expectedVersion) {
      throw new DomainError('VERSION_CONFLICT', `The request is at version ${request.version}, not ${expectedVersion}`);
    }
    const startsAt = changes.startsAt !== undefined ? changes.startsAt : request.startsAt;
    const endsAt = changes.endsAt !== undefined ? changes.endsAt : request.endsAt;
    checkTimes(startsAt, endsAt, 'input.endsAt');
    const changed = EDITABLE.filter((field) => changes[field] !== undefined && !sameValue(request[field], changes[field]));
    if (changed.length === 0) return;
    for (const field of changed) Object.assign(request, { [field]: changes[field] });
    request.searchText = foldText(request.title, request.description);
    emit({ type: RequestEventType.UPDATED, actorId: request.requesterId });
  });
  return existing.id;
}

const EDITABLE: readonly Editable[] = ['title', 'description', 'township', 'address', 'contact', 'urgency', 'startsAt', 'endsAt'];

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  return a === b;
}

/** cancelHelpRequest's arguments (paths `id`, `reason`). */
export interface CancelHelpRequestInput {
  id: string;
  reason?: string | null;
}

/** Closes the request; its ACTIVE claims become DECLINED, with the reason kept. One CANCELLED event (then HANDOFF_LAPSED for offered hand-offs). */
export async function cancelHelpRequest(db: Db, actor: Actor, input: CancelHelpRequestInput, clock: Clock): Promise<string> {
  const reason = optionalText(input.reason, 'reason', LIMITS.short);
  const existing = await requestForRequester(db, actor, input.id, 'cancel its requests');
  await inRequestTransaction(db.em, existing.id, clock, async ({ em, request, emit }) => {
    requireOpenOrFilled(request);
    const closedAt = clock();
    await endActiveClaims(em, request.id, ClaimStatus.DECLINED, reason, closedAt);
    // Nothing was FULFILLED before closing: every slot is empty again.
    await query(em).updateTable('slot').set({ claimed: 0 }).where('requestId', '=', request.id).execute();
    Object.assign(request, { status: RequestStatus.CANCELLED, closedAt, cancelReason: reason, claimed: 0, activeClaims: 0 });
    emit({ type: RequestEventType.CANCELLED, actorId: request.requesterId });
    await lapseOffersOfRequest(em, request.id, closedAt, request.requesterId, emit);
  });
  return existing.id;
}

/** completeHelpRequest's arguments (paths `id`, `beneficiaries`, `outcome`). */
export interface CompleteHelpRequestInput {
  id: string;
  beneficiaries: number;
  outcome?: string | null;
}

/** Closes the request; its ACTIVE claims become FULFILLED. One COMPLETED event (then HANDOFF_LAPSED for offered hand-offs). */
export async function completeHelpRequest(db: Db, actor: Actor, input: CompleteHelpRequestInput, clock: Clock): Promise<string> {
  const served = intInRange(input.beneficiaries, 'beneficiaries', 0, 1_000_000);
  const outcome = optionalText(input.outcome, 'outcome', LIMITS.outcome);
  const existing = await requestForRequester(db, actor, input.id, 'complete its requests');
  await inRequestTransaction(db.em, existing.id, clock, async ({ em, request, emit }) => {
    requireOpenOrFilled(request);
    const closedAt = clock();
    await endActiveClaims(em, request.id, ClaimStatus.FULFILLED, null, closedAt);
    Object.assign(request, { status: RequestStatus.COMPLETED, closedAt, beneficiaries: served, outcome, activeClaims: 0 });
    emit({ type: RequestEventType.COMPLETED, actorId: request.requesterId });
    await lapseOffersOfRequest(em, request.id, closedAt, request.requesterId, emit);
  });
  return existing.id;
}

async function endActiveClaims(
  em: Em,
  requestId: string,
  status: ClaimStatus.DECLINED | ClaimStatus.FULFILLED,
  reason: string | null,
  endedAt: Date,
): Promise<void> {
  await query(em)
    .updateTable('claim')
    .set({ status, endedAt, endReason: reason })
    .where('requestId', '=', requestId)
    .where('status', '=', ClaimStatus.ACTIVE)
    .execute();
}
