/**
 * Whether two sides answer the same data: each answer is brought to one
 * canonical shape (the fields both have), then compared as JSON.
 *
 * - Connections become lists: ours' `edges[].node`, PostGraphile's `nodes`.
 * - PostGraphile's relation and key names become ours (`renames`).
 * - Ours' global ids become the row's uuid, PostGraphile 5's `rowId` `id`.
 * - Timestamps become ISO 8601 in UTC with milliseconds (PostGraphile
 *   answers `+00:00` and microseconds, ours `Z`).
 */

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const GLOBAL_ID = /^[A-Za-z0-9_-]{20,}$/;
const UUID_KEY = /^[A-Za-z]+:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The uuid in one of ours' global ids, or the value unchanged. */
function uuidOf(value) {
  if (typeof value !== 'string' || !GLOBAL_ID.test(value)) return value;
  return UUID_KEY.exec(Buffer.from(value, 'base64url').toString('utf8'))?.[1] ?? value;
}

export function canonical(value, renames = {}) {
  if (Array.isArray(value)) return value.map((item) => canonical(item, renames));
  if (value === null || typeof value !== 'object') {
    return typeof value === 'string' && ISO_TIMESTAMP.test(value) ? new Date(value).toISOString() : value;
  }
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === 'nodes') return canonical(value.nodes, renames);
  if (keys.length === 1 && keys[0] === 'edges') return value.edges.map((edge) => canonical(edge.node, renames));
  const entries = keys.map((key) => {
    const name = key === 'rowId' ? 'id' : (renames[key] ?? key);
    return [name, name === 'id' ? uuidOf(value[key]) : canonical(value[key], renames)];
  });
  // Sorted after renaming: the same fields in the same order whatever each side calls them.
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** PostGraphile's names for ours' relations (same in 4 and 5 with their default inflection). */
export const POSTGRAPHILE_RENAMES = {
  associationByRequesterId: 'requester',
  slotsByRequestId: 'slots',
  claimsBySlotId: 'claims',
  associationByAssociationId: 'association',
};

/** POSTs one GraphQL operation; returns the parsed body (throws on a transport failure). */
export async function gql(url, body, headers = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    signal: AbortSignal.timeout(30_000),
  });
  return response.json();
}

/**
 * Asks every side the same `samples` (a body per side for each) and compares
 * their canonical data with the first side's. Returns { ok, samples, detail }:
 * detail names the first difference found.
 */
export async function compareSides(sides, samples) {
  for (let i = 0; i < samples.length; i++) {
    let reference = null;
    for (const side of sides) {
      const answer = await gql(side.url, samples[i][side.key], side.headers);
      if (answer.errors) return { ok: false, samples: i, detail: `${side.key}: ${JSON.stringify(answer.errors).slice(0, 300)}` };
      const data = JSON.stringify(canonical(side.pick(answer.data), POSTGRAPHILE_RENAMES));
      if (reference === null) reference = { key: side.key, data };
      else if (data !== reference.data) {
        return {
          ok: false,
          samples: i,
          detail: `sample ${i}: ${side.key} differs from ${reference.key}: ${firstDifference(reference.data, data)}`,
        };
      }
    }
  }
  return { ok: true, samples: samples.length, detail: null };
}

function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `…${a.slice(Math.max(0, i - 80), i + 80)}… vs …${b.slice(Math.max(0, i - 80), i + 80)}…`;
}
