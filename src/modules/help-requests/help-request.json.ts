/**
 * A request's relations read in the request's own statement (db/relations.ts):
 * its requester, its slots with their claims, its claims, each claim with its
 * association, built by PostgreSQL as JSON from what the caller's projection
 * asks for. A page of requests with all of them is one statement: the
 * resolvers find them on the row (readWith) and ask no loader.
 *
 * Nothing here is restricted: a slot's and a claim's columns and an
 * association's are public. `contact`, the one restricted column of a
 * request, stays a column of the request decided for the caller
 * (help-request-list.service.ts).
 */
import { expressionBuilder, type Expression, type ExpressionBuilder, type Kysely } from 'kysely';
import { jsonObject, precompiled } from '../../db/raw.js';
import { attachRelations, decodeTimestampIn, isJsonRow, jsonRows, trustedRow, type JsonRow } from '../../db/relations.js';
import { columnsFor, projectionKey, relationOf, wants, type Projection } from '../../shared/projection.js';
import { associationJson, decodeAssociation } from '../associations/association.json.js';
import type { Tables } from '../tables.js';
import type { AssociationRow } from '../associations/association.rows.js';
import { CLAIM_FIELDS, SLOT_FIELDS, type ClaimRow, type HelpRequestRow, type SlotRow } from './help-request.rows.js';

/**
 * Columns every claim and slot read this way carries: what their relations
 * and ids follow, and a claim's status, which the `status` argument of
 * Slot.claims and HelpRequest.claims filters on.
 */
const CLAIM_KEYS = ['id', 'slotId', 'requestId', 'associationId', 'handedToClaimId', 'status'] as const;
const SLOT_KEYS = ['id', 'requestId'] as const;
/** `remaining` is computed from these (help-request.resolver.ts, slot.resolver.ts). */
export const REMAINING_READS = { remaining: ['capacity', 'claimed'] } as const;

/** The relations of a request this module reads with it. */
export const REQUEST_RELATIONS = ['requester', 'slots', 'claims'] as const;

/**
 * The claims of a slot or of a request (`parent`, a column of the enclosing
 * statement), oldest first (claimedAt, id: the
 * order of the claims loaders), as a JSON array; null when there are none.
 */
function claimsJson(parent: Expression<string>, parentColumn: 'slotId' | 'requestId', wanted: Projection) {
  const association = wants(wanted, 'association') ? relationOf(wanted, 'association') : null;
  const columns = columnsFor(CLAIM_FIELDS, CLAIM_KEYS, wanted);
  return expressionBuilder<Tables>()
    .selectFrom('claim')
    .innerJoin('association', 'association.id', 'claim.associationId')
    .where(`claim.${parentColumn}`, '=', parent)
    .select((eb) =>
      eb.fn
        .agg('json_agg', [
          jsonObject([
            ...columns.map((name) => [name, eb.ref(`claim.${name}`)] as const),
            ...(association ? [['association', associationJson(association, (name) => eb.ref(`association.${name}`))] as const] : []),
          ]),
        ])
        .orderBy('claim.claimedAt')
        .orderBy('claim.id')
        .as('claims'),
    );
}

/** The slots of the request, in their order (position), with their claims when asked for; null when none. */
function slotsJson(eb: ExpressionBuilder<Tables, 'help_request'>, wanted: Projection) {
  const claims = wants(wanted, 'claims') ? relationOf(wanted, 'claims') : null;
  const columns = columnsFor(SLOT_FIELDS, SLOT_KEYS, wanted, REMAINING_READS);
  return eb
    .selectFrom('slot')
    .whereRef('slot.requestId', '=', 'help_request.id')
    .select((eb) =>
      eb.fn
        .agg('json_agg', [
          jsonObject([
            ...columns.map((name) => [name, eb.ref(`slot.${name}`)] as const),
            ...(claims ? [['claims', claimsJson(eb.ref('slot.id'), 'slotId', claims)] as const] : []),
          ]),
        ])
        .orderBy('slot.position')
        .as('slots'),
    );
}

