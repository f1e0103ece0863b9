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
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context.js';
import { AppError, badInput, forbidden, notFound } from '../../server/errors.js';
import { BOUNDS } from '../../shared/cost.js';
import { ClaimStatus, RequestEventType, RequestStatus } from '../../shared/enums.js';
import { keyOf } from '../../shared/global-id.js';
import { LIMITS, intInRange, optionalText } from '../../shared/input.js';
import { one, row } from '../../db/sql.js';
import type { NewEvent } from '../events/event-log.service.js';
import type { HelpRequest } from './help-request.entity.js';
import { claimById, requestById, slotById } from './help-request.loaders.js';
import type { ClaimRow } from './help-request.rows.js';
import { actingAssociation, MAX_CAPACITY } from './help-request.service.js';
import { idempotencyKey, idempotent, takeKey } from './idempotency.service.js';
import { inRequestTransaction, requireOpenOrFilled } from './request-lock.service.js';
import { mustExist } from '../../shared/must-exist.js';

export interface ClaimFields {
  slotId: string;
  associationId: string;
  quantity: number;
  note?: string | null;
  idempotencyKey?: string | null;
}

/** Returns the id of the new claim (or of the first one, on an idempotent replay). */
export async function claim(ctx: Context, input: ClaimFields): Promise<string> {
  const slotKey = keyOf(input.slotId, 'Slot', 'input.slotId');
  const associationKey = keyOf(input.associationId, 'Association', 'input.associationId');
  const fields = {
    slotId: slotKey,
    quantity: intInRange(input.quantity, 'input.quantity', 1, MAX_CAPACITY),
    note: optionalText(input.note, 'input.note', LIMITS.short),
  };
  const key = idempotencyKey(input.idempotencyKey, associationKey ?? '', 'claim', fields);

  const slot = slotKey ? await slotById(ctx).load(slotKey) : null;
  if (!slot) throw notFound('Slot');
  const association = await actingAssociation(ctx, associationKey, 'claim for it');
  if (!association.verified) throw forbidden('Only verified associations can claim');
  const request = mustExist(await requestById(ctx).load(slot.requestId), 'requestById(slot.requestId)');
  if (request.requesterId === association.id) throw forbidden('An association cannot claim on its own request');

  return idempotent(ctx.em, key, () =>
    inRequestTransaction(ctx.em, request.id, async ({ em, request: locked, emit }) => {
      const claimId = randomUUID();
      if (key) await takeKey(em, key, claimId);
      if (locked.status !== RequestStatus.OPEN) throw new AppError('REQUEST_NOT_OPEN', `The request is ${locked.status}`);
      const ended = await one<{ ended: boolean }>(em, `SELECT coalesce(ends_at < now(), false) AS ended FROM slot WHERE id = ?`, [slot.id]);
      if (ended.ended) throw badInput('input.slotId', 'This slot has already ended');

      // A slot's claims list is bounded (ended claims stay listed); the request's row lock makes the count exact.
      const { claims } = await one<{ claims: number }>(em, `SELECT count(*)::int AS claims FROM claim WHERE slot_id = ?`, [slot.id]);
      if (claims >= BOUNDS.claimsPerSlot)
        throw badInput('input.slotId', `A slot takes at most ${BOUNDS.claimsPerSlot} claims, ended ones included`);

      // The partial unique index makes a second ACTIVE claim impossible; ON CONFLICT
      // turns it into an answer instead of an aborted transaction.
      const inserted = await row<{ id: string }>(
        em,
        `INSERT INTO claim (id, slot_id, request_id, association_id, quantity, note)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (slot_id, association_id) WHERE status = 'ACTIVE' DO NOTHING RETURNING id`,
        [claimId, slot.id, request.id, association.id, fields.quantity, fields.note],
      );
      if (!inserted) throw new AppError('ALREADY_CLAIMED', 'This association already holds an ACTIVE claim on this slot');

      // The capacity check and the increment are one statement.
      const taken = await row<{ claimed: number }>(
        em,
        `UPDATE slot SET claimed = claimed + ? WHERE id = ? AND claimed + ? <= capacity RETURNING claimed`,
        [fields.quantity, slot.id, fields.quantity],
      );
      if (!taken) {
        const current = await one<{ remaining: number }>(em, `SELECT capacity - claimed AS remaining FROM slot WHERE id = ?`, [slot.id]);
        throw new AppError('CAPACITY_EXCEEDED', `Only ${current.remaining} remain on this slot`, { remaining: current.remaining });
      }

      locked.claimed += fields.quantity;
      locked.activeClaims += 1;
      emit({ type: RequestEventType.CLAIMED, claimId, actorId: association.id });
      if (locked.claimed === locked.capacity) {
        locked.status = RequestStatus.FILLED;
        locked.filledAt ??= new Date();
        emit({ type: RequestEventType.FILLED, actorId: association.id });
      }
      return claimId;
    }),
  );
}

