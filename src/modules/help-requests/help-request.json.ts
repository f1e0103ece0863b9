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
import { expressionBuilder, type AliasedExpression, type Expression, type Kysely } from 'kysely';
import { jsonArray, precompiled } from '../../db/raw.js';
import { attachRelations, decodeRelation, trustedRow, type JsonRelation, type JsonRow, type JsonShape } from '../../db/relations.js';
import { columnsFor, relationOf, wants, type Projection } from '../../shared/projection.js';
import { associationColumns, associationJson } from '../associations/association.json.js';
import type { Tables } from '../tables.js';
import { CLAIM_FIELDS, SLOT_FIELDS, type HelpRequestRow } from './help-request.rows.js';

/**
 * What claims and slots read this way carry besides the columns asked for:
 * what each field that is not a column reads (its resolver follows that key),
 * and always a claim's status, which the `status` argument of Slot.claims and
 * HelpRequest.claims filters on. Their relations read here (a claim's
 * association, a slot's claims) need no key: they come with them.
 */
const CLAIM_KEYS = ['status'] as const;
const CLAIM_READS = {
  id: ['id'],
  handOffs: ['id'],
  assignments: ['id'],
  request: ['requestId'],
  slot: ['slotId'],
  handedTo: ['handedToClaimId'],
} as const;
const SLOT_READS = {
  id: ['id'],
  assignments: ['id'],
  request: ['requestId'],
  remaining: ['capacity', 'claimed'],
} as const;
/** `remaining` is computed from these (help-request.resolver.ts, slot.resolver.ts). */
export const REMAINING_READS = { remaining: ['capacity', 'claimed'] } as const;

/** The relations of a request this module reads with it. */
export const REQUEST_RELATIONS = ['requester', 'slots', 'claims'] as const;

const SLOT_TIMESTAMPS: readonly string[] = ['startsAt', 'endsAt'];
const CLAIM_TIMESTAMPS: readonly string[] = ['claimedAt', 'endedAt'];

/**
 * References to the enclosing statement's row, for correlated subqueries
 * built apart from it (a subquery's SQL depends on what is asked, not on
 * where it is placed: requestRelations compiles each once per shape).
 */
const outer = {
  request: (column: 'id' | 'requesterId') => expressionBuilder<Tables, 'help_request'>().ref(`help_request.${column}`),
  slot: () => expressionBuilder<Tables, 'slot'>().ref('slot.id'),
  claim: () => expressionBuilder<Tables, 'claim'>().ref('claim.associationId'),
};

/**
 * An association by its primary key (`key`, a column of the enclosing row):
 * a subquery per row reads one index entry, where a join would hash the whole
 * table for each slot's claims.
 */
function associationByKey(name: 'requester' | 'association', key: Expression<string>, wanted: Projection) {
  const json = associationJson(wanted, (column) => expressionBuilder<Tables, 'association'>().ref(`association.${column}`));
  const query = expressionBuilder<Tables>().selectFrom('association').where('association.id', '=', key).select(json.value.as(name));
  const relation: JsonRelation = { name, many: false, shape: json.shape };
  return { query, relation };
}

/**
 * The claims of a slot or of a request (`parent`, a column of the enclosing
 * row), oldest first (claimedAt, id: the order of the claims loaders), as a
 * JSON array of arrays; null when there are none.
 */
function claimsJson(parent: Expression<string>, parentColumn: 'slotId' | 'requestId', wanted: Projection) {
  const columns = columnsFor(CLAIM_FIELDS, CLAIM_KEYS, wanted, CLAIM_READS);
  const association = wants(wanted, 'association')
    ? associationByKey('association', outer.claim(), relationOf(wanted, 'association'))
    : null;
  const query = expressionBuilder<Tables>()
    .selectFrom('claim')
    .where(`claim.${parentColumn}`, '=', parent)
    .select((eb) =>
      eb.fn
        .agg('json_agg', [jsonArray([...columns.map((name) => eb.ref(`claim.${name}`)), ...(association ? [association.query] : [])])])
        .orderBy('claim.claimedAt')
        .orderBy('claim.id')
        .as('claims'),
    );
  const shape: JsonShape = {
    columns,
    timestamps: timestampsOf(columns, CLAIM_TIMESTAMPS),
    relations: association ? [association.relation] : [],
  };
  const relation: JsonRelation = { name: 'claims', many: true, shape };
  return { query, relation };
}

/** The slots of the request, in their order (position), with their claims when asked for; null when none. */
function slotsJson(wanted: Projection) {
  const columns = columnsFor(SLOT_FIELDS, [], wanted, SLOT_READS);
  const claims = wants(wanted, 'claims') ? claimsJson(outer.slot(), 'slotId', relationOf(wanted, 'claims')) : null;
  const query = expressionBuilder<Tables>()
    .selectFrom('slot')
    .where('slot.requestId', '=', outer.request('id'))
    .select((eb) =>
      eb.fn
        .agg('json_agg', [jsonArray([...columns.map((name) => eb.ref(`slot.${name}`)), ...(claims ? [claims.query] : [])])])
        .orderBy('slot.position')
        .as('slots'),
    );
  const shape: JsonShape = { columns, timestamps: timestampsOf(columns, SLOT_TIMESTAMPS), relations: claims ? [claims.relation] : [] };
  const relation: JsonRelation = { name: 'slots', many: true, shape };
  return { query, relation };
}