/** Each relation's JSON subquery, over the enclosing `help_request` row. */
function relationJson(eb: ExpressionBuilder<Tables, 'help_request'>, relation: (typeof REQUEST_RELATIONS)[number], wanted: Projection) {
  if (relation === 'slots') return slotsJson(eb, wanted);
  if (relation === 'claims') return claimsJson(eb.ref('help_request.id'), 'requestId', wanted);
  return eb
    .selectFrom('association')
    .whereRef('association.id', '=', 'help_request.requesterId')
    .select((eb) => associationJson(wanted, (name) => eb.ref(`association.${name}`)).as('requester'));
}

/** Compiled subqueries by the shape asked for: a list asked for again and again is built once (bounded). */
const compiled = new Map<string, { relation: string; text: string }[]>();
const COMPILED_SHAPES = 500;

/**
 * The selections that read the relations `wanted` asks for, to add to a
 * statement over `help_request`: one JSON column per relation. Their SQL
 * depends on the shape of `wanted` only (no parameter), so each shape is
 * compiled once by `db` and reused as text (precompiled in raw.ts).
 */
export function requestRelationsJson(db: Kysely<Tables>, wanted: Projection) {
  const relations = REQUEST_RELATIONS.filter((relation) => wants(wanted, relation));
  if (relations.length === 0) return [];
  const shape = relations.map((relation) => `${relation}${projectionKey(relationOf(wanted, relation))}`).join(';');
  let texts = compiled.get(shape);
  if (!texts) {
    texts = relations.map((relation) => {
      const statement = db
        .selectFrom('help_request')
        .select((eb) => relationJson(eb, relation, relationOf(wanted, relation)).as(relation))
        .compile();
      const prefix = 'select ';
      const suffix = ` as "${relation}" from "help_request"`;
      if (statement.parameters.length > 0 || !statement.sql.startsWith(prefix) || !statement.sql.endsWith(suffix)) {
        throw new Error(`requestRelationsJson: unexpected SQL for ${relation}`);
      }
      return { relation, text: statement.sql.slice(prefix.length, -suffix.length) };
    });
    if (compiled.size >= COMPILED_SHAPES) compiled.clear();
    compiled.set(shape, texts);
  }
  return texts.map(({ relation, text }) => precompiled(text).as(relation));
}

function decodeClaim(json: JsonRow): ClaimRow {
  decodeTimestampIn(json, 'claimedAt');
  decodeTimestampIn(json, 'endedAt');
  // The JSON relation is the object's last key: deleting it keeps the object's fast shape.
  const association = json.association;
  if (isJsonRow(association)) {
    delete json.association;
    attachRelations(json, { association: decodeAssociation(association) });
  }
  return trustedRow<ClaimRow>(json);
}

function decodeSlot(json: JsonRow): SlotRow {
  decodeTimestampIn(json, 'startsAt');
  decodeTimestampIn(json, 'endsAt');
  if ('claims' in json) {
    const claims = jsonRows(json.claims).map(decodeClaim);
    delete json.claims;
    attachRelations(json, { claims });
  }
  return trustedRow<SlotRow>(json);
}

/**
 * A request row as read with requestRelationsJson: its JSON columns decoded
 * and moved under RELATIONS (an empty list where PostgreSQL aggregated no row).
 */
export function withRelations(row: JsonRow): HelpRequestRow {
  // The JSON columns are the row's last ones: deleted last first, the row keeps its fast shape.
  const relations: { requester?: AssociationRow; slots?: SlotRow[]; claims?: ClaimRow[] } = {};
  let found = false;
  if ('claims' in row) {
    relations.claims = jsonRows(row.claims).map(decodeClaim);
    delete row.claims;
    found = true;
  }
  if ('slots' in row) {
    relations.slots = jsonRows(row.slots).map(decodeSlot);
    delete row.slots;
    found = true;
  }
  const requester = row.requester;
  if (isJsonRow(requester)) {
    relations.requester = decodeAssociation(requester);
    delete row.requester;
    found = true;
  }
  if (found) attachRelations(row, relations);
  return trustedRow<HelpRequestRow>(row);
}
