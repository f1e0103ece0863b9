/**
 * The claim's essential SQL (W4's floor, and the trigger of W6's events):
 * what src/modules/help-requests/claim.service.ts must make PostgreSQL do for
 * one claim, with no ORM, no loader, no GraphQL, each step one statement:
 *
 *  1. existence and permission in one read: the slot and its request's
 *     requester, the association (verified), and whether the user is its OWNER
 *     or COORDINATOR (and still exists: the server checks the token's user on
 *     every call);
 *  2. BEGIN; lock the request row (every change of a request is serialised);
 *  3. the slot's bound on claims (500, ended ones included);
 *  4. INSERT the claim, ON CONFLICT on the partial unique index (one ACTIVE
 *     claim per slot and association);
 *  5. the capacity check and the increment in one conditional UPDATE of slot;
 *  6. the request's totals, status, filledAt and version, RETURNING the
 *     event's filter attributes (as the server's append reads them: the
 *     requester, every association that ever claimed on it or was offered a
 *     claim on it);
 *  7. the event log's advisory lock, held to COMMIT (positions in commit order);
 *  8. one INSERT of the events with the NOTIFY of the last position;
 *  9. COMMIT.
 *
 * Ten statements with BEGIN and COMMIT. It mirrors today's event append
 * (event-log.service.ts); when the server's append changes, change step 6 and
 * 8 here with it, or the floor no longer measures the same work.
 */
import { randomUUID } from 'node:crypto';

/** As src/modules/event-log/event-log.service.ts. */
export const EVENT_LOG_LOCK_KEY = 7_310_885_202;
export const EVENTS_CHANNEL = 'request_events';
/** BOUNDS.claimsPerSlot (src/shared/cost.ts). */
const CLAIMS_PER_SLOT = 500;

class ClaimError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

/**
 * Claims `quantity` on `slotId` for `associationId` as `userId`. Returns the
 * claim's id, or throws a ClaimError with the API's code; `counter.statements`
 * grows by each statement sent.
 */
export async function claimOnce(pool, { userId, slotId, associationId, quantity }, counter = { statements: 0 }) {
  counter.statements += 1;
  const { rows: found } = await pool.query(
    `SELECT s.request_id, s.ends_at < now() AS ended, h.requester_id, a.verified,
            EXISTS (SELECT 1 FROM membership m JOIN app_user u ON u.id = m.user_id
                     WHERE m.association_id = a.id AND m.user_id = $3 AND m.role IN ('OWNER', 'COORDINATOR')) AS may
       FROM slot s JOIN help_request h ON h.id = s.request_id, association a
      WHERE s.id = $1 AND a.id = $2`,
    [slotId, associationId, userId],
  );
  const checks = found[0];
  if (!checks) throw new ClaimError('NOT_FOUND', 'Slot or association not found');
  if (!checks.may) throw new ClaimError('FORBIDDEN', 'Not allowed to claim for this association');
  if (!checks.verified) throw new ClaimError('FORBIDDEN', 'Only verified associations can claim');
  if (checks.requester_id === associationId) throw new ClaimError('FORBIDDEN', 'An association cannot claim on its own request');
  if (checks.ended) throw new ClaimError('BAD_USER_INPUT', 'This slot has already ended');
  const requestId = checks.request_id;

  const connection = await pool.connect();
  // Every statement counted, for the floor's x-sql-statements (pg_stat_statements also sees other clients' statements).
  const client = {
    query: (...args) => {
      counter.statements += 1;
      return connection.query(...args);
    },
  };
  try {
    await client.query('BEGIN');
    const { rows: locked } = await client.query('SELECT status FROM help_request WHERE id = $1 FOR UPDATE', [requestId]);
    if (locked[0].status !== 'OPEN') throw new ClaimError('REQUEST_NOT_OPEN', `The request is ${locked[0].status}`);
    const { rows: counted } = await client.query('SELECT count(*)::int AS n FROM claim WHERE slot_id = $1', [slotId]);
    if (counted[0].n >= CLAIMS_PER_SLOT) throw new ClaimError('BAD_USER_INPUT', 'A slot takes at most 500 claims');
    const claimId = randomUUID();
    const inserted = await client.query(
      `INSERT INTO claim (id, slot_id, request_id, association_id, quantity, note, status, claimed_at, assigned)
       VALUES ($1, $2, $3, $4, $5, NULL, 'ACTIVE', now(), 0)
       ON CONFLICT (slot_id, association_id) WHERE status = 'ACTIVE' DO NOTHING RETURNING id`,
      [claimId, slotId, requestId, associationId, quantity],
    );
    if (inserted.rowCount === 0) throw new ClaimError('ALREADY_CLAIMED', 'This association already holds an ACTIVE claim on this slot');
    const taken = await client.query(
      'UPDATE slot SET claimed = claimed + $2 WHERE id = $1 AND claimed + $2 <= capacity RETURNING claimed',
      [slotId, quantity],
    );
    if (taken.rowCount === 0) throw new ClaimError('CAPACITY_EXCEEDED', 'Not enough remains on this slot');
    const { rows: request } = await client.query(
      `UPDATE help_request
          SET claimed = claimed + $2, active_claims = active_claims + 1,
              status = CASE WHEN claimed + $2 = capacity THEN 'FILLED' ELSE status END,
              filled_at = CASE WHEN claimed + $2 = capacity THEN coalesce(filled_at, now()) ELSE filled_at END,
              version = version + CASE WHEN claimed + $2 = capacity THEN 2 ELSE 1 END
        WHERE id = $1
        RETURNING kind, category, township, requester_id, status = 'FILLED' AS filled,
                  ARRAY(SELECT requester_id UNION SELECT c.association_id FROM claim c WHERE c.request_id = $1
                        UNION SELECT o.to_association_id FROM claim_handoff o WHERE o.request_id = $1) AS involved`,
      [requestId, quantity],
    );
    const attributes = request[0];
    await client.query('SELECT pg_advisory_xact_lock($1)', [EVENT_LOG_LOCK_KEY]);
    const types = attributes.filled ? ['CLAIMED', 'FILLED'] : ['CLAIMED'];
    await client.query(
      `WITH appended AS (
         INSERT INTO request_event (position, type, request_id, claim_id, actor_id, kind, category, township, requester_id, involved, occurred_at)
         SELECT nextval('request_event_position'), t.type, $2, CASE WHEN t.type = 'CLAIMED' THEN $3::uuid END, $4, $5, $6, $7, $8, $9, now()
           FROM unnest($1::text[]) WITH ORDINALITY AS t(type, n)
         RETURNING position)
       SELECT pg_notify($10, max(position)::text) FROM appended`,
      [
        types,
        requestId,
        claimId,
        associationId,
        attributes.kind,
        attributes.category,
        attributes.township,
        attributes.requester_id,
        attributes.involved,
        EVENTS_CHANNEL,
      ],
    );
    await client.query('COMMIT');
    return claimId;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    connection.release();
  }
}

export { ClaimError };