const timestampsOf = (columns: readonly string[], timestamps: readonly string[]) => columns.filter((name) => timestamps.includes(name));

/** Each relation's JSON subquery over the enclosing `help_request` row, with its shape. */
function relationJson(relation: (typeof REQUEST_RELATIONS)[number], wanted: Projection) {
  if (relation === 'slots') return slotsJson(wanted);
  if (relation === 'claims') return claimsJson(outer.request('id'), 'requestId', wanted);
  return associationByKey('requester', outer.request('requesterId'), wanted);
}

/** What a request read adds for the relations asked for: its select list, and how to decode each row's JSON columns. */
export interface RequestRelations {
  readonly selections: readonly AliasedExpression<unknown, string>[];
  readonly decode: (row: JsonRow) => HelpRequestRow;
}

const NO_RELATIONS: RequestRelations = { selections: [], decode: (row) => trustedRow<HelpRequestRow>(row) };

/**
 * Compiled subqueries and their shapes, by what their SQL reads (sqlShape):
 * a list asked for again and again is built once. The COMPILED_SHAPES used
 * last are kept.
 */
const compiled = new Map<string, { relation: JsonRelation; text: string }[]>();
const COMPILED_SHAPES = 500;

/**
 * What the SQL of a relation reads for `wanted`: its columns (as a set) and
 * its own relations. Two selections that read the same are one entry, however
 * they differ elsewhere (fields of a claim's `request`, read by its loader).
 */
function sqlShape(relation: (typeof REQUEST_RELATIONS)[number] | 'association', wanted: Projection): string {
  const set = (columns: readonly string[]) => [...columns].sort().join(',');
  if (relation === 'requester' || relation === 'association') return `${relation}(${set(associationColumns(wanted))})`;
  if (relation === 'slots') {
    const claims = wants(wanted, 'claims') ? sqlShape('claims', relationOf(wanted, 'claims')) : '';
    return `slots(${set(columnsFor(SLOT_FIELDS, [], wanted, SLOT_READS))}${claims})`;
  }
  const association = wants(wanted, 'association') ? sqlShape('association', relationOf(wanted, 'association')) : '';
  return `claims(${set(columnsFor(CLAIM_FIELDS, CLAIM_KEYS, wanted, CLAIM_READS))}${association})`;
}

/**
 * The relations `wanted` asks for, read with each request: one JSON column
 * per relation to add to a statement over `help_request`, and the decoder of
 * the rows it returns. Their SQL depends on the shape of `wanted` only (no
 * parameter), so each shape is compiled once by `db` and reused as text
 * (precompiled in raw.ts).
 */
export function requestRelations(db: Kysely<Tables>, wanted: Projection): RequestRelations {
  const names = REQUEST_RELATIONS.filter((relation) => wants(wanted, relation));
  if (names.length === 0) return NO_RELATIONS;
  const key = names.map((relation) => sqlShape(relation, relationOf(wanted, relation))).join(';');
  let parts = compiled.get(key);
  if (parts) {
    compiled.delete(key); // kept in the order of last use
    compiled.set(key, parts);
  } else {
    parts = names.map((name) => {
      const { query, relation } = relationJson(name, relationOf(wanted, name));
      const statement = db.selectFrom('help_request').select(query.as(name)).compile();
      const prefix = 'select ';
      const suffix = ` as "${name}" from "help_request"`;
      if (statement.parameters.length > 0 || !statement.sql.startsWith(prefix) || !statement.sql.endsWith(suffix)) {
        throw new Error(`requestRelations: unexpected SQL for ${name}`);
      }
      return { relation, text: statement.sql.slice(prefix.length, -suffix.length) };
    });
    if (compiled.size >= COMPILED_SHAPES) compiled.delete(compiled.keys().next().value ?? key);
    compiled.set(key, parts);
  }
  const relations = parts.map((part) => part.relation);
  return {
    selections: parts.map(({ relation, text }) => precompiled(text).as(relation.name)),
    decode: (row) => withRelations(row, relations),
  };
}

/**
 * A request row as read with requestRelations: its JSON columns decoded and
 * moved under RELATIONS. They are the row's last columns: deleted last first,
 * the row keeps its fast shape.
 */
function withRelations(row: JsonRow, relations: readonly JsonRelation[]): HelpRequestRow {
  const read: JsonRow = {};
  for (let i = relations.length - 1; i >= 0; i--) {
    const relation = relations[i];
    read[relation.name] = decodeRelation(row[relation.name], relation);
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a relation's own column, replaced by its decoded rows
    delete row[relation.name];
  }
  attachRelations(row, read);
  return trustedRow<HelpRequestRow>(row);
}
