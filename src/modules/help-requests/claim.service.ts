/**
 * Claims: commit people, money or goods to a slot (api.md "Claims").
 *
 * The promise is that a slot is never over-committed, under any concurrency
 * and across any number of instances. It holds in PostgreSQL, not in
 * JavaScript: inside one short transaction that first locks the request row,
 * the capacity check and the increment are one conditional UPDATE, backed by
 * CHECK (claimed <= capacity) on slot and request and by a partial unique index
 * for one ACTIVE claim per (slot, association).
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/handle.js';
import { inlined } from '../../db/raw.js';
import type { Em } from '../../db/query.js';
import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { BOUNDS } from '../../shared/cost.js';
import { ClaimStatus, MemberRole, RequestEventType, RequestStatus } from '../../shared/enums.js';
import { DomainError, badInput, forbidden, notFound } from '../../shared/errors.js';
import { keyOf } from '../../shared/global-id.js';
import { LIMITS, intInRange, optionalText } from '../../shared/input.js';
import { mustExist } from '../../shared/must-exist.js';
import { standingWithRole } from '../associations/association.policy.js';
import { actingAssociation, requireMayActFor } from '../associations/standing.service.js';
import type { NewEvent } from '../event-log/event-log.service.js';
import { query, type RowOf } from '../tables.js';
import { withdrawOffersOfClaim } from './claim-handoff.service.js';
import type { HelpRequest } from './help-request.entity.js';
import { claimById, requestById } from './help-request.loaders.js';
import type { ClaimRow } from './help-request.rows.js';
import { MAX_CAPACITY } from './help-request.service.js';
import { idempotencyKey, orTwinsResult, replayFrom, takeKey, type IdempotencyKey, type StoredKey } from './idempotency.service.js';
import {
  inRequestTransaction,
  inTransaction,
  requireOpenOrFilled,
  versionAfter,
  withRequestRowLocked,
  type RequestRowTransaction,
} from './request-lock.service.js';

/** The claim mutation's input (paths `slotId`, `quantity`, ...). */
export interface ClaimFields {
  slotId: string;
  associationId: string;
  quantity: number;
  note?: string | null;
  idempotencyKey?: string | null;
}

/** Returns the id of the new claim (or of the first one, on an idempotent replay). */
export async function claim(db: Db, actor: Actor, input: ClaimFields, clock: Clock): Promise<string> {
  return (await claimReturning(db, actor, input, clock)).id;
}

export interface Claimed {
  id: string;
  /**
   * The claim as this call inserted and committed it (its payload needs no
   * read); null on an idempotent replay, whose answer is the first claim as it
   * is now (api.md "Claims"): read it.
   */
  row: ClaimRow | null;
}

/**
 * The claim mutation, on one pool connection: BEGIN, one statement of every
 * check that needs the database (claimChecks), then, only for a caller who
 * passed them, the request's lock and the change (claimUnderLock). The checks
 * are decided in api.md's order from that one row.
 */
export async function claimReturning(db: Db, actor: Actor, input: ClaimFields, clock: Clock): Promise<Claimed> {
  const slotKey = keyOf(input.slotId, 'Slot', 'slotId');
  const associationKey = keyOf(input.associationId, 'Association', 'associationId');
  const fields = {
    slotId: slotKey,
    quantity: intInRange(input.quantity, 'quantity', 1, MAX_CAPACITY),
    note: optionalText(input.note, 'note', LIMITS.short),
  };
  const key = idempotencyKey(input.idempotencyKey, associationKey ?? '', 'claim', fields);
  if (!slotKey) throw notFound('Slot');

  return orTwinsResult(
    db.em,
    key,
    () =>
      inTransaction(db.em, async (em): Promise<Claimed> => {
        const checked = await claimChecks(em, actor, slotKey, associationKey, key);
        if (!checked) throw notFound('Slot');
        const { associationId } = checked;
        if (associationId === null) throw notFound('Association');
        requireMayActFor(standingWithRole(actor, associationId, checked.role), 'claim for it');
        if (!checked.verified) throw forbidden('Only verified associations can claim');
        if (checked.requesterId === associationId) throw forbidden('An association cannot claim on its own request');
        const replay = key && replayFrom(key, checked.storedKey);
        if (replay) return { id: replay, row: null };
        const row = await withRequestRowLocked(em, checked.requestId, clock, (tx) =>
          claimUnderLock(tx, { ...fields, slotId: slotKey, endsAt: checked.endsAt, associationId }, key, clock),
        );
        return { id: row.id, row };
      }),
    (id) => ({ id, row: null }),
  );
}

