/** What must hold of one request in the database after any sequence of claims, hand-offs and closures. */
import { expect } from 'vitest';
import { query } from './pg.js';

/**
 * Every slot's and the request's `claimed` is the sum of its ACTIVE and
 * FULFILLED quantities, never over capacity; `activeClaims` counts the ACTIVE
 * claims; FILLED exactly when full, OPEN only with room; at most one ACTIVE
 * claim per (slot, association); at most one OFFERED hand-off per claim, and
 * only on an ACTIVE claim of an OPEN or FILLED request; the version counts the
 * events (but those about people). `requestKey`: the database key.
 */
export async function expectRequestConsistent(databaseUrl: string, requestKey: string): Promise<void> {
  const [row] = await query<Record<string, number | string>>(
    databaseUrl,
    `SELECT h.status, h.claimed, h.capacity, h.active_claims, h.version,
            (SELECT coalesce(sum(quantity), 0)::int FROM claim WHERE request_id = h.id AND status IN ('ACTIVE', 'FULFILLED')) AS committed,
            (SELECT count(*)::int FROM claim WHERE request_id = h.id AND status = 'ACTIVE') AS active,
            (SELECT count(*)::int FROM slot s WHERE s.request_id = h.id AND (s.claimed > s.capacity OR s.claimed <>
               (SELECT coalesce(sum(quantity), 0) FROM claim c WHERE c.slot_id = s.id AND c.status IN ('ACTIVE', 'FULFILLED')))) AS slots_off,
            (SELECT count(*)::int FROM (SELECT 1 FROM claim WHERE request_id = h.id AND status = 'ACTIVE'
               GROUP BY slot_id, association_id HAVING count(*) > 1) twice) AS doubled,
            (SELECT count(*)::int FROM claim_handoff o JOIN claim c ON c.id = o.claim_id
              WHERE o.request_id = h.id AND o.status = 'OFFERED' AND (c.status <> 'ACTIVE' OR h.status NOT IN ('OPEN', 'FILLED'))) AS stale_offers,
            (SELECT count(*)::int FROM request_event WHERE request_id = h.id
               AND type NOT IN ('VOLUNTEER_ASSIGNED', 'VOLUNTEER_UNASSIGNED', 'ATTENDANCE_RECORDED')) AS versioned
       FROM help_request h WHERE h.id = $1`,
    [requestKey],
  );
  expect(row.claimed, 'request.claimed').toBe(row.committed);
  expect(row.active_claims, 'request.activeClaims').toBe(row.active);
  expect(row.slots_off, 'slots whose claimed is not their committed sum').toBe(0);
  expect(row.doubled, 'two ACTIVE claims of one association on a slot').toBe(0);
  expect(row.stale_offers, 'OFFERED hand-offs of ended claims or closed requests').toBe(0);
  expect(row.version, 'version').toBe(row.versioned);
  if (row.status === 'FILLED') expect(row.claimed).toBe(row.capacity);
  if (row.status === 'OPEN') expect(row.claimed).toBeLessThan(Number(row.capacity));
}
