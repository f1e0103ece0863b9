/**
 * Help requests: post, update, cancel, complete (api.md "Help requests").
 * Checks run in api.md's order: input shape, existence, permission, idempotent
 * replay, then state inside the request's locked transaction.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context.js';
import { AppError, badInput, forbidden, notFound } from '../../server/errors.js';
import { CapacityUnit, RequestEventType, RequestKind, RequestStatus, Urgency, type AidCategory } from '../../shared/enums.js';
import { keyOf } from '../../shared/global-id.js';
import { LIMITS, foldText, intInRange, optionalText, requiredText } from '../../shared/input.js';
import { row } from '../../db/sql.js';
import { associationById, standingIn } from '../associations/association.loaders.js';
import { mayActFor } from '../associations/association.policy.js';
import type { AssociationRow } from '../associations/association.rows.js';
import { appendEvents } from '../events/event-log.service.js';
import { HelpRequest, Slot } from './help-request.entity.js';
import { requestById } from './help-request.loaders.js';
import type { HelpRequestRow } from './help-request.rows.js';
import { idempotencyKey, idempotent, takeKey } from './idempotency.service.js';
import { inRequestTransaction, requireOpenOrFilled } from './request-lock.service.js';
import { BOUNDS } from '../../shared/cost.js';

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
  idempotencyKey?: string | null;
}

function checkTimes(startsAt: Date | null, endsAt: Date | null, field: string): void {
  if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime()) throw badInput(field, `${field} must be after startsAt`);
}

function checkSlots(kind: RequestKind, slots: SlotFields[]) {
  if (slots.length < 1 || slots.length > MAX_SLOTS) throw badInput('input.slots', `A request has 1 to ${MAX_SLOTS} slots`);
  if (kind === RequestKind.FUNDRAISING && slots.length !== 1) {
    throw badInput('input.slots', 'A FUNDRAISING request has exactly one slot, whose capacity is the target in yuan');
  }
  return slots.map((slot, i) => {
    const field = `input.slots.${i}`;
    const checked = {
      label: optionalText(slot.label, `${field}.label`, LIMITS.short),
      startsAt: slot.startsAt ?? null,
      endsAt: slot.endsAt ?? null,
      capacity: intInRange(slot.capacity, `${field}.capacity`, 1, MAX_CAPACITY),
    };
    checkTimes(checked.startsAt, checked.endsAt, `${field}.endsAt`);
    return checked;
  });
}

const earliest = (dates: (Date | null)[]) => dates.reduce<Date | null>((min, d) => (d && (!min || d < min) ? d : min), null);
const latest = (dates: (Date | null)[]) => dates.reduce<Date | null>((max, d) => (d && (!max || d > max) ? d : max), null);

/** Input shape alone (no database): every refusal names its field. */
function checkPost(input: PostFields) {
  const slots = checkSlots(input.kind, input.slots);
  const startsAt = input.startsAt ?? earliest(slots.map((s) => s.startsAt));
  const endsAt = input.endsAt ?? latest(slots.map((s) => s.endsAt));
  checkTimes(startsAt, endsAt, 'input.endsAt');
  return {
    kind: input.kind,
    category: input.category,
    unit: unitOf(input.kind),
    title: requiredText(input.title, 'input.title', LIMITS.title),
    description: requiredText(input.description, 'input.description', LIMITS.description),
    township: optionalText(input.township, 'input.township', LIMITS.short),
    address: optionalText(input.address, 'input.address', LIMITS.short),
    contact: optionalText(input.contact, 'input.contact', LIMITS.short),
    urgency: input.urgency ?? Urgency.NORMAL,
    startsAt,
    endsAt,
    slots,
  };
}

/** Loads the association a caller acts for and checks the caller may act for it (existence, then permission). */
export async function actingAssociation(ctx: Context, key: string | null, verb: string): Promise<AssociationRow> {
  const association = key ? await associationById(ctx).load(key) : null;
  if (!association) throw notFound('Association');
  if (!mayActFor(await standingIn(ctx, association.id))) {
    throw forbidden(`Only an OWNER or COORDINATOR of the association, or its API key, can ${verb}`);
  }
  return association;
}

/** Returns the id of the posted request (or of the first one, on an idempotent replay). */
export async function postHelpRequest(ctx: Context, input: PostFields): Promise<string> {
  const associationKey = keyOf(input.associationId, 'Association', 'input.associationId');
  const fields = checkPost(input);
  const key = idempotencyKey(input.idempotencyKey, associationKey ?? '', 'postHelpRequest', fields);
  const association = await actingAssociation(ctx, associationKey, 'post for it');
  if (!association.verified) throw forbidden('Only verified associations can post help requests');

  return idempotent(ctx.em, key, () =>
    ctx.em.fork().transactional(async (em) => {
      const { slots, ...request } = fields;
      const created = em.create(HelpRequest, {
        ...request,
        requesterId: association.id,
        township: request.township ?? association.township,
        searchText: foldText(request.title, request.description),
        capacity: slots.reduce((sum, slot) => sum + slot.capacity, 0),
      });
      if (key) await takeKey(em, key, created.id);
      await em.flush();
      slots.forEach((slot, position) => em.create(Slot, { ...slot, requestId: created.id, position }));
      await em.flush();
      await appendEvents(em, created.id, [{ type: RequestEventType.POSTED, actorId: association.id }]);
      return created.id;
    }),
  );
}

