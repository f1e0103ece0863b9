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
import { expressionBuilder, type AliasedExpression, type Expression, type ExpressionBuilder, type Kysely } from 'kysely';
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

/** A subquery giving one JSON value per enclosing row, and how that value decodes. */
interface JsonRead<Q> {
  query: Q;
  relation: JsonRelation;
}

/**
 * The claims of a slot or of a request (`parent`, a column of the enclosing
 * statement), oldest first (claimedAt, id: the order of the claims loaders),
 * as a JSON array of arrays; null when there are none.
 */
function claimsJson(parent: Expression<string>, parentColumn: 'slotId' | 'requestId', wanted: Projection) {
  const association = wants(wanted, 'association') ? relationOf(wanted, 'association') : null;
  const columns = columnsFor(CLAIM_FIELDS, CLAIM_KEYS, wanted, CLAIM_READS);
  const relations: JsonRelation[] = [];
  const query = expressionBuilder<Tables>()
    .selectFrom('claim')
    .where(`claim.${parentColumn}`, '=', parent)
    .select((eb) => {
      const values: Expression<unknown>[] = columns.map((name) => eb.ref(`claim.${name}`));
      if (association) {
        const read = associationOf(eb, association);
        values.push(read.query);
        relations.push(read.relation);
      }
      return eb.fn
        .agg('json_agg', [jsonArray(values)])
        .orderBy('claim.claimedAt')
        .orderBy('claim.id')
        .as('claims');
    });
  return {
    query,
    relation: { name: 'claims', many: true, shape: { columns, timestamps: timestampsOf(columns, CLAIM_TIMESTAMPS), relations } },
  };
}

/**
 * The claim's association, by its primary key: a subquery per claim reads one
 * index entry, where a join would hash the whole table for each slot's claims.
 */
function associationOf(eb: ExpressionBuilder<Tables, 'claim'>, wanted: Projection): JsonRead<Expression<unknown>> {
  let shape: JsonShape | undefined;
  const query = eb
    .selectFrom('association')
    .whereRef('association.id', '=', 'claim.associationId')
    .select((eb) => {
      const json = associationJson(wanted, (name) => eb.ref(`association.${name}`));
      shape = json.shape;
      return json.value.as('association');
    });
  return { query, relation: { name: 'association', many: false, shape: mustHave(shape) } };
}

/** The slots of the request, in their order (position), with their claims when asked for; null when none. */
function slotsJson(eb: ExpressionBuilder<Tables, 'help_request'>, wanted: Projection) {
  const claims = wants(wanted, 'claims') ? relationOf(wanted, 'claims') : null;
  const columns = columnsFor(SLOT_FIELDS, [], wanted, SLOT_READS);
  const relations: JsonRelation[] = [];
  const query = eb
    .selectFrom('slot')
    .whereRef('slot.requestId', '=', 'help_request.id')
    .select((eb) => {
      const values: Expression<unknown>[] = columns.map((name) => eb.ref(`slot.${name}`));
      if (claims) {
        const read = claimsJson(eb.ref('slot.id'), 'slotId', claims);
        values.push(read.query);
        relations.push(read.relation);
      }
      return eb.fn
        .agg('json_agg', [jsonArray(values)])
        .orderBy('slot.position')
        .as('slots');
    });
  return {
    query,
    relation: { name: 'slots', many: true, shape: { columns, timestamps: timestampsOf(columns, SLOT_TIMESTAMPS), relations } },
  };
}

/** The requester, by its primary key. */
function requesterJson(eb: ExpressionBuilder<Tables, 'help_request'>, wanted: Projection) {
  let shape: JsonShape | undefined;
  const query = eb
    .selectFrom('association as requester')
    .whereRef('requester.id', '=', 'help_request.requesterId')
    .select((eb) => {
      const json = associationJson(wanted, (name) => eb.ref(`requester.${name}`));
      shape = json.shape;
      return json.value.as('requester');
    });
  return { query, relation: { name: 'requester', many: false, shape: mustHave(shape) } };
}

const timestampsOf = (columns: readonly string[], timestamps: readonly string[]) => columns.filter((name) => timestamps.includes(name));

function mustHave<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('help-request.json: a subquery was not built');
  return value;
}

/** Each relation's JSON subquery over the enclosing `help_request` row, with its shape. */
function relationJson(eb: ExpressionBuilder<Tables, 'help_request'>, relation: (typeof REQUEST_RELATIONS)[number], wanted: Projection) {
  if (relation === 'slots') return slotsJson(eb, wanted);
  if (relation === 'claims') return claimsJson(eb.ref('help_request.id'), 'requestId', wanted);
  return requesterJson(eb, wanted);
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
      let relation: JsonRelation | undefined;
      const statement = db
        .selectFrom('help_request')
        .select((eb) => {
          const read = relationJson(eb, name, relationOf(wanted, name));
          relation = read.relation;
          return read.query.as(name);
        })
        .compile();
      const prefix = 'select ';
      const suffix = ` as "${name}" from "help_request"`;
      if (statement.parameters.length > 0 || !statement.sql.startsWith(prefix) || !statement.sql.endsWith(suffix)) {
        throw new Error(`requestRelations: unexpected SQL for ${name}`);
      }
      return { relation: mustHave(relation), text: statement.sql.slice(prefix.length, -suffix.length) };
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