/** What claim checks before the lock: the slot's request and end, the association, the actor's role in it, the key. */
interface ClaimChecks {
  requestId: string;
  endsAt: Date | null;
  requesterId: string;
  /** Null when the association id names nothing. */
  associationId: string | null;
  verified: boolean;
  /** The signed-in user's role in the association; null when not a member, or not a user. */
  role: MemberRole | null;
  /** The idempotency key's row, when the call has a key and it was taken. */
  storedKey: StoredKey | null;
}

/**
 * One statement for every check that needs the database, by primary keys only
 * (never all of a user's memberships): the slot (none: null), its request's
 * requester, the association and whether it is verified, the user's role in
 * it, and the idempotency key's row. A slot's times and request never change
 * after posting, nor does a request's requester: the values read here hold
 * under the lock taken after.
 */
async function claimChecks(
  em: Em,
  actor: Actor,
  slotKey: string,
  associationKey: string | null,
  key: IdempotencyKey | null,
): Promise<ClaimChecks | null> {
  const found = await query(em)
    .selectFrom('slot as s')
    .innerJoin('help_request as h', 'h.id', 's.requestId')
    .leftJoin('association as a', (join) => join.on((eb) => (associationKey === null ? eb.lit(false) : eb('a.id', '=', associationKey))))
    .leftJoin('membership as m', (join) =>
      join.onRef('m.associationId', '=', 'a.id').on((eb) => (actor.kind === 'user' ? eb('m.userId', '=', actor.userId) : eb.lit(false))),
    )
    .leftJoin('idempotency_key as k', (join) =>
      join
        .onRef('k.associationId', '=', 'a.id')
        .on((eb) => (key === null ? eb.lit(false) : eb.and([eb('k.operation', '=', key.operation), eb('k.key', '=', key.key)]))),
    )
    .select(['s.requestId', 's.endsAt', 'h.requesterId', 'a.id as associationId', 'a.verified', 'm.role', 'k.inputHash', 'k.resultId'])
    .where('s.id', '=', slotKey)
    .executeTakeFirst();
  if (!found) return null;
  const { inputHash, resultId, verified, ...rest } = found;
  return {
    ...rest,
    verified: verified === true,
    storedKey: inputHash !== null && resultId !== null ? { inputHash, resultId } : null,
  };
}

interface ClaimOrder {
  slotId: string;
  endsAt: Date | null;
  associationId: string;
  quantity: number;
  note: string | null;
}

/**
 * Under the request's lock, in api.md's order of state checks: the key taken
 * (or the twin's answer), REQUEST_NOT_OPEN, an ended slot, the slot's bound of
 * claims, ALREADY_CLAIMED, CAPACITY_EXCEEDED. Returns the claim as inserted.
 */
async function claimUnderLock(
  { em, request, emit }: RequestRowTransaction,
  order: ClaimOrder,
  key: IdempotencyKey | null,
  clock: Clock,
): Promise<ClaimRow> {
  const now = clock();
  // The row inserted is the payload: no trigger or default changes a claim on insert.
  const row: ClaimRow = {
    id: randomUUID(),
    slotId: order.slotId,
    requestId: request.id,
    associationId: order.associationId,
    quantity: order.quantity,
    note: order.note,
    status: ClaimStatus.ACTIVE,
    claimedAt: now,
    endedAt: null,
    endReason: null,
    assigned: 0,
    handedToClaimId: null,
  };
  if (key) await takeKey(em, key, row.id, clock);
  if (request.status !== RequestStatus.OPEN) throw new DomainError('REQUEST_NOT_OPEN', `The request is ${request.status}`);
  if (order.endsAt !== null && order.endsAt < now) throw badInput('slotId', 'This slot has already ended');

  // What the request becomes if the claim is taken (the statement writes it only then).
  const claimed = request.claimed + row.quantity;
  const filled = claimed === request.capacity;
  const events: NewEvent[] = [{ type: RequestEventType.CLAIMED, claimId: row.id, actorId: row.associationId }];
  if (filled) events.push({ type: RequestEventType.FILLED, actorId: row.associationId });
  const outcome = await insertClaim(em, row, {
    claimed,
    activeClaims: request.activeClaims + 1,
    status: filled ? RequestStatus.FILLED : request.status,
    filledAt: filled ? (request.filledAt ?? now) : request.filledAt,
    version: versionAfter(request.version, events),
  });
  // Each refusal below rolls the whole transaction back: the insert and the increments with it.
  if (outcome.claims >= BOUNDS.claimsPerSlot)
    throw badInput('slotId', `A slot takes at most ${BOUNDS.claimsPerSlot} claims, ended ones included`);
  if (!outcome.inserted) throw new DomainError('ALREADY_CLAIMED', 'This association already holds an ACTIVE claim on this slot');
  if (!outcome.taken) {
    throw new DomainError('CAPACITY_EXCEEDED', `Only ${outcome.remaining} remain on this slot`, { remaining: outcome.remaining });
  }
  for (const event of events) emit(event);
  return row;
}

