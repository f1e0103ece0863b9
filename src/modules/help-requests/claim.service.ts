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
import { ClaimStatus, RequestEventType, RequestStatus } from '../../shared/enums.js';
import { DomainError, badInput, forbidden, notFound } from '../../shared/errors.js';
import { keyOf } from '../../shared/global-id.js';
import { LIMITS, intInRange, optionalText } from '../../shared/input.js';
import { mustExist } from '../../shared/must-exist.js';
import { actingAssociation } from '../associations/standing.service.js';
import type { NewEvent } from '../event-log/event-log.service.js';
import { query } from '../tables.js';
import { withdrawOffersOfClaim } from './claim-handoff.service.js';
import type { HelpRequest } from './help-request.entity.js';
import { claimById, requestById, slotById } from './help-request.loaders.js';
import type { ClaimRow } from './help-request.rows.js';
import { MAX_CAPACITY } from './help-request.service.js';
import { idempotencyKey, idempotent, takeKey } from './idempotency.service.js';
import { inRequestTransaction, requireOpenOrFilled } from './request-lock.service.js';

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
  const slotKey = keyOf(input.slotId, 'Slot', 'slotId');
  const associationKey = keyOf(input.associationId, 'Association', 'associationId');
  const fields = {
    slotId: slotKey,
    quantity: intInRange(input.quantity, 'quantity', 1, MAX_CAPACITY),
    note: optionalText(input.note, 'note', LIMITS.short),
  };
  const key = idempotencyKey(input.idempotencyKey, associationKey ?? '', 'claim', fields);

  const slot = slotKey ? await slotById(db).load(slotKey) : null;
  if (!slot) throw notFound('Slot');
  const association = await actingAssociation(db, actor, associationKey, 'claim for it');
  if (!association.verified) throw forbidden('Only verified associations can claim');
  const request = mustExist(await requestById(db).load(slot.requestId), 'requestById(slot.requestId)');
  if (request.requesterId === association.id) throw forbidden('An association cannot claim on its own request');

  return idempotent(db.em, key, () =>
    inRequestTransaction(db.em, request.id, clock, async ({ em, request: locked, emit }) => {
      const claimId = randomUUID();
      const now = clock();
      if (key) await takeKey(em, key, claimId, clock);
      if (locked.status !== RequestStatus.OPEN) throw new DomainError('REQUEST_NOT_OPEN', `The request is ${locked.status}`);
      // A slot's times never change after posting: the row loaded above is current.
      if (slot.endsAt !== null && slot.endsAt < now) throw badInput('slotId', 'This slot has already ended');

      // A slot's claims list is bounded (ended claims stay listed); the request's row lock makes the count exact.
      const { claims } = await query(em)
        .selectFrom('claim')
        .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('claims'))
        .where('slotId', '=', slot.id)
        .executeTakeFirstOrThrow();
      if (claims >= BOUNDS.claimsPerSlot)
        throw badInput('slotId', `A slot takes at most ${BOUNDS.claimsPerSlot} claims, ended ones included`);

      // The partial unique index makes a second ACTIVE claim impossible; ON CONFLICT
      // turns it into an answer instead of an aborted transaction. Its predicate is a
      // literal: PostgreSQL matches it to the index when planning, and a parameter
      // matches only in custom plans (plan_cache_mode = force_generic_plan refuses it).
      const inserted = await query(em)
        .insertInto('claim')
        .values({
          id: claimId,
          slotId: slot.id,
          requestId: request.id,
          associationId: association.id,
          quantity: fields.quantity,
          note: fields.note,
          status: ClaimStatus.ACTIVE,
          claimedAt: now,
          assigned: 0,
        })
        .onConflict((oc) => oc.columns(['slotId', 'associationId']).where('status', '=', inlined(ClaimStatus.ACTIVE)).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) throw new DomainError('ALREADY_CLAIMED', 'This association already holds an ACTIVE claim on this slot');

      // The capacity check and the increment are one statement.
      const taken = await query(em)
        .updateTable('slot')
        .set((eb) => ({ claimed: eb('claimed', '+', fields.quantity) }))
        .where('id', '=', slot.id)
        .where((eb) => eb(eb('claimed', '+', fields.quantity), '<=', eb.ref('capacity')))
        .returning('claimed')
        .executeTakeFirst();
      if (!taken) {
        const { remaining } = await query(em)
          .selectFrom('slot')
          .select((eb) => eb('capacity', '-', eb.ref('claimed')).as('remaining'))
          .where('id', '=', slot.id)
          .executeTakeFirstOrThrow();
        throw new DomainError('CAPACITY_EXCEEDED', `Only ${remaining} remain on this slot`, { remaining });
      }

      locked.claimed += fields.quantity;
      locked.activeClaims += 1;
      emit({ type: RequestEventType.CLAIMED, claimId, actorId: association.id });
      if (locked.claimed === locked.capacity) {
        locked.status = RequestStatus.FILLED;
        locked.filledAt ??= now;
        emit({ type: RequestEventType.FILLED, actorId: association.id });
      }
      return claimId;
    }),
  );
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