/** The claim a mutation names: undecodable BAD_USER_INPUT, unknown NOT_FOUND. */
async function existingClaim(ctx: Context, id: string): Promise<ClaimRow> {
  const key = keyOf(id, 'Claim', 'id');
  const found = key ? await claimById(ctx).load(key) : null;
  if (!found) throw notFound('Claim');
  return found;
}

/** By the claiming association. */
export async function withdrawClaim(ctx: Context, id: string, rawReason: string | null | undefined): Promise<string> {
  const reason = optionalText(rawReason, 'reason', LIMITS.short);
  const existing = await existingClaim(ctx, id);
  const association = await actingAssociation(ctx, existing.associationId, 'withdraw its claims');
  if (!association.verified) throw forbidden('Only verified associations can withdraw claims');
  return endClaim(ctx, existing, ClaimStatus.WITHDRAWN, RequestEventType.CLAIM_WITHDRAWN, reason, association.id);
}

/** By the requesting association. */
export async function declineClaim(ctx: Context, id: string, rawReason: string | null | undefined): Promise<string> {
  const reason = optionalText(rawReason, 'reason', LIMITS.short);
  const existing = await existingClaim(ctx, id);
  const request = mustExist(await requestById(ctx).load(existing.requestId), 'requestById(existing.requestId)');
  await actingAssociation(ctx, request.requesterId, 'decline claims on its requests');
  return endClaim(ctx, existing, ClaimStatus.DECLINED, RequestEventType.CLAIM_DECLINED, reason, request.requesterId);
}

/** Ends an ACTIVE claim, gives its quantity back to the slot, and reopens a FILLED request. */
async function endClaim(
  ctx: Context,
  existing: ClaimRow,
  status: ClaimStatus.WITHDRAWN | ClaimStatus.DECLINED,
  type: RequestEventType,
  reason: string | null,
  actorId: string,
): Promise<string> {
  await inRequestTransaction(ctx.em, existing.requestId, async ({ em, request, emit }) => {
    requireOpenOrFilled(request);
    const ended = await row<{ quantity: number; slotId: string }>(
      em,
      `UPDATE claim SET status = ?, ended_at = now(), end_reason = ? WHERE id = ? AND status = 'ACTIVE'
       RETURNING quantity, slot_id AS "slotId"`,
      [status, reason, existing.id],
    );
    if (!ended) throw badInput('id', `The claim is ${(await currentStatus(em, existing.id)) ?? 'not ACTIVE'}, not ACTIVE`);
    await row(em, `UPDATE slot SET claimed = claimed - ? WHERE id = ?`, [ended.quantity, ended.slotId]);
    giveBack(request, ended.quantity, emit, { type, claimId: existing.id, actorId });
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

async function currentStatus(em: EntityManager, claimId: string): Promise<string | null> {
  return (await row<{ status: string }>(em, `SELECT status FROM claim WHERE id = ?`, [claimId]))?.status ?? null;
}