/** The request's row after a claim taken (the totals are sums over its slots and claims). */
type RequestAfterClaim = Pick<RowOf<'help_request'>, 'claimed' | 'activeClaims' | 'status' | 'filledAt' | 'version'>;

interface Inserted {
  /** The slot's claims before this one, ended ones included (its bound). */
  claims: number;
  /** False when the association already holds an ACTIVE claim on the slot. */
  inserted: boolean;
  /** False when the slot had not enough left (nothing was added to it, nor to the request). */
  taken: boolean;
  /** What the slot had left before this claim. */
  remaining: number;
}

/**
 * One statement: the insert, the capacity check with the slot's increment, the
 * request's totals, and what decides the refusals, all after the request's
 * lock (so exact: a request's claims, slots and totals change only under it).
 * - The partial unique index makes a second ACTIVE claim impossible; ON
 *   CONFLICT turns it into an answer instead of an aborted transaction. Its
 *   predicate is a literal: PostgreSQL matches it to the index when planning,
 *   and a parameter matches only in custom plans (plan_cache_mode =
 *   force_generic_plan refuses it).
 * - The capacity check and the increment are one conditional UPDATE, which
 *   runs only when the claim was inserted, backed by CHECK (claimed <= capacity)
 *   on slot and request; the request's row is written only when the slot's was.
 * - The slot's count and remainder are read from the statement's snapshot,
 *   which does not see its own insert and updates: as they were before.
 */
async function insertClaim(em: Em, row: ClaimRow, request: RequestAfterClaim): Promise<Inserted> {
  const result = await query(em)
    .with('inserted', (db) =>
      db
        .insertInto('claim')
        .values(row)
        .onConflict((oc) => oc.columns(['slotId', 'associationId']).where('status', '=', inlined(ClaimStatus.ACTIVE)).doNothing())
        .returning('id'),
    )
    .with('taken', (db) =>
      db
        .updateTable('slot')
        .set((eb) => ({ claimed: eb('claimed', '+', row.quantity) }))
        .where('id', '=', row.slotId)
        .where((eb) => eb(eb('claimed', '+', row.quantity), '<=', eb.ref('capacity')))
        .where((eb) => eb.exists(eb.selectFrom('inserted').select('inserted.id')))
        .returning('claimed'),
    )
    // Run to completion though nothing reads it (PostgreSQL runs every data-modifying WITH exactly once).
    .with('totals', (db) =>
      db
        .updateTable('help_request')
        .set(request)
        .where('id', '=', row.requestId)
        .where((eb) => eb.exists(eb.selectFrom('taken').select('taken.claimed'))),
    )
    .selectFrom('slot as s')
    .select((eb) => [
      eb
        .selectFrom('claim as c')
        .select((c) => c.cast<number>(c.fn.countAll(), 'integer').as('n'))
        .where('c.slotId', '=', row.slotId)
        .as('claims'),
      eb.exists(eb.selectFrom('inserted').select('inserted.id')).as('inserted'),
      eb.exists(eb.selectFrom('taken').select('taken.claimed')).as('taken'),
      eb('s.capacity', '-', eb.ref('s.claimed')).as('remaining'),
    ])
    .where('s.id', '=', row.slotId)
    .executeTakeFirstOrThrow();
  return {
    claims: result.claims ?? 0,
    inserted: result.inserted === true,
    taken: result.taken === true,
    remaining: result.remaining,
  };
}

