/**
 * Hand-offs (issue 14, item 4): the holder of an ACTIVE claim offers the whole
 * claim to another verified association, which accepts or declines it; the
 * offer lapses when its slot starts or its request closes, and ends with the
 * holder's claim.
 *
 * Every change of a hand-off runs under its request's row lock
 * (request-lock.service.ts), like every change of the request's claims, so an
 * acceptance and a withdrawal of the same claim are serialised: exactly one of
 * them happens. Acceptance moves the quantity from one claim to the other in
 * one transaction: the receiver's ACTIVE claim is inserted (the partial unique
 * index refuses a second one: ALREADY_CLAIMED), the giver's claim becomes
 * WITHDRAWN (endReason HANDED_OFF, handedToClaimId set; the trigger of
 * migration 0800 ends its assignments), and the slot's and the request's
 * `claimed`, `activeClaims` and status do not change: the slot is never over
 * its capacity, not even for a moment.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/handle.js';
import type { Em } from '../../db/query.js';
import { inlined, transactionTime } from '../../db/raw.js';
import { isPrivileged, type Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { BOUNDS } from '../../shared/cost.js';
import { ClaimHandOffStatus, ClaimStatus, RequestEventType } from '../../shared/enums.js';
import { DomainError, badInput, forbidden, notFound } from '../../shared/errors.js';
import { keyOf } from '../../shared/global-id.js';
import { LIMITS, optionalText } from '../../shared/input.js';
import { mustExist } from '../../shared/must-exist.js';
import { associationById } from '../associations/association.loaders.js';
import { actingAssociation } from '../associations/standing.service.js';
import { appendEvents, type NewEvent } from '../event-log/event-log.service.js';
import { query } from '../tables.js';
import { handOffById, type HandOffRow } from './claim-handoff.loaders.js';
import { claimById, requestById, slotById } from './help-request.loaders.js';
import type { SlotRow } from './help-request.rows.js';
import { inRequestTransaction, requireOpenOrFilled } from './request-lock.service.js';

/** The `endReason` of a claim that was handed off (it is WITHDRAWN, and `handedToClaimId` names the receiver's claim). */
export const HANDED_OFF = 'HANDED_OFF';

/** When an offer on `slot` lapses: when the slot starts (when it ends, for a slot with an end only); null: never by time. */
const lapseTimeOf = (slot: Pick<SlotRow, 'startsAt' | 'endsAt'>): Date | null => slot.startsAt ?? slot.endsAt;

const isDue = (lapsesAt: Date | null, now: Date) => lapsesAt !== null && lapsesAt.getTime() <= now.getTime();

/** offerClaimHandOff's input (paths `claimId`, `toAssociationId`, `note`). */
export interface OfferClaimHandOffFields {
  claimId: string;
  toAssociationId: string;
  note?: string | null;
}