/** The request a mutation names: undecodable is BAD_USER_INPUT, unknown NOT_FOUND, then the requester's permission. */
async function requestForRequester(ctx: Context, id: string, verb: string): Promise<HelpRequestRow> {
  const key = keyOf(id, 'HelpRequest', 'id');
  const request = key ? await requestById(ctx).load(key) : null;
  if (!request) throw notFound('Help request');
  await actingAssociation(ctx, request.requesterId, verb);
  return request;
}

/** The editable fields; for updates each may be omitted, and null clears the optional ones. */
type Editable = 'title' | 'description' | 'township' | 'address' | 'contact' | 'urgency' | 'startsAt' | 'endsAt';
export type UpdateFields = { [K in Editable]?: PostFields[K] | null };

/** Omitted fields unchanged, explicit null clears the optional ones; no change, no version and no event. */
export async function updateHelpRequest(ctx: Context, id: string, expectedVersion: number, input: UpdateFields): Promise<string> {
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
  // Times given together are shape (api.md order of checks, step 2); a time given
  // alone is checked against the stored other one, inside the transaction.
  checkTimes(changes.startsAt ?? null, changes.endsAt ?? null, 'input.endsAt');
  if (!Number.isInteger(expectedVersion) || expectedVersion < 1)
    throw badInput('expectedVersion', 'expectedVersion must be a positive integer');
  const existing = await requestForRequester(ctx, id, 'update its requests');

  await inRequestTransaction(ctx.em, existing.id, async ({ request, emit }) => {
    requireOpenOrFilled(request);
    if (request.version !== expectedVersion) {
      throw new AppError('VERSION_CONFLICT', `The request is at version ${request.version}, not ${expectedVersion}`);
    }
    const startsAt = changes.startsAt !== undefined ? changes.startsAt : request.startsAt;
    const endsAt = changes.endsAt !== undefined ? changes.endsAt : request.endsAt;
    checkTimes(startsAt, endsAt, 'input.endsAt');
    const changed = (Object.keys(changes) as (keyof typeof changes)[]).filter((field) => !sameValue(request[field], changes[field]));
    if (changed.length === 0) return;
    for (const field of changed) Object.assign(request, { [field]: changes[field] });
    request.searchText = foldText(request.title, request.description);
    emit({ type: RequestEventType.UPDATED, actorId: request.requesterId });
  });
  return existing.id;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  return a === b;
}

/** Closes the request; its ACTIVE claims become DECLINED, with the reason kept. One CANCELLED event. */
export async function cancelHelpRequest(ctx: Context, id: string, rawReason: string | null | undefined): Promise<string> {
  const reason = optionalText(rawReason, 'reason', LIMITS.short);
  const existing = await requestForRequester(ctx, id, 'cancel its requests');
  await inRequestTransaction(ctx.em, existing.id, async ({ em, request, emit }) => {
    requireOpenOrFilled(request);
    await endActiveClaims(em, request.id, 'DECLINED', reason);
    await row(em, `UPDATE slot SET claimed = 0 WHERE request_id = ?`, [request.id]); // nothing FULFILLED before closing
    Object.assign(request, { status: RequestStatus.CANCELLED, closedAt: new Date(), cancelReason: reason, claimed: 0, activeClaims: 0 });
    emit({ type: RequestEventType.CANCELLED, actorId: request.requesterId });
  });
  return existing.id;
}

/** Closes the request; its ACTIVE claims become FULFILLED. One COMPLETED event. */
export async function completeHelpRequest(
  ctx: Context,
  id: string,
  beneficiaries: number,
  rawOutcome: string | null | undefined,
): Promise<string> {
  const served = intInRange(beneficiaries, 'beneficiaries', 0, 1_000_000);
  const outcome = optionalText(rawOutcome, 'outcome', LIMITS.outcome);
  const existing = await requestForRequester(ctx, id, 'complete its requests');
  await inRequestTransaction(ctx.em, existing.id, async ({ em, request, emit }) => {
    requireOpenOrFilled(request);
    await endActiveClaims(em, request.id, 'FULFILLED', null);
    Object.assign(request, { status: RequestStatus.COMPLETED, closedAt: new Date(), beneficiaries: served, outcome, activeClaims: 0 });
    emit({ type: RequestEventType.COMPLETED, actorId: request.requesterId });
  });
  return existing.id;
}

async function endActiveClaims(
  em: EntityManager,
  requestId: string,
  status: 'DECLINED' | 'FULFILLED',
  reason: string | null,
): Promise<void> {
  await row(em, `UPDATE claim SET status = ?, ended_at = now(), end_reason = ? WHERE request_id = ? AND status = 'ACTIVE'`, [
    status,
    reason,
    requestId,
  ]);
}

/**
 * Expires, by the database clock, one OPEN request without ACTIVE claims whose
 * end has passed. The conditional UPDATE is the first statement of its
 * transaction and locks the row: with several instances, exactly one of them
 * changes it and records the EXPIRED event.
 */
export async function expireRequest(em: EntityManager, requestId: string): Promise<boolean> {
  return em.fork().transactional(async (tem) => {
    const expired = await row<{ id: string }>(
      tem,
      `UPDATE help_request SET status = 'EXPIRED', closed_at = now(), version = version + 1
        WHERE id = ? AND status = 'OPEN' AND active_claims = 0 AND ends_at < now() RETURNING id`,
      [requestId],
    );
    if (!expired) return false;
    await appendEvents(tem, requestId, [{ type: RequestEventType.EXPIRED, actorId: null }]);
    return true;
  });
}