/** withdrawClaim's and declineClaim's arguments (paths `id`, `reason`). */
export interface EndClaimInput {
  id: string;
  reason?: string | null;
}

/** The claim a mutation names: undecodable BAD_USER_INPUT, unknown NOT_FOUND. */
async function existingClaim(db: Db, id: string): Promise<ClaimRow> {
  const key = keyOf(id, 'Claim', 'id');
  const found = key ? await claimById(db).load(key) : null;
  if (!found) throw notFound('Claim');
  return found;
}

/** By the claiming association. */
export async function withdrawClaim(db: Db, actor: Actor, input: EndClaimInput, clock: Clock): Promise<string> {
  const reason = optionalText(input.reason, 'reason', LIMITS.short);
  const existing = await existingClaim(db, input.id);
  const association = await actingAssociation(db, actor, existing.associationId, 'withdraw its claims');
  if (!association.verified) throw forbidden('Only verified associations can withdraw claims');
  return endClaim(
    db,
    existing,
    { status: ClaimStatus.WITHDRAWN, type: RequestEventType.CLAIM_WITHDRAWN, reason, actorId: association.id },
    clock,
  );
}

/** By the requesting association. */
export async function declineClaim(db: Db, actor: Actor, input: EndClaimInput, clock: Clock): Promise<string> {
  const reason = optionalText(input.reason, 'reason', LIMITS.short);
  const existing = await existingClaim(db, input.id);
  const request = mustExist(await requestById(db).load(existing.requestId), 'requestById(existing.requestId)');
  await actingAssociation(db, actor, request.requesterId, 'decline claims on its requests');
  return endClaim(
    db,
    existing,
    { status: ClaimStatus.DECLINED, type: RequestEventType.CLAIM_DECLINED, reason, actorId: request.requesterId },
    clock,
  );
}

interface Ending {
  status: ClaimStatus.WITHDRAWN | ClaimStatus.DECLINED;
  type: RequestEventType.CLAIM_WITHDRAWN | RequestEventType.CLAIM_DECLINED;
  reason: string | null;
  /** The association ending it. */
  actorId: string;
}

/** Ends an ACTIVE claim, gives its quantity back to the slot, reopens a FILLED request, and withdraws its offered hand-off. */
async function endClaim(db: Db, existing: ClaimRow, ending: Ending, clock: Clock): Promise<string> {
  await inRequestTransaction(db.em, existing.requestId, clock, async ({ em, request, emit }) => {
    requireOpenOrFilled(request);
    const endedAt = clock();
    const ended = await query(em)
      .updateTable('claim')
      .set({ status: ending.status, endedAt, endReason: ending.reason })
      .where('id', '=', existing.id)
      .where('status', '=', ClaimStatus.ACTIVE)
      .returning(['quantity', 'slotId'])
      .executeTakeFirst();
    if (!ended) throw badInput('id', `The claim is ${(await currentStatus(em, existing.id)) ?? 'not ACTIVE'}, not ACTIVE`);
    await query(em)
      .updateTable('slot')
      .set((eb) => ({ claimed: eb('claimed', '-', ended.quantity) }))
      .where('id', '=', ended.slotId)
      .execute();
    giveBack(request, ended.quantity, emit, { type: ending.type, claimId: existing.id, actorId: ending.actorId });
    await withdrawOffersOfClaim(em, existing.id, endedAt, ending.actorId, emit);
  });
  return existing.id;
}

function giveBack(request: HelpRequest, quantity: number, emit: (event: NewEvent) => void, event: NewEvent): void {
  request.claimed -= quantity;
  request.activeClaims -= 1;
  emit(event);
  if (request.status === RequestStatus.FILLED) {
    request.status = RequestStatus.OPEN; // filledAt is kept (contract)
    emit({ type: RequestEventType.REOPENED, actorId: event.actorId });
  }
}

async function currentStatus(em: Em, claimId: string): Promise<ClaimStatus | null> {
  const found = await query(em).selectFrom('claim').select('status').where('id', '=', claimId).executeTakeFirst();
  return found?.status ?? null;
}