/** By the holder's OWNERs, COORDINATORs and API key. Returns the hand-off's id. */
export async function offerClaimHandOff(db: Db, actor: Actor, input: OfferClaimHandOffFields, clock: Clock): Promise<string> {
  // Shape.
  const claimKey = keyOf(input.claimId, 'Claim', 'claimId');
  const toKey = keyOf(input.toAssociationId, 'Association', 'toAssociationId');
  const note = optionalText(input.note, 'note', LIMITS.short);
  // Existence.
  const offered = claimKey ? await claimById(db).load(claimKey) : null;
  if (!offered) throw notFound('Claim');
  const receiver = toKey ? await associationById(db).load(toKey) : null;
  if (!receiver) throw notFound('Association');
  // Permission: the holder acts; both are verified; never to the requester (it cannot claim on its own request).
  const holder = await actingAssociation(db, actor, offered.associationId, 'hand off its claims');
  if (!holder.verified) throw forbidden('Only verified associations can hand off claims');
  if (!receiver.verified) throw forbidden('A claim can be handed off only to a verified association');
  const request = mustExist(await requestById(db).load(offered.requestId), 'requestById(claim.requestId)');
  if (request.requesterId === receiver.id) throw forbidden('A claim cannot be handed off to the requesting association');
  if (receiver.id === holder.id) throw badInput('toAssociationId', 'toAssociationId names the association that holds the claim');
  const slot = mustExist(await slotById(db).load(offered.slotId), 'slotById(claim.slotId)');

  return inRequestTransaction(db.em, offered.requestId, clock, async ({ em, request: locked, emit }) => {
    const now = clock();
    requireOpenOrFilled(locked);
    const current = await claimStatus(em, offered.id);
    if (current !== ClaimStatus.ACTIVE) throw badInput('claimId', `The claim is ${current}, not ACTIVE`);
    // A slot's times never change after posting: the row loaded above is current.
    const lapsesAt = lapseTimeOf(slot);
    if (isDue(lapsesAt, now)) throw badInput('claimId', 'The slot has started: a claim can be handed off only before its slot starts');
    const pending = await query(em)
      .selectFrom('claim_handoff')
      .select('id')
      .where('claimId', '=', offered.id)
      .where('status', '=', ClaimHandOffStatus.OFFERED)
      .executeTakeFirst();
    if (pending)
      throw badInput(
        'claimId',
        'The claim is already OFFERED to an association: it can be offered again once that offer is decided or lapses',
      );
    const { offers } = await query(em)
      .selectFrom('claim_handoff')
      .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('offers'))
      .where('claimId', '=', offered.id)
      .executeTakeFirstOrThrow();
    if (offers >= BOUNDS.handOffsPerClaim)
      throw badInput('claimId', `A claim can be offered at most ${BOUNDS.handOffsPerClaim} times, declined and lapsed offers included`);
    const held = await query(em)
      .selectFrom('claim')
      .select('id')
      .where('slotId', '=', offered.slotId)
      .where('associationId', '=', receiver.id)
      .where('status', '=', ClaimStatus.ACTIVE)
      .executeTakeFirst();
    if (held) throw new DomainError('ALREADY_CLAIMED', 'The receiving association already holds an ACTIVE claim on this slot');

    const id = randomUUID();
    await query(em)
      .insertInto('claim_handoff')
      .values({
        id,
        claimId: offered.id,
        requestId: offered.requestId,
        slotId: offered.slotId,
        fromAssociationId: holder.id,
        toAssociationId: receiver.id,
        status: ClaimHandOffStatus.OFFERED,
        note,
        offeredAt: now,
        lapsesAt,
      })
      .execute();
    emit({ type: RequestEventType.HANDOFF_OFFERED, claimId: offered.id, handOffId: id, actorId: holder.id });
    return id;
  });
}

/** acceptClaimHandOff's and declineClaimHandOff's arguments (paths `id`, `reason`). */
export interface DecideHandOffInput {
  id: string;
  reason?: string | null;
}

/** The hand-off a mutation names: undecodable BAD_USER_INPUT, unknown NOT_FOUND. */
async function existingHandOff(db: Db, id: string): Promise<HandOffRow> {
  const key = keyOf(id, 'ClaimHandOff', 'id');
  const found = key ? await handOffById(db).load(key) : null;
  if (!found) throw notFound('Hand-off');
  return found;
}

/**
 * By the receiver's OWNERs, COORDINATORs and API key. In one transaction under
 * the request's lock: the receiver's ACTIVE claim of the same quantity on the
 * same slot, the giver's claim WITHDRAWN (HANDED_OFF), one HANDOFF_ACCEPTED.
 */
export async function acceptClaimHandOff(db: Db, actor: Actor, input: DecideHandOffInput, clock: Clock): Promise<string> {
  const offer = await existingHandOff(db, input.id);
  const receiver = await actingAssociation(db, actor, offer.toAssociationId, 'accept hand-offs offered to it');
  if (!receiver.verified) throw forbidden('Only verified associations can accept hand-offs');
  await decide(db, offer, clock, async (em, now, emit) => {
    // Claims on a slot are bounded (ended ones stay listed); the request's row lock makes the count exact.
    const { claims } = await query(em)
      .selectFrom('claim')
      .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('claims'))
      .where('slotId', '=', offer.slotId)
      .executeTakeFirstOrThrow();
    if (claims >= BOUNDS.claimsPerSlot)
      throw badInput('id', `A slot takes at most ${BOUNDS.claimsPerSlot} claims, ended ones included: this hand-off cannot be accepted`);

    const given = await query(em)
      .selectFrom('claim')
      .select(['quantity', 'status'])
      .where('id', '=', offer.claimId)
      .executeTakeFirstOrThrow();
    // An OFFERED hand-off's claim is ACTIVE: ending the claim ends its offer in the same transaction.
    if (given.status !== ClaimStatus.ACTIVE) throw badInput('id', `The claim offered is ${given.status}, not ACTIVE`);
    const newClaimId = randomUUID();
    // As in claim(): the partial unique index decides, ON CONFLICT turns it into an answer (its predicate a literal).
    const inserted = await query(em)
      .insertInto('claim')
      .values({
        id: newClaimId,
        slotId: offer.slotId,
        requestId: offer.requestId,
        associationId: receiver.id,
        quantity: given.quantity,
        status: ClaimStatus.ACTIVE,
        claimedAt: now,
        assigned: 0,
      })
      .onConflict((oc) => oc.columns(['slotId', 'associationId']).where('status', '=', inlined(ClaimStatus.ACTIVE)).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw new DomainError('ALREADY_CLAIMED', 'This association already holds an ACTIVE claim on this slot');
    // The quantity moves from one claim to the other: slot.claimed, request.claimed and activeClaims stay as they are.
    await query(em)
      .updateTable('claim')
      .set({ status: ClaimStatus.WITHDRAWN, endedAt: now, endReason: HANDED_OFF, handedToClaimId: newClaimId })
      .where('id', '=', offer.claimId)
      .where('status', '=', ClaimStatus.ACTIVE)
      .execute();
    await query(em)
      .updateTable('claim_handoff')
      .set({ status: ClaimHandOffStatus.ACCEPTED, decidedAt: now, newClaimId })
      .where('id', '=', offer.id)
      .execute();
    emit({ type: RequestEventType.HANDOFF_ACCEPTED, claimId: offer.claimId, handOffId: offer.id, actorId: receiver.id });
  });
  return offer.id;
}

/** By the receiver's OWNERs, COORDINATORs and API key; the reason is kept. One HANDOFF_DECLINED. */
export async function declineClaimHandOff(db: Db, actor: Actor, input: DecideHandOffInput, clock: Clock): Promise<string> {
  const reason = optionalText(input.reason, 'reason', LIMITS.short);
  const offer = await existingHandOff(db, input.id);
  const receiver = await actingAssociation(db, actor, offer.toAssociationId, 'decline hand-offs offered to it');
  await decide(db, offer, clock, async (em, now, emit) => {
    await query(em)
      .updateTable('claim_handoff')
      .set({ status: ClaimHandOffStatus.DECLINED, decidedAt: now, reason })
      .where('id', '=', offer.id)
      .execute();
    emit({ type: RequestEventType.HANDOFF_DECLINED, claimId: offer.claimId, handOffId: offer.id, actorId: receiver.id });
  });
  return offer.id;
}

/**
 * The state checks of accept and decline, in the request's transaction:
 * REQUEST_NOT_OPEN, then a hand-off that is not OFFERED (BAD_USER_INPUT `id`,
 * naming its status). An offer whose slot has started by `clock` is lapsed
 * (committed, with its HANDOFF_LAPSED) and the call refused as for a LAPSED
 * one; otherwise `work` decides it.
 */
async function decide(
  db: Db,
  offer: HandOffRow,
  clock: Clock,
  work: (em: Em, now: Date, emit: (event: NewEvent) => void) => Promise<void>,
): Promise<void> {
  const lapsed = await inRequestTransaction(db.em, offer.requestId, clock, async ({ em, request, emit }) => {
    requireOpenOrFilled(request);
    const current = await query(em)
      .selectFrom('claim_handoff')
      .select(['status', 'lapsesAt'])
      .where('id', '=', offer.id)
      .executeTakeFirstOrThrow();
    if (current.status !== ClaimHandOffStatus.OFFERED) throw badInput('id', `The hand-off is ${current.status}, not OFFERED`);
    const now = clock();
    if (isDue(current.lapsesAt, now)) {
      await query(em)
        .updateTable('claim_handoff')
        .set({ status: ClaimHandOffStatus.LAPSED, decidedAt: now })
        .where('id', '=', offer.id)
        .execute();
      emit({ type: RequestEventType.HANDOFF_LAPSED, claimId: offer.claimId, handOffId: offer.id, actorId: null });
      return true;
    }
    await work(em, now, emit);
    return false;
  });
  if (lapsed) throw badInput('id', 'The hand-off is LAPSED, not OFFERED: its slot has started');
}

async function claimStatus(em: Em, claimId: string): Promise<ClaimStatus> {
  const found = await query(em).selectFrom('claim').select('status').where('id', '=', claimId).executeTakeFirstOrThrow();
  return found.status;
}

/**
 * In the transaction that ends a claim (withdrawn, declined), under its
 * request's row lock: its OFFERED hand-off becomes WITHDRAWN, with one
 * HANDOFF_LAPSED. `actorId`: the association that ended the claim.
 */
export const withdrawOffersOfClaim = (em: Em, claimId: string, at: Date, actorId: string, emit: (event: NewEvent) => void) =>
  endOffers(em, { claimId }, ClaimHandOffStatus.WITHDRAWN, at, actorId, emit);

/**
 * In the transaction that closes a request (cancelled, completed): its OFFERED
 * hand-offs become LAPSED, one HANDOFF_LAPSED each. `actorId`: the requester.
 */
export const lapseOffersOfRequest = (em: Em, requestId: string, at: Date, actorId: string, emit: (event: NewEvent) => void) =>
  endOffers(em, { requestId }, ClaimHandOffStatus.LAPSED, at, actorId, emit);

async function endOffers(
  em: Em,
  of: { claimId: string } | { requestId: string },
  status: ClaimHandOffStatus.LAPSED | ClaimHandOffStatus.WITHDRAWN,
  decidedAt: Date,
  actorId: string | null,
  emit: (event: NewEvent) => void,
): Promise<void> {
  const ended = await query(em)
    .updateTable('claim_handoff')
    .set({ status, decidedAt })
    .where((eb) => ('claimId' in of ? eb('claimId', '=', of.claimId) : eb('requestId', '=', of.requestId)))
    .where('status', '=', ClaimHandOffStatus.OFFERED)
    .returning(['id', 'claimId'])
    .execute();
  for (const offer of ended) emit({ type: RequestEventType.HANDOFF_LAPSED, claimId: offer.claimId, handOffId: offer.id, actorId });
}

const LAPSE_BATCH = 200;

/**
 * The expiry job's part (expiry.service.ts): OFFERED hand-offs whose slot has
 * started by the database clock become LAPSED, one HANDOFF_LAPSED each (actor
 * null: the system). One transaction per request, which locks the request row
 * before it touches a hand-off (the order every other writer follows, so it
 * never deadlocks with them), then lapses with one conditional UPDATE: with
 * several instances, exactly one of them lapses each offer. Returns how many
 * this call lapsed.
 */
export async function lapseDueHandOffs(db: Db, actor: Actor): Promise<number> {
  if (!isPrivileged(actor)) throw forbidden('Only the system lapses hand-offs');
  const due = await query(db.em)
    .selectFrom('claim_handoff')
    .select('requestId')
    .distinct()
    .where('status', '=', ClaimHandOffStatus.OFFERED)
    .where('lapsesAt', '<=', transactionTime())
    .limit(LAPSE_BATCH)
    .execute();
  let lapsed = 0;
  for (const { requestId } of due) lapsed += await lapseDueOn(db, requestId);
  return lapsed;
}

async function lapseDueOn(db: Db, requestId: string): Promise<number> {
  return db.em.fork().transactional(async (em) => {
    await query(em).selectFrom('help_request').select('id').where('id', '=', requestId).forUpdate().execute();
    const lapsed = await query(em)
      .updateTable('claim_handoff')
      .set({ status: ClaimHandOffStatus.LAPSED, decidedAt: transactionTime() })
      .where('requestId', '=', requestId)
      .where('status', '=', ClaimHandOffStatus.OFFERED)
      .where('lapsesAt', '<=', transactionTime())
      .returning(['id', 'claimId'])
      .execute();
    if (lapsed.length === 0) return 0;
    // One version per event, as inRequestTransaction counts them.
    await query(em)
      .updateTable('help_request')
      .set((eb) => ({ version: eb('version', '+', lapsed.length) }))
      .where('id', '=', requestId)
      .execute();
    await appendEvents(
      em,
      requestId,
      lapsed.map((offer) => ({ type: RequestEventType.HANDOFF_LAPSED, claimId: offer.claimId, handOffId: offer.id, actorId: null })),
    );
    return lapsed.length;
  });
}
